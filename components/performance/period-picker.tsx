"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { REALIZATION_FORM_WORDS } from "@/lib/performance/form-words";

const UI = REALIZATION_FORM_WORDS.ui;

export interface PeriodPickerProps {
  action: string;
  years: number[];
  year: number;
  /** Omit to choose the year only. */
  quarter?: number;
  /** Extra filters (unit kerja, sasaran) that keep their value across a change. */
  filters?: { name: string; label: string; value: string; options: { value: string; label: string }[] }[];
}

/**
 * A GET form (?tahun=&tw=...): works without JavaScript through its button;
 * with it, a change of any select navigates at once, inside the app (no full load). This is what
 * next/form did, written out: next/form was ~1.3 kB gzip of the realization page's first-load JS
 * (docs/decisions/058-sop-and-realization-first-load.md).
 */
export function PeriodPicker({ action, years, year, quarter, filters = [] }: PeriodPickerProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form
      key={[year, quarter, ...filters.map((f) => f.value)].join("|")}
      ref={form}
      action={action}
      onSubmit={(e) => {
        e.preventDefault();
        // The address the browser would load: the action with the form's fields as its query.
        const url = new URL(action, window.location.href);
        url.search = "";
        for (const [name, value] of new FormData(e.currentTarget)) url.searchParams.append(name, typeof value === "string" ? value : value.name);
        router.push(`${url.pathname}${url.search}`);
      }}
      className="no-print flex flex-wrap items-end gap-3"
      data-testid="period-picker"
    >
      <div className="space-y-1">
        <label htmlFor="period-year" className="block text-sm font-medium text-slate-800">
          {UI.year}
        </label>
        <Select id="period-year" name="tahun" defaultValue={String(year)} onChange={submit} className="w-28">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      {quarter !== undefined ? (
        <div className="space-y-1">
          <label htmlFor="period-quarter" className="block text-sm font-medium text-slate-800">
            {UI.quarter}
          </label>
          <Select id="period-quarter" name="tw" defaultValue={String(quarter)} onChange={submit} className="w-40">
            {UI.quarters.map((label, i) => (
              <option key={label} value={i + 1}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {filters.map((f) => (
        <div key={f.name} className="min-w-0 space-y-1">
          <label htmlFor={`period-${f.name}`} className="block text-sm font-medium text-slate-800">
            {f.label}
          </label>
          <Select id={`period-${f.name}`} name={f.name} defaultValue={f.value} onChange={submit} className="max-w-72">
            <option value="">{UI.all}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <Button type="submit" variant="secondary">
        {UI.show}
      </Button>
    </form>
  );
}

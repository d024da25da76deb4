import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { REALIZATION_PAGE_WORDS } from "@/lib/performance/page-words";

import { PeriodPickerNavigation } from "./period-picker-navigation";

const UI = REALIZATION_PAGE_WORDS;

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
 * with it, a change of any select navigates at once, inside the app (no full load).
 * A server component: the selects are HTML; ./period-picker-navigation.tsx is the only JS
 * (docs/decisions/058-sop-and-realization-first-load.md: it replaced next/form).
 */
export function PeriodPicker({ action, years, year, quarter, filters = [] }: PeriodPickerProps) {
  return (
    <form
      key={[year, quarter, ...filters.map((f) => f.value)].join("|")}
      action={action}
      className="no-print flex flex-wrap items-end gap-3"
      data-testid="period-picker"
    >
      <div className="space-y-1">
        <label htmlFor="period-year" className="block text-sm font-medium text-slate-800">
          {UI.year}
        </label>
        <Select id="period-year" name="tahun" defaultValue={String(year)} className="w-28">
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
          <Select id="period-quarter" name="tw" defaultValue={String(quarter)} className="w-40">
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
          <Select id={`period-${f.name}`} name={f.name} defaultValue={f.value} className="max-w-72">
            <option value="">{UI.all}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <PeriodPickerNavigation action={action} />
      <Button type="submit" variant="secondary">
        {UI.show}
      </Button>
    </form>
  );
}

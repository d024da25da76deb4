"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import {
  addAgencyHolidayAction,
  addPlatformHolidayAction,
  deleteAgencyHolidayAction,
  deletePlatformHolidayAction,
  setOfficeHoursAction,
} from "@/lib/calendar/actions";
import type { TOfficeHours } from "@/lib/cycle/working-time";
import { WEEKDAY_NAMES } from "@/lib/cycle/working-time";

type TResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

function firstError(result: TResult): string | null {
  if (result.ok) return null;
  const field = Object.values(result.fieldErrors ?? {}).find((v) => v && v.length)?.[0];
  return field ?? result.error;
}

interface TDayRow {
  open: boolean;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
}

/** Office hours per weekday, Monday first: open or closed, opening, closing, break. */
export function OfficeHoursForm({ agencySlug, hours, canManage }: { agencySlug: string; hours: TOfficeHours; canManage: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<TDayRow[]>(
    WEEKDAY_NAMES.map((_, i) => {
      const d = hours[i];
      return { open: Boolean(d), start: d?.open ?? "07:30", end: d?.close ?? "16:00", breakStart: d?.breakStart ?? "", breakEnd: d?.breakEnd ?? "" };
    }),
  );
  const set = (i: number, patch: Partial<TDayRow>) => setDays((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = (await setOfficeHoursAction(agencySlug, { days })) as TResult;
          const message = firstError(result);
          setError(message);
          if (!message) {
            toast.success("Jam kerja disimpan.");
            router.refresh();
          }
        });
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <div className="space-y-3">
        {days.map((d, i) => (
          <fieldset key={WEEKDAY_NAMES[i]} className="grid grid-cols-2 items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-6">
            <legend className="px-1 text-sm font-semibold">{WEEKDAY_NAMES[i]}</legend>
            <label className="col-span-2 flex min-h-10 items-center gap-2 text-sm sm:col-span-1">
              <input type="checkbox" checked={d.open} disabled={!canManage} onChange={(e) => set(i, { open: e.target.checked })} />
              Hari kerja
            </label>
            {(
              [
                ["start", "Buka"],
                ["end", "Tutup"],
                ["breakStart", "Istirahat mulai"],
                ["breakEnd", "Istirahat selesai"],
              ] as const
            ).map(([key, label]) => (
              <Field key={key} id={`jam-${i}-${key}`} label={label}>
                <Input
                  id={`jam-${i}-${key}`}
                  type="time"
                  value={d[key]}
                  disabled={!canManage || !d.open}
                  onChange={(e) => set(i, { [key]: e.target.value })}
                />
              </Field>
            ))}
          </fieldset>
        ))}
      </div>
      {canManage ? (
        <Button type="submit" disabled={pending}>
          {pending ? "…" : "Simpan jam kerja"}
        </Button>
      ) : null}
    </form>
  );
}

const KIND_OPTIONS = [
  ["LIBUR_NASIONAL", "Libur nasional"],
  ["CUTI_BERSAMA", "Cuti bersama"],
  ["LIBUR_DAERAH", "Libur daerah"],
] as const;

/** Adds a holiday: the agency's own (agency administrator) or national/government (platform administrator). */
export function HolidayForm({ agencySlug, governments }: { agencySlug?: string; governments?: { id: string; label: string }[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState({ date: "", name: "", source: "", kind: "LIBUR_NASIONAL" as (typeof KIND_OPTIONS)[number][0], governmentId: "" });
  const platform = !agencySlug;
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = (
            platform
              ? await addPlatformHolidayAction(values)
              : await addAgencyHolidayAction(agencySlug, { date: values.date, name: values.name, source: values.source })
          ) as TResult;
          const message = firstError(result);
          setError(message);
          if (!message) {
            toast.success("Hari libur ditambahkan.");
            setValues((v) => ({ ...v, date: "", name: "" }));
            router.refresh();
          }
        });
      }}
    >
      {error ? (
        <div className="sm:col-span-2">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      <Field id="libur-date" label="Tanggal">
        <Input id="libur-date" type="date" value={values.date} onChange={(e) => setValues({ ...values, date: e.target.value })} />
      </Field>
      <Field id="libur-name" label="Nama hari libur">
        <Input id="libur-name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
      </Field>
      {platform ? (
        <>
          <Field id="libur-kind" label="Jenis">
            <Select id="libur-kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value as typeof values.kind })}>
              {KIND_OPTIONS.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="libur-government" label="Pemerintah daerah (hanya libur daerah)">
            <Select id="libur-government" value={values.governmentId} onChange={(e) => setValues({ ...values, governmentId: e.target.value })}>
              <option value="">— nasional —</option>
              {(governments ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      <div className="sm:col-span-2">
        <Field id="libur-source" label="Dasar (keputusan/surat edaran)">
          <Input id="libur-source" value={values.source} onChange={(e) => setValues({ ...values, source: e.target.value })} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "…" : "Tambah hari libur"}
        </Button>
      </div>
    </form>
  );
}

export function DeleteHolidayButton({ agencySlug, holidayId, name }: { agencySlug?: string; holidayId: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      disabled={pending}
      aria-label={`Hapus ${name}`}
      onClick={() =>
        start(async () => {
          const result = (agencySlug ? await deleteAgencyHolidayAction(agencySlug, { holidayId }) : await deletePlatformHolidayAction({ holidayId })) as TResult;
          const message = firstError(result);
          if (message) toast.error(message);
          else {
            toast.success("Hari libur dihapus.");
            router.refresh();
          }
        })
      }
    >
      Hapus
    </Button>
  );
}

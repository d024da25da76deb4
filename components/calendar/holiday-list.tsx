import { Badge } from "@/components/ui/badge";
import type { THolidayRow } from "@/lib/calendar/holidays";

import { DeleteHolidayButton } from "./calendar-forms";

const KIND_LABELS = { LIBUR_NASIONAL: "Libur nasional", CUTI_BERSAMA: "Cuti bersama", LIBUR_DAERAH: "Libur daerah" } as const;

const dateFmt = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A year's holidays; the ones the viewer may remove carry a button. */
export function HolidayList({ rows, deletable, agencySlug }: { rows: THolidayRow[]; deletable: (row: THolidayRow) => boolean; agencySlug?: string }) {
  if (rows.length === 0) return <p className="text-slate-600">Belum ada hari libur tercatat untuk tahun ini.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {rows.map((h) => (
        <li key={h.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="font-medium">
              {dateFmt.format(h.date)}: {h.name}
            </p>
            <p className="text-xs text-slate-600">
              <Badge tone={h.kind === "CUTI_BERSAMA" ? "warning" : "neutral"}>{KIND_LABELS[h.kind]}</Badge>{" "}
              {h.agencyId ? "instansi ini" : h.government ? h.government.name : "nasional"}
              {h.source ? ` · ${h.source}` : ""}
            </p>
          </div>
          {deletable(h) ? <DeleteHolidayButton agencySlug={agencySlug} holidayId={h.id} name={h.name} /> : null}
        </li>
      ))}
    </ul>
  );
}

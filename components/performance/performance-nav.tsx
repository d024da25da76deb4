import Link from "next/link";

import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { cn } from "@/lib/utils";

const UI = PERFORMANCE_MESSAGES.ui;

export type TPerformanceTab = "overview" | "realization" | "verification" | "recap" | "lkjip";

/** The sub-navigation of the performance pages; the period travels along. */
export function PerformanceNav({
  agencySlug,
  active,
  year,
  quarter,
  show,
}: {
  agencySlug: string;
  active: TPerformanceTab;
  year: number;
  quarter?: number;
  show: { realization: boolean; verification: boolean };
}) {
  const base = `/a/${agencySlug}/kinerja`;
  const query = `?tahun=${year}${quarter ? `&tw=${quarter}` : ""}`;
  const tabs = [
    { key: "overview", href: `${base}?tahun=${year}`, label: UI.tabs.overview },
    ...(show.realization ? [{ key: "realization", href: `${base}/realisasi${query}`, label: UI.tabs.realization }] : []),
    ...(show.verification ? [{ key: "verification", href: `${base}/verifikasi${query}`, label: UI.tabs.verification }] : []),
    { key: "recap", href: `${base}/rekap${query}`, label: UI.tabs.recap },
    { key: "lkjip", href: `${base}/lkjip?tahun=${year}`, label: UI.tabs.lkjip },
  ];
  return (
    <nav aria-label={UI.title} className="no-print -mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === active ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium",
                tab.key === active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Links to the two xlsx exports of a period. */
export function ExportLinks({ agencySlug, year, quarter }: { agencySlug: string; year: number; quarter: number }) {
  const href = (jenis: string) => `/a/${agencySlug}/kinerja/ekspor?tahun=${year}&tw=${quarter}&jenis=${jenis}`;
  const cls = "inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-100";
  return (
    <div className="no-print flex flex-wrap gap-2">
      <a href={href("rencana-aksi")} className={cls} download>
        {UI.exportRencanaAksi}
      </a>
      <a href={href("pengukuran")} className={cls} download>
        {UI.exportPengukuran}
      </a>
      <a href={`/a/${agencySlug}/kinerja/laporan?tahun=${year}&tw=${quarter}`} className={cls} download>
        {UI.exportLaporan}
      </a>
      <a href={`/a/${agencySlug}/kinerja/paket?tahun=${year}&tw=${quarter}`} className={cls} download>
        {UI.exportPaket}
      </a>
    </div>
  );
}

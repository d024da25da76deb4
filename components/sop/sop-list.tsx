import Link from "next/link";

import { ChevronRight, FileText } from "@/components/ui/icons";
import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";

import { SopStatusBadge, type TSopStatus } from "./status-badge";

export interface SopListVersion {
  id: string;
  nomor: string;
  nama: string;
  unit: string;
  version: number;
  status: TSopStatus;
  tanggalEfektif: Date | null;
  stepCount: number;
}

export interface SopListEntry {
  seriesId: string;
  latest: SopListVersion;
  /** The ACTIVE version of the series, when there is one. */
  active: SopListVersion | null;
}

/**
 * The agency's SOP series as cards: one card per series, its newest version's identity
 * and status, and a link to each version that matters (the one in force and a draft).
 */
export function SopList({ agencySlug, timeZone, entries }: { agencySlug: string; timeZone: TAgencyTimeZone; entries: SopListEntry[] }) {
  const href = (id: string) => `/a/${agencySlug}/sops/${id}`;
  return (
    <ul className="space-y-3" data-testid="sop-list">
      {entries.map(({ seriesId, latest, active }) => {
        // The version a reader wants first is the one in force; a draft alone otherwise.
        const primary = active ?? latest;
        const draftBesideActive = active !== null && active.id !== latest.id && latest.status === "DRAFT";
        const effective = primary.tanggalEfektif ? M.effectiveOn(formatDate(primary.tanggalEfektif, timeZone)) : null;
        return (
          <li
            key={seriesId}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:px-5"
            data-testid="sop-series"
            data-nomor={primary.nomor}
          >
            <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
              <div className="min-w-0 space-y-1">
                <p className="font-mono text-xs text-slate-600">
                  <span className="sr-only">{M.colNomor}: </span>
                  {primary.nomor}
                </p>
                <h2 className="text-base font-semibold text-slate-900">
                  <Link href={href(primary.id)} className="inline-flex items-start gap-2 hover:text-brand-800 hover:underline">
                    <FileText aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-700" />
                    <span className="break-words">{primary.nama}</span>
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  <span className="sr-only">{M.colUnit}: </span>
                  {primary.unit}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2 md:justify-end">
                <span className="text-sm text-slate-700">{M.version(primary.version)}</span>
                <SopStatusBadge status={primary.status} />
                <span className="text-xs text-slate-500">{M.stepCount(primary.stepCount)}</span>
              </div>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-100 pt-3 text-sm">
              {effective ? <span className="text-slate-600">{effective}</span> : null}
              {draftBesideActive ? (
                <>
                  <Link href={href(active.id)} className="inline-flex min-h-8 items-center gap-1 text-brand-700 hover:underline">
                    {M.openActive(active.version)}
                    <ChevronRight aria-hidden className="size-4" />
                  </Link>
                  <Link href={href(latest.id)} className="inline-flex min-h-8 items-center gap-1 text-brand-700 hover:underline">
                    {M.openDraft(latest.version)}
                    <ChevronRight aria-hidden className="size-4" />
                  </Link>
                </>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

import { FileText } from "@/components/ui/icons-shared";
import { REALIZATION_PAGE_WORDS } from "@/lib/performance/page-words";

import { fileSizeLabel } from "./format-form";

const UI = REALIZATION_PAGE_WORDS;

/*
 * No "use client": the realization and review cards render the list on the server and hand it to
 * the upload control (docs/decisions/058-sop-and-realization-first-load.md); a client module that
 * shows it (the unit PK rows) imports it as before.
 */
export interface TEvidenceFile {
  id: string;
  originalName: string;
  size: number;
}

/** The realization's evidence (data dukung), each a link to the agency's file route. */
export function EvidenceFiles({ agencySlug, files }: { agencySlug: string; files: TEvidenceFile[] }) {
  return (
    <div className="space-y-1" data-testid="evidence-files">
      <p className="text-sm font-medium text-slate-800">{UI.evidence}</p>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{UI.noEvidence}</p>
      ) : (
        <ul className="space-y-1">
          {files.map((f) => (
            <li key={f.id} className="flex min-w-0 items-center gap-2 text-sm">
              <FileText aria-hidden className="size-4 shrink-0 text-slate-500" />
              <a href={`/a/${agencySlug}/files/${f.id}`} className="min-w-0 truncate text-brand-700 underline-offset-2 hover:underline">
                {f.originalName}
              </a>
              <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}


import type { ReactNode } from "react";

import { Card, CardBody } from "@/components/ui/card";
import { Archive, FileX2 } from "@/components/ui/icons";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

export function PageTitle({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {subtitle ? <p className="text-slate-600 print:hidden">{subtitle}</p> : null}
      {children}
    </div>
  );
}

/** The empty state of a year without a Perjanjian Kinerja. */
export function NoAgreement({ year }: { year: number }) {
  return (
    <Card data-testid="no-agreement">
      <CardBody className="flex items-start gap-3 py-8">
        <FileX2 aria-hidden className="mt-0.5 size-6 shrink-0 text-slate-400" />
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">{M.noAgreement(year)}</p>
          <p className="text-sm text-slate-600">{M.ui.noAgreementHint}</p>
        </div>
      </CardBody>
    </Card>
  );
}

/** The period's measurement cycle is archived: nothing of it can change. */
export function FrozenNotice({ quarterLabel, year }: { quarterLabel: string; year: number }) {
  return (
    <div role="status" className="flex items-start gap-2 rounded-md border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800" data-testid="frozen-notice">
      <Archive aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>{M.ui.frozenNotice(quarterLabel, year)}</p>
    </div>
  );
}

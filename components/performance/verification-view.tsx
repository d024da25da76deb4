import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { TCapaianSettings } from "@/lib/performance/capaian";
import type { TLoadedAgreement } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

import { CapaianValue } from "./capaian-display";
import { formatValue, STATUS_TONE, type TRealizationStatus } from "./format";
import { ReviewCard, type ReviewCardProps } from "./review-card";
import { cellCls, HeadCell, stickyCls, stickyWidthCls, TableScroll } from "./table";

const UI = M.ui;

/** The period's realizations for Tim SAKIP: a status summary, the submitted ones to review, the processed ones. */
export function VerificationView({
  agencySlug,
  agreement,
  units,
  quarter,
  frozen,
  settings,
  refusals = {},
}: {
  agencySlug: string;
  agreement: TLoadedAgreement;
  units: { id: string; name: string }[];
  quarter: number;
  frozen: boolean;
  settings: TCapaianSettings;
  /** Per realization id: why this member may not verify or return it (decision 055). */
  refusals?: Record<string, string>;
}) {
  const recap = buildRecap(agreement, quarter, settings);
  const recapById = new Map(recap.goals.flatMap((g) => g.indicators).map((i) => [i.id, i]));
  const rows = agreement.goals.flatMap((g) =>
    g.indicators.map((ind) => ({ ind, row: recapById.get(ind.id)!, current: ind.realizations.find((r) => r.quarter === quarter) ?? null })),
  );
  const counts = { VERIFIED: 0, SUBMITTED: 0, RETURNED: 0, DRAFT: 0, EMPTY: 0 };
  for (const r of rows) counts[r.current?.status ?? "EMPTY"]++;

  const submitted = rows.filter((r) => r.current?.status === "SUBMITTED");
  const byUnit = units
    .map((u) => ({ unit: u, items: submitted.filter((r) => r.ind.orgUnit.id === u.id) }))
    .filter((g) => g.items.length > 0);
  const processed = rows.filter((r) => r.current?.status === "VERIFIED" || r.current?.status === "RETURNED");

  const item = ({ ind, row, current }: (typeof rows)[number]): ReviewCardProps["item"] => ({
    realizationId: current!.id,
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    orgUnit: ind.orgUnit.name,
    quarterTarget: row.quarterTargets[quarter - 1] ?? "-",
    value: current!.value,
    realizationToDate: row.realizationToDate,
    aggregation: ind.aggregation,
    capaian: row.capaian,
    faktorPendorong: current!.faktorPendorong,
    faktorPenghambat: current!.faktorPenghambat,
    tindakLanjut: current!.tindakLanjut,
    filledBy: current!.filledBy?.name ?? null,
    files: current!.files,
  });

  return (
    <div className="space-y-6">
      <section aria-label={UI.summary} className="flex flex-wrap gap-2" data-testid="verification-summary">
        {(["SUBMITTED", "VERIFIED", "RETURNED", "DRAFT"] as const).map((s) => (
          <Badge key={s} tone={STATUS_TONE[s]} className="px-3 py-1 text-sm">
            {UI.summaryCount(UI.status[s], counts[s])}
          </Badge>
        ))}
        <Badge tone="neutral" className="px-3 py-1 text-sm">
          {UI.summaryCount(UI.status.EMPTY, counts.EMPTY)}
        </Badge>
      </section>
      {/* The inbox's link to the values waiting for verification lands here (lib/performance/work-queue.ts). */}
      <div id="menunggu-verifikasi" className="scroll-mt-4 space-y-6" data-testid="awaiting-verification">
      {byUnit.length === 0 ? (
        <Card>
          <CardBody>
            <p className="text-slate-600" data-testid="nothing-to-verify">
              {UI.nothingToVerify}
            </p>
          </CardBody>
        </Card>
      ) : (
        byUnit.map(({ unit, items }) => (
          <section key={unit.id} className="space-y-3" aria-labelledby={`unit-${unit.id}`}>
            <h2 id={`unit-${unit.id}`} className="text-lg font-semibold text-slate-900">
              {unit.name} <span className="text-sm font-normal text-slate-600">({items.length})</span>
            </h2>
            {items.map((r) => (
              <ReviewCard key={r.current!.id} agencySlug={agencySlug} quarter={quarter} item={item(r)} frozen={frozen} refusal={refusals[r.current!.id] ?? null} />
            ))}
          </section>
        ))
      )}
      </div>
      {processed.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{UI.processedTitle}</CardTitle>
          </CardHeader>
          <TableScroll>
            <table className="w-full min-w-[720px] border-separate border-spacing-0 text-sm">
              <thead>
                <tr>
                  <HeadCell sticky>{UI.col.indicator}</HeadCell>
                  <HeadCell>{UI.col.orgUnit}</HeadCell>
                  <HeadCell align="right">{UI.col.realization}</HeadCell>
                  <HeadCell>{UI.col.capaian}</HeadCell>
                  <HeadCell>{UI.col.status}</HeadCell>
                </tr>
              </thead>
              <tbody>
                {processed.map(({ ind, row, current }) => (
                  <tr key={ind.id} data-testid={`processed-${ind.code}`}>
                    <th scope="row" className={`${cellCls} ${stickyCls} ${stickyWidthCls} text-left font-normal`}>
                      <span className="font-semibold">{ind.code}</span> {ind.name}
                    </th>
                    <td className={cellCls}>{ind.orgUnit.name}</td>
                    <td className={`${cellCls} text-right tabular-nums`}>
                      {formatValue(current!.value)} {ind.unit}
                    </td>
                    <td className={cellCls}>
                      <CapaianValue result={row.capaian} compact />
                    </td>
                    <td className={cellCls}>
                      <Badge tone={STATUS_TONE[current!.status as TRealizationStatus]}>{UI.status[current!.status]}</Badge>
                      {current!.status === "RETURNED" && current!.returnReason ? (
                        <p className="mt-1 text-xs text-amber-900">“{current!.returnReason}”</p>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      ) : null}
    </div>
  );
}

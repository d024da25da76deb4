import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import type { TLevelPk, TLevelPkRow } from "@/lib/cascade/level-pk-queries";
import { CASCADE_MESSAGES, LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import type { TRollUpResult } from "@/lib/cascade/roll-up";
import { UNIT_REALIZATION_MESSAGES as UR } from "@/lib/cascade/unit-realization-messages";
import { formatNumber } from "@/lib/format";
import type { TRealizationStatus } from "@/lib/performance/workflow";

import { UnitRowTools } from "./level-pk-forms";

const STATUS_TONE = { DRAFT: "neutral", SUBMITTED: "info", VERIFIED: "success", RETURNED: "warning" } as const;

/** The quarter's realization status, in words (never colour alone). */
function StatusBadge({ status, quarter }: { status: TRealizationStatus | null; quarter: number }) {
  return (
    <Badge tone={status ? STATUS_TONE[status] : "neutral"} data-testid="unit-realization-status" data-status={status ?? "EMPTY"}>
      {`${M.colQuarter(quarter)}: ${UR.statusOf(status)}`}
    </Badge>
  );
}

/** Whether a figure rests on verified values only (decision 044: unverified values count, marked). */
function VerifiedMark({ verified }: { verified: boolean | null }) {
  if (verified === null) return null;
  return verified ? (
    <span className="block text-xs text-green-800">{UR.verifiedMark}</span>
  ) : (
    <span className="block text-xs text-amber-800" data-testid="unverified-mark">
      {UR.unverified}
    </span>
  );
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "–" : formatNumber(Number(v)));

function RolledUp({ row }: { row: TLevelPkRow }) {
  if (row.rollUp === "OWN") return <span className="text-slate-600">{CASCADE_MESSAGES.rollUpShort.OWN}</span>;
  const r: TRollUpResult | null = row.rolledUp;
  const rule = M.rollUpNote(CASCADE_MESSAGES.rollUpShort[row.rollUp]);
  if (!r || r.value === null) {
    return (
      <span className="text-slate-600">
        {r?.reason === "incomplete" ? CASCADE_MESSAGES.rollUpIncomplete : CASCADE_MESSAGES.rollUpNoChildren}
        <span className="block text-xs">{rule}</span>
      </span>
    );
  }
  return (
    <span>
      {num(r.value)}
      <span className="block text-xs text-slate-600">{rule}</span>
      {row.rolledUpVerified === false ? <span className="block text-xs text-amber-800">{UR.rolledUnverified}</span> : null}
    </span>
  );
}

function Capaian({ row }: { row: TLevelPkRow }) {
  const c = row.capaian;
  if (c.status === "OK") return <Badge tone={c.percent >= 91 ? "success" : c.percent >= 66 ? "info" : "warning"}>{`${c.display} · ${c.category}`}</Badge>;
  if (c.reason === "NOT_YET_DUE") return <Badge tone="neutral">{c.message}</Badge>;
  return <span className="text-xs text-slate-600">{c.message}</span>;
}

/** One PK of a level: its parties and its rows with the Rencana Aksi and the recap of the quarter. */
export function LevelPkCard({
  pk,
  year,
  quarter,
  agencySlug,
  canPlan,
  fillableUnitIds,
  canManage,
  canReview = false,
  reviewRefusals = {},
  frozen = false,
  statusFilter = null,
  children,
}: {
  pk: TLevelPk;
  year: number;
  quarter: number;
  agencySlug: string;
  canPlan: boolean;
  fillableUnitIds: string[];
  canManage: boolean;
  /** Tim SAKIP / the planning unit: verifies or returns the units' sent values. */
  canReview?: boolean;
  /** By unit row id: why this member may not verify or return the sent value (they filled it, decision 055). */
  reviewRefusals?: Record<string, string>;
  /** The selected quarter is archived. */
  frozen?: boolean;
  /** Only the rows whose selected quarter has this status ("Tugas saya" links here). */
  statusFilter?: TRealizationStatus | null;
  /** Shown under the parties (the unit PK's document and signature, decision 043). */
  children?: ReactNode;
}) {
  const levelLabel = pk.level === "HEAD" ? M.headLevel : `${CASCADE_MESSAGES.level[pk.level]} · ${pk.unitName}`;
  const canFill = pk.level !== "HEAD" && (canManage || fillableUnitIds.includes(pk.unitId ?? ""));
  return (
    <article className="level-pk space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="level-pk" aria-label={levelLabel}>
      <header className="space-y-1">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{levelLabel}</p>
        <h2 className="text-lg font-semibold">{`Perjanjian Kinerja Tahun ${year}`}</h2>
        <dl className="grid gap-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-slate-600">{M.firstParty}: </dt>
            <dd className="inline font-medium">
              {pk.officialTitle}
              {pk.officialName ? ` (${pk.officialName})` : ""}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-600">{M.secondParty}: </dt>
            <dd className="inline font-medium">
              {pk.superiorTitle}
              {pk.superiorName ? ` (${pk.superiorName})` : ""}
            </dd>
          </div>
        </dl>
        {pk.level === "HEAD" ? (
          <p className="no-print text-sm">
            <a href={`/a/${agencySlug}/kinerja?tahun=${year}`} className="text-brand-700 underline">
              {M.headElsewhere}
            </a>
          </p>
        ) : null}
        {children}
      </header>
      {/* Focusable so a keyboard can scroll the table sideways on a phone. */}
      <div className="overflow-x-auto" role="region" aria-label={`${M.colIndicator}: ${levelLabel}`} tabIndex={0}>
        <table className="w-full min-w-[56rem] border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left align-bottom">
              <th scope="col" className="sticky left-0 bg-white p-2">
                {M.colIndicator}
              </th>
              <th scope="col" className="p-2">
                {M.colStatement}
              </th>
              <th scope="col" className="p-2">
                {M.colTarget}
              </th>
              {[1, 2, 3, 4].map((q) => (
                <th key={q} scope="col" className="p-2 whitespace-nowrap">
                  {M.colQuarter(q)}
                </th>
              ))}
              <th scope="col" className="p-2">{`${M.colOwn} s.d. ${M.colQuarter(quarter)}`}</th>
              <th scope="col" className="p-2">
                {M.colRolled}
              </th>
              <th scope="col" className="p-2">
                {M.colCapaian}
              </th>
            </tr>
          </thead>
          <tbody>
            {pk.rows.map((row, i) =>
              statusFilter && row.statuses[quarter - 1] !== statusFilter ? null : (
              <tr key={row.key} className="border-b border-slate-200 align-top break-inside-avoid" data-testid="level-pk-row">
                <th scope="row" className="sticky left-0 max-w-64 bg-white p-2 text-left font-medium">
                  {`${i + 1}. ${row.name}`}
                  <span className="block text-xs font-normal text-slate-600">
                    {row.unitOfMeasure}
                    {pk.level === "HEAD" ? ` · ${M.colFiller}: ${row.filler}` : ""}
                  </span>
                  <span className="mt-1 block font-normal">
                    <StatusBadge status={row.statuses[quarter - 1] ?? null} quarter={quarter} />
                  </span>
                  {row.rowId && row.statuses[quarter - 1] === "RETURNED" && row.returnReason ? (
                    <span className="mt-1 block text-xs font-normal text-amber-900">{UR.returnedBecause(row.returnReason)}</span>
                  ) : null}
                  {row.rowId ? (
                    <UnitRowTools
                      agencySlug={agencySlug}
                      row={{
                        rowId: row.rowId,
                        name: row.name,
                        unitOfMeasure: row.unitOfMeasure,
                        polarity: row.polarity,
                        aggregation: row.aggregation,
                        target: row.target,
                        quarterTargets: row.quarterTargets,
                        realizations: row.realizations,
                        status: row.statuses[quarter - 1] ?? null,
                        returnReason: row.returnReason,
                        files: row.files,
                        reviewRefusal: reviewRefusals[row.rowId] ?? null,
                      }}
                      quarter={quarter}
                      canPlan={canPlan}
                      canFill={canFill}
                      canReview={canReview}
                      frozen={frozen}
                    />
                  ) : null}
                </th>
                <td className="max-w-64 p-2">{row.statement}</td>
                <td className="p-2">
                  {num(row.target)}
                  {row.treeTarget !== undefined ? <span className="block text-xs text-amber-800">{M.treeChanged(num(row.treeTarget))}</span> : null}
                  {!row.linked ? <span className="block text-xs text-slate-600">{M.notLinked}</span> : null}
                </td>
                {row.quarterTargets.map((t, q) => (
                  <td key={q} className="p-2">
                    {num(t)}
                  </td>
                ))}
                <td className="p-2">
                  {num(row.own)}
                  <VerifiedMark verified={row.ownVerified} />
                </td>
                <td className="p-2">
                  <RolledUp row={row} />
                </td>
                <td className="p-2">
                  <Capaian row={row} />
                </td>
              </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </article>
  );
}

import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatRupiah, type TAgencyTimeZone } from "@/lib/format";
import type { TLoadedAgreement } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { formatNip } from "@/lib/validation/nip";

import { formatTargetFields, QUARTERS, quarterShort } from "./format";
import { cellCls, HeadCell, NumberCell, stickyCls, stickyWidthCls, TableScroll } from "./table";

const UI = PERFORMANCE_MESSAGES.ui;

/** The PK's header: when it was signed and by whom. */
export function AgreementHeader({ agreement, timeZone }: { agreement: TLoadedAgreement; timeZone: TAgencyTimeZone }) {
  const party = (label: string, name: string, jabatan: string, nip: string | null) => (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1">
        <p className="font-medium text-slate-900">{name}</p>
        <p className="text-sm text-slate-700">{jabatan}</p>
        {nip ? <p className="text-sm text-slate-600">{UI.nip(formatNip(nip))}</p> : null}
      </dd>
    </div>
  );
  return (
    <Card>
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{UI.signedAt}</dt>
            <dd className="mt-1 font-medium text-slate-900">{agreement.signedAt ? formatDate(agreement.signedAt, timeZone) : UI.notSigned}</dd>
          </div>
          {party(UI.firstParty, agreement.firstPartyName, agreement.firstPartyJabatan, agreement.firstPartyNip)}
          {party(UI.secondParty, agreement.secondPartyName, agreement.secondPartyJabatan, null)}
        </dl>
      </CardBody>
    </Card>
  );
}

/** Sasaran -> indicators with annual and quarterly targets (the PK and its Rencana Aksi). */
export function GoalTables({ agreement }: { agreement: TLoadedAgreement }) {
  return (
    <div className="space-y-6">
      {agreement.goals.map((goal) => (
        <Card key={goal.id} data-testid={`goal-${goal.code}`}>
          <CardHeader>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{UI.goal}</p>
            <CardTitle>{UI.goalHeading(goal.code, goal.name)}</CardTitle>
          </CardHeader>
          <TableScroll>
            <table className="w-full min-w-[960px] border-separate border-spacing-0 text-sm">
              <thead>
                <tr>
                  <HeadCell sticky>{UI.col.indicator}</HeadCell>
                  <HeadCell>{UI.col.unit}</HeadCell>
                  <HeadCell>{UI.col.polarity}</HeadCell>
                  <HeadCell>{UI.col.aggregation}</HeadCell>
                  <HeadCell>{UI.col.orgUnit}</HeadCell>
                  <HeadCell align="right">{UI.col.annualTarget}</HeadCell>
                  {QUARTERS.map((q) => (
                    <HeadCell key={q} align="right">
                      {quarterShort(q)}
                    </HeadCell>
                  ))}
                </tr>
              </thead>
              <tbody>
                {goal.indicators.map((ind) => (
                  <tr key={ind.id} data-testid={`indicator-${ind.code}`}>
                    <th scope="row" className={`${cellCls} ${stickyCls} ${stickyWidthCls} text-left font-normal`}>
                      <span className="block font-semibold text-slate-900">{ind.code}</span>
                      <span className="block text-slate-800">{ind.name}</span>
                    </th>
                    <td className={cellCls}>{ind.unit}</td>
                    <td className={cellCls}>{UI.polarity[ind.polarity]}</td>
                    <td className={cellCls}>{UI.aggregation[ind.aggregation]}</td>
                    <td className={cellCls}>{ind.orgUnit.name}</td>
                    <td className={`${cellCls} text-right font-medium whitespace-nowrap tabular-nums`}>{formatTargetFields(ind.targetType, ind)}</td>
                    {QUARTERS.map((q) => {
                      const t = ind.quarters.find((x) => x.quarter === q);
                      return (
                        <NumberCell key={q} >
                          {t ? formatTargetFields(ind.targetType, t) : UI.empty}
                        </NumberCell>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      ))}
    </div>
  );
}

/** The PK annex: programs with their pagu per quarter. */
export function ProgramTable({ agreement }: { agreement: TLoadedAgreement }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{UI.programsTitle}</CardTitle>
      </CardHeader>
      {agreement.programs.length === 0 ? (
        <CardBody>
          <p className="text-slate-600">{UI.noPrograms}</p>
        </CardBody>
      ) : (
        <TableScroll>
          <table className="w-full min-w-[900px] border-separate border-spacing-0 text-sm">
            <thead>
              <tr>
                <HeadCell sticky>{UI.col.program}</HeadCell>
                {QUARTERS.map((q) => (
                  <HeadCell key={q} align="right">
                    {UI.col.pagu} {quarterShort(q)}
                  </HeadCell>
                ))}
                <HeadCell align="right">{UI.col.totalPagu}</HeadCell>
              </tr>
            </thead>
            <tbody>
              {agreement.programs.map((p) => {
                const total = p.quarters.reduce((sum, q) => sum + Number(q.pagu), 0);
                return (
                  <tr key={p.id}>
                    <th scope="row" className={`${cellCls} ${stickyCls} ${stickyWidthCls} text-left font-normal`}>
                      <span className="block font-semibold text-slate-900">{p.code}</span>
                      <span className="block text-slate-800">{p.name}</span>
                    </th>
                    {QUARTERS.map((q) => {
                      const row = p.quarters.find((x) => x.quarter === q);
                      return (
                        <NumberCell key={q} >
                          {row ? formatRupiah(row.pagu) : UI.empty}
                        </NumberCell>
                      );
                    })}
                    <td className={`${cellCls} text-right font-medium whitespace-nowrap tabular-nums`}>{formatRupiah(total)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}

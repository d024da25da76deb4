import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { budgetAbsorption, type TCapaianSettings } from "@/lib/performance/capaian";
import type { TRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { formatRupiah } from "@/lib/format";

import { CapaianValue } from "./capaian-display";
import { formatTarget, formatValue, QUARTERS, quarterShort } from "./format";
import { cellCls, HeadCell, headCls, NumberCell, stickyCls, stickyHeadCls, TableScroll } from "./table";

const UI = M.ui;

type TRecapIndicator = TRecap["goals"][number]["indicators"][number];

/** One quarter of an indicator: its target, and up to the selected quarter its realization and capaian to date. */
function QuarterCell({ ind, q, selected }: { ind: TRecapIndicator; q: number; selected: number }) {
  const status = ind.quarterStatus[q - 1];
  const value = ind.quarterValues[q - 1] ?? null;
  const reported = q <= selected;
  const capaian = ind.quarterCapaian[q - 1]!;
  // Lean markup (issue 16): the repeated styling lives once in app/globals.css (rk-*), not in every cell.
  return (
    <td className={q === selected ? "rk-q rk-sel" : "rk-q"} data-testid={`q${q}`}>
      {/* On a phone the row is a card and this cell one line of its quarter table (app/globals.css, rk-ph). */}
      {q === 1 ? (
        <span className="rk-ph rk-qhead">
          <span>{UI.quarter}</span>
          <span>{UI.col.target}</span>
          <span>{UI.col.realization}</span>
          <span>{UI.col.capaian}</span>
        </span>
      ) : null}
      <span className="rk-ph">{quarterShort(q)}</span>
      <dl className="rk-dl">
        <dt>{UI.col.target}</dt>
        <dd>{formatTarget(ind.quarterTargets[q - 1] ?? "-")}</dd>
        <dt>{UI.col.realization}</dt>
        <dd className="rk-strong">{reported ? formatValue(value) : UI.empty}</dd>
        <dt>{UI.col.capaian}</dt>
        <dd>{reported && capaian.status === "OK" ? capaian.display : UI.empty}</dd>
      </dl>
      {reported && status && status !== "VERIFIED" ? <p className="rk-note">{UI.valueStatusNote(UI.status[status])}</p> : null}
    </td>
  );
}

/** Sasaran by sasaran: targets, realization and capaian quarter by quarter, and to date. */
export function RecapTables({ recap }: { recap: TRecap }) {
  const q = recap.quarter;
  const toDate = UI.toDate(quarterShort(q));
  return (
    <div className="space-y-6">
      {recap.goals.map((goal) => (
        <Card key={goal.id} className="recap-goal" data-testid={`recap-goal-${goal.code}`}>
          <CardHeader>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{UI.goal}</p>
            <CardTitle>{UI.goalHeading(goal.code, goal.name)}</CardTitle>
          </CardHeader>
          <TableScroll>
            <table className="recap-table rk-table">
              <colgroup>
                <col className="w-[24%]" />
                <col className="w-[9%]" />
                {QUARTERS.map((n) => (
                  <col key={n} className="w-[12%]" />
                ))}
                <col className="w-[19%]" />
              </colgroup>
              <thead>
                <tr>
                  {/* The header cells' styling lives in app/globals.css (.rk-table > thead, decision 066). */}
                  <th scope="col">{UI.col.indicator}</th>
                  <th scope="col" className="rk-r">
                    {UI.col.annualTarget}
                  </th>
                  {QUARTERS.map((n) => (
                    <th key={n} scope="col" className={n === q ? "rk-c rk-selh" : "rk-c"}>
                      {quarterShort(n)}
                    </th>
                  ))}
                  <th scope="col">{toDate}</th>
                </tr>
              </thead>
              <tbody>
                {goal.indicators.map((ind) => (
                  <tr key={ind.id} data-testid={`recap-${ind.code}`} className="recap-row">
                    <th scope="row">
                      <b>{ind.code}</b> <span>{ind.name}</span>
                      <small>
                        {ind.unit} · {ind.orgUnit} · {UI.polarity[ind.polarity].toLowerCase()} · {UI.aggregation[ind.aggregation].toLowerCase()}
                      </small>
                      <small className="rk-ph">{`${ind.orgUnit} · ${UI.col.annualTarget}: ${formatTarget(ind.annualTarget)} ${ind.unit}`}</small>
                    </th>
                    <td className="rk-num">{formatTarget(ind.annualTarget)}</td>
                    {QUARTERS.map((n) => (
                      <QuarterCell key={n} ind={ind} q={n} selected={q} />
                    ))}
                    <td data-testid="to-date">
                      <p className="rk-label">{UI.col.realization}</p>
                      <p className="rk-total" data-testid="to-date-value" data-ph={`${toDate}: `}>
                        {formatValue(ind.realizationToDate)}{" "}
                        {ind.realizationToDate === null ? null : <span className="rk-unit">{ind.unit}</span>}
                      </p>
                      <p className="rk-label mt-1">{UI.col.capaian}</p>
                      <div data-testid="to-date-capaian">
                        <CapaianValue result={ind.capaian} className="text-sm" cause />
                      </div>
                    </td>
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

/** Budget absorption per program up to the selected quarter, with the total. */
export function BudgetTable({ recap, settings }: { recap: TRecap; settings: TCapaianSettings }) {
  const q = quarterShort(recap.quarter);
  const totalPagu = recap.programs.reduce((s, p) => s + p.paguToDate, 0);
  const anyRealized = recap.programs.some((p) => p.realizationToDate !== null);
  const totalRealized = anyRealized ? recap.programs.reduce((s, p) => s + (p.realizationToDate ?? 0), 0) : null;
  const total = budgetAbsorption(totalRealized, totalPagu, settings);
  // Phones get one card per program, then the total.
  const cards = [
    ...recap.programs.map((p) => ({ key: p.id, title: `${p.code} ${p.name}`, pagu: p.paguToDate, realized: p.realizationToDate, absorption: p.absorption })),
    { key: "total", title: UI.col.total, pagu: totalPagu, realized: totalRealized, absorption: total },
  ];
  return (
    <Card className="recap-budget">
      <CardHeader>
        <CardTitle>{UI.budgetTitle(q)}</CardTitle>
      </CardHeader>
      {recap.programs.length === 0 ? (
        <CardBody>
          <p className="text-slate-600">{UI.noPrograms}</p>
        </CardBody>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 sm:hidden print:hidden">
            {cards.map((p) => (
              <li key={p.key} className="space-y-1 px-4 py-3 text-sm">
                <p className="font-semibold text-slate-900">{p.title}</p>
                <p className="flex justify-between gap-2">
                  <span className="text-slate-500">{UI.col.paguToDate(q)}</span>
                  <span className="tabular-nums">{formatRupiah(p.pagu)}</span>
                </p>
                <p className="flex justify-between gap-2">
                  <span className="text-slate-500">{UI.col.realizationToDate(q)}</span>
                  <span className="tabular-nums">{p.realized === null ? UI.notYet : formatRupiah(p.realized)}</span>
                </p>
                <AbsorptionValue result={p.absorption} />
              </li>
            ))}
          </ul>
          <TableScroll className="hidden sm:block print:block">
            <table className="w-full min-w-[720px] border-separate border-spacing-0 text-sm" data-testid="budget-table">
              <thead>
                <tr>
                  <th scope="col" className={`${headCls} ${stickyHeadCls}`}>
                    {UI.col.program}
                  </th>
                  <HeadCell align="right">
                    {UI.col.paguToDate(q)}
                  </HeadCell>
                  <HeadCell align="right">
                    {UI.col.realizationToDate(q)}
                  </HeadCell>
                  <th scope="col" className={headCls}>
                    {UI.col.absorption}
                  </th>
                </tr>
              </thead>
              <tbody>
                {recap.programs.map((p) => (
                  <tr key={p.id} data-testid={`budget-${p.code}`}>
                    <th scope="row" className={`${cellCls} ${stickyCls} text-left font-normal`}>
                      <span className="font-semibold">{p.code}</span> {p.name}
                    </th>
                    <NumberCell>{formatRupiah(p.paguToDate)}</NumberCell>
                    <NumberCell>
                      {p.realizationToDate === null ? UI.notYet : formatRupiah(p.realizationToDate)}
                    </NumberCell>
                    <td className={cellCls}>
                      <AbsorptionValue result={p.absorption} />
                    </td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <th scope="row" className={`${cellCls} ${stickyCls} text-left`}>
                    {UI.col.total}
                  </th>
                  <NumberCell>{formatRupiah(totalPagu)}</NumberCell>
                  <NumberCell>{totalRealized === null ? UI.notYet : formatRupiah(totalRealized)}</NumberCell>
                  <td className={cellCls}>
                    <AbsorptionValue result={total} />
                  </td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Card>
  );
}

function AbsorptionValue({ result }: { result: TRecap["programs"][number]["absorption"] }) {
  if (result.status !== "OK") return <span className="text-sm text-slate-600 italic">{result.message}</span>;
  return <CapaianValue result={result} className="text-sm" />;
}

/**
 * Print layout of the recap: A4 landscape (this page only, hence here); the rest of its print
 * rules (the frame hidden, the full width used, rows never split) live in app/globals.css
 * (`.recap-print`, decision 066) instead of being sent with every request twice (HTML and RSC).
 */
export function RecapPrintStyle() {
  return <style>{"@media print { @page { size: A4 landscape; margin: 10mm; } }"}</style>;
}

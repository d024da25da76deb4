import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { HtmlOnce } from "@/components/ui/html-once";
import { contentCache } from "@/lib/content-cache";
import { budgetAbsorption, type TCapaianResult, type TCapaianSettings } from "@/lib/performance/capaian";
import type { TRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { formatRupiah } from "@/lib/format";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { staticMarkup } from "@/lib/static-markup";

import { CapaianChart } from "./capaian-chart";
import { CapaianValue, capaianTone } from "./capaian-display";
import { formatTarget, formatValue, QUARTERS, quarterShort } from "./format";
import { TableScroll } from "./table";

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
                        <RecapCapaian result={ind.capaian} cause />
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

/**
 * Everything the recap shows below its controls: the sasaran tables, the chart and the budget
 * (or that no indicator matches the filter). None of it is interactive, so it is sent as one
 * string of HTML (decision 072, as the SOP document in 065): a React element costs server CPU
 * three times per request (rendered into the RSC payload, decoded again, written as HTML) and
 * these are ~470 of the page's ~740 elements. lib/static-markup.ts writes the bytes
 * renderToStaticMarkup would (tests/unit/recap-markup.test.ts); every text and attribute goes
 * through its escapeHtml.
 */
export function RecapContent({ recap, settings }: { recap: TRecap; settings: TCapaianSettings }) {
  const chartTitle = UI.chartTitle(quarterShort(recap.quarter));
  return (
    <>
      {recap.goals.length === 0 ? (
        <Card>
          <CardBody>
            <p className="text-slate-600">{UI.noIndicatorsForFilter}</p>
          </CardBody>
        </Card>
      ) : (
        <>
          <p className="text-xs text-slate-600">{UI.legendUnverified}</p>
          <RecapTables recap={recap} />
          <Card className="recap-chart">
            <CardHeader>
              <CardTitle>{chartTitle}</CardTitle>
            </CardHeader>
            <CardBody>
              <CapaianChart
                title={chartTitle}
                bars={recap.goals.flatMap((g) => g.indicators.map((i) => ({ code: i.code, name: i.name, capaian: i.capaian })))}
              />
            </CardBody>
          </Card>
        </>
      )}
      <BudgetTable recap={recap} settings={settings} />
    </>
  );
}

/*
 * Rendered once per content and kept in-process (as 065): the key is the recap as computed
 * (every value, status and capaian it shows) and the capaian settings (the total's absorption),
 * so a new realization, a verification or a changed setting gives a new key and a stale recap
 * cannot be served. Bounded in entries and in characters (lib/content-cache.ts, decision 081): the
 * oldest entry goes first.
 */
export const RECAPS = contentCache<string>(100, 3_000_000, (html) => html.length);

/** RecapContent as HTML, cached per content. */
export function recapContentHtml(recap: TRecap, settings: TCapaianSettings): string {
  const key = JSON.stringify([recap, settings]);
  const cached = RECAPS.get(key);
  if (cached !== undefined) return cached;
  const html = staticMarkup(<RecapContent recap={recap} settings={settings} />);
  RECAPS.set(key, html);
  return html;
}

/** The recap's content in one element (see RecapContent). */
/** `once`: how the content's HTML reaches the page (lib/html-once.ts, decision 075); in the props when not given. */
export function RecapBody({ recap, settings, once = inlineHtml }: { recap: TRecap; settings: TCapaianSettings; once?: THtmlSender }) {
  return <HtmlOnce as="div" className="space-y-6" data-testid="recap-content" {...once(recapContentHtml(recap, settings))} />;
}

/**
 * Budget absorption per program up to the selected quarter, with the total: one table for every
 * screen (decision 072). Below 640 px (screen only, paper keeps the table) app/globals.css turns
 * each row into the card phones showed before: the program as its title, then "Pagu s.d. TW n" and
 * "Realisasi s.d. TW n" with their amounts (the label from the cell's data-ph), then the absorption.
 * The table's styling lives once in app/globals.css (rb-*), not in every cell.
 */
export function BudgetTable({ recap, settings }: { recap: TRecap; settings: TCapaianSettings }) {
  const q = quarterShort(recap.quarter);
  const totalPagu = recap.programs.reduce((s, p) => s + p.paguToDate, 0);
  const anyRealized = recap.programs.some((p) => p.realizationToDate !== null);
  const totalRealized = anyRealized ? recap.programs.reduce((s, p) => s + (p.realizationToDate ?? 0), 0) : null;
  const total = budgetAbsorption(totalRealized, totalPagu, settings);
  const paguLabel = UI.col.paguToDate(q);
  const realizedLabel = UI.col.realizationToDate(q);
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
        <TableScroll>
          <table className="rb-table" data-testid="budget-table">
            <thead>
              <tr>
                <th scope="col">{UI.col.program}</th>
                <th scope="col" className="rb-r">
                  {paguLabel}
                </th>
                <th scope="col" className="rb-r">
                  {realizedLabel}
                </th>
                <th scope="col">{UI.col.absorption}</th>
              </tr>
            </thead>
            <tbody>
              {recap.programs.map((p) => (
                <tr key={p.id} data-testid={`budget-${p.code}`}>
                  <th scope="row">
                    <b>{p.code}</b> {p.name}
                  </th>
                  <td className="rb-n" data-ph={paguLabel}>
                    {formatRupiah(p.paguToDate)}
                  </td>
                  <td className="rb-n" data-ph={realizedLabel}>
                    {p.realizationToDate === null ? UI.notYet : formatRupiah(p.realizationToDate)}
                  </td>
                  <td>
                    <AbsorptionValue result={p.absorption} />
                  </td>
                </tr>
              ))}
              <tr className="rb-total">
                <th scope="row">{UI.col.total}</th>
                <td className="rb-n" data-ph={paguLabel}>
                  {formatRupiah(totalPagu)}
                </td>
                <td className="rb-n" data-ph={realizedLabel}>
                  {totalRealized === null ? UI.notYet : formatRupiah(totalRealized)}
                </td>
                <td>
                  <AbsorptionValue result={total} />
                </td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}

function AbsorptionValue({ result }: { result: TRecap["programs"][number]["absorption"] }) {
  if (result.status !== "OK") return <span className="text-sm text-slate-600 italic">{result.message}</span>;
  return <RecapCapaian result={result} />;
}

/**
 * CapaianValue (text-sm) as the recap writes it: the same words and look, its utility classes
 * written once in app/globals.css (`cv`, `cv-b`, `cv-<tone>`; decision 077) instead of ~230
 * characters per value, sent twice (the HTML and the RSC payload). What cannot be computed is
 * CapaianValue's own markup.
 */
function RecapCapaian({ result, cause = false }: { result: TCapaianResult; cause?: boolean }) {
  if (result.status !== "OK") return <CapaianValue result={result} className="text-sm" cause={cause} />;
  return (
    <span className="cv">
      <span>{result.display}</span>
      <span className={`cv-b cv-${capaianTone(result)}`}>{result.category}</span>
      {result.capped ? <span className="text-xs text-slate-600">({UI.capped(`${formatValue(result.percent)}%`)})</span> : null}
    </span>
  );
}

/**
 * Print layout of the recap: A4 landscape (this page only, hence here); the rest of its print
 * rules (the frame hidden, the full width used, rows never split) live in app/globals.css
 * (`.recap-print`, decision 066) instead of being sent with every request twice (HTML and RSC).
 */
export function RecapPrintStyle() {
  return <style>{"@media print { @page { size: A4 landscape; margin: 10mm; } }"}</style>;
}

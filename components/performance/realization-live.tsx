import { CAPAIAN_MESSAGES, type TCapaianSettings } from "@/lib/performance/capaian";
import { parseDecimal } from "@/lib/performance/decimal";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/messages";
import { checkPlausibility, PLAUSIBILITY_MESSAGES } from "@/lib/performance/plausibility";
import type { TLoadedAgreement } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";

import { CapaianValue } from "./capaian-display";
import { PlausibilityWarnings } from "./plausibility-warnings";
import { capaianProblem, formatValue, quarterShort } from "./format";

/**
 * The realization form's live capaian and plausibility warnings (docs/decisions/039-lean-first-load.md).
 * Rendered by the server for the value the page opens with, and fetched by the browser
 * (`import()`, components/performance/realization-form.tsx) when the value is first typed in or
 * saved: the capaian arithmetic, the recap and the plausibility rules are not in the page's first
 * load. No zod: the value is read by the same parseDecimal as the server's schema.
 */

const UI = M.ui;

/** The plausibility confirmation's words, for the form (which has them once this module is loaded). */
export { PLAUSIBILITY_MESSAGES };

export type TIndicator = TLoadedAgreement["goals"][number]["indicators"][number];

/**
 * The recap row of this indicator with `typed` (a canonical decimal or null)
 * as the quarter's value: the same code as the recap page, so the capaian
 * shown while typing is the one Tim SAKIP will see.
 */
export function liveRow(indicator: TIndicator, year: number, quarter: number, typed: string | null, settings: TCapaianSettings) {
  const others = indicator.realizations.filter((r) => r.quarter !== quarter);
  const realizations =
    typed === null
      ? others
      : [...others, { id: "live", quarter, value: typed, status: "DRAFT" as const, faktorPendorong: "", faktorPenghambat: "", tindakLanjut: "", returnReason: null }];
  const recap = buildRecap({ year, goals: [{ id: "g", code: "", name: "", indicators: [{ ...indicator, realizations }] }], programs: [] }, quarter, settings);
  return recap.goals[0]!.indicators[0]!;
}

/** What the typed text is, as the server will read it: the canonical value (or why not), its recap row, its plausibility warnings. */
export function judgeTyped(indicator: TIndicator, year: number, quarter: number, typed: string, settings: TCapaianSettings) {
  const parsed = parseDecimal(typed, true);
  const live = parsed.ok ? liveRow(indicator, year, quarter, parsed.value, settings) : null;
  const warnings = parsed.ok ? checkPlausibility(indicator, { quarter, value: parsed.value, valueText: typed }) : [];
  return { parsed, live, warnings };
}

/** The submit confirmation's sentence for the typed value. */
export function confirmBody(typed: string, unit: string): string {
  const parsed = parseDecimal(typed, true);
  return UI.confirmSubmit.body(formatValue(parsed.ok ? parsed.value : null), unit);
}

/** The contents of the form's live capaian box for `typed`. */
export function LivePreview({ indicator, year, quarter, typed, settings }: { indicator: TIndicator; year: number; quarter: number; typed: string; settings: TCapaianSettings }) {
  const { parsed, live, warnings } = judgeTyped(indicator, year, quarter, typed, settings);
  const q = quarterShort(quarter);
  return (
    <>
      <p className="text-sm font-medium text-slate-700">{UI.liveCapaian(q)}</p>
      {live ? (
        <>
          <CapaianValue result={live.capaian} className="mt-1" />
          {parsed.ok && parsed.value !== null ? (
            <p className="mt-1 text-xs text-slate-600">
              {UI.readAs(formatValue(parsed.value))}{" "}
              {live.realizationToDate !== null ? `${UI.realizationToDate(q, UI.aggregation[indicator.aggregation].toLowerCase())}: ${formatValue(live.realizationToDate)}.` : null}
            </p>
          ) : null}
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600 italic">{capaianProblem(CAPAIAN_MESSAGES.INVALID_NUMBER)}</p>
      )}
      <PlausibilityWarnings warnings={warnings} className="mt-2" />
    </>
  );
}

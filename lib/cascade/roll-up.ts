/**
 * Roll-up of a tree indicator from the indicators linked to it one level down (pure).
 * SUM adds them, AVERAGE averages them, OWN keeps the parent's own value ("diukur sendiri"):
 * the lower values are shown beside it, never in its place.
 *
 * A value the roll-up cannot honestly give is `null` with a reason, never 0: a SUM or AVERAGE
 * with a missing contribution is incomplete (adding the ones present would understate it),
 * and one with no linked indicator at all has nothing to roll up.
 */
import type { TRollUpRule } from "./levels";

export type TRollUpResult =
  | { value: number; from: "children" | "own" }
  | { value: null; reason: "no-children" | "incomplete" | "no-own-value" };

/** Decimals of 4 places, as the database stores them: 1/3 is 0.3333, not 0.333333333. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function rollUpValue(rule: TRollUpRule, own: number | null, children: readonly (number | null)[]): TRollUpResult {
  if (rule === "OWN") return own === null ? { value: null, reason: "no-own-value" } : { value: own, from: "own" };
  if (children.length === 0) return { value: null, reason: "no-children" };
  if (children.some((c) => c === null || !Number.isFinite(c))) return { value: null, reason: "incomplete" };
  const sum = (children as number[]).reduce((a, b) => a + b, 0);
  return { value: round4(rule === "SUM" ? sum : sum / children.length), from: "children" };
}

export interface TRollUpIndicator {
  id: string;
  rollUp: TRollUpRule;
  parentIndicatorId: string | null;
}

/**
 * Every indicator's value for one year, bottom up: a SUM/AVERAGE indicator takes its linked
 * indicators' rolled-up values (which may themselves be sums), an OWN one its own value.
 * `own` holds the values measured (or targeted) per indicator id. A link to an indicator
 * outside the list is ignored; a cycle in old data resolves to "incomplete" rather than looping.
 */
export function rollUpTree(indicators: readonly TRollUpIndicator[], own: ReadonlyMap<string, number | null>): Map<string, TRollUpResult> {
  const children = new Map<string, string[]>();
  for (const i of indicators) if (i.parentIndicatorId) children.set(i.parentIndicatorId, [...(children.get(i.parentIndicatorId) ?? []), i.id]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const result = new Map<string, TRollUpResult>();
  const visiting = new Set<string>();
  const resolve = (id: string): TRollUpResult => {
    const done = result.get(id);
    if (done) return done;
    if (visiting.has(id)) return { value: null, reason: "incomplete" };
    visiting.add(id);
    const ind = byId.get(id)!;
    const kids = (children.get(id) ?? []).map((k) => resolve(k).value);
    const r = rollUpValue(ind.rollUp, own.get(id) ?? null, kids);
    visiting.delete(id);
    result.set(id, r);
    return r;
  };
  for (const i of indicators) resolve(i.id);
  return result;
}

/**
 * Whether each indicator's rolled-up value rests on verified values only (decision 044):
 * unverified values roll up (the recap shows them, marked), so the mark has to follow the
 * value. A SUM/AVERAGE indicator is verified when every linked indicator below is (its own
 * rolled-up value, recursively); an OWN one, or one with nothing below, when its own value is.
 * `ownVerified`: whether the indicator's own value to date is verified.
 */
export function rollUpVerified(indicators: readonly TRollUpIndicator[], ownVerified: ReadonlyMap<string, boolean>): Map<string, boolean> {
  const children = new Map<string, string[]>();
  for (const i of indicators) if (i.parentIndicatorId) children.set(i.parentIndicatorId, [...(children.get(i.parentIndicatorId) ?? []), i.id]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const result = new Map<string, boolean>();
  const visiting = new Set<string>();
  const resolve = (id: string): boolean => {
    const done = result.get(id);
    if (done !== undefined) return done;
    if (visiting.has(id)) return false;
    visiting.add(id);
    const ind = byId.get(id)!;
    const kids = children.get(id) ?? [];
    const verified = ind.rollUp === "OWN" || kids.length === 0 ? (ownVerified.get(id) ?? false) : kids.every(resolve);
    visiting.delete(id);
    result.set(id, verified);
    return verified;
  };
  for (const i of indicators) resolve(i.id);
  return result;
}

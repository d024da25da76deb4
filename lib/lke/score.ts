import type { TLkeStructure } from "./structure";

/**
 * Pure LKE scoring (docs/decisions/033-lke.md). A sub-component scores
 * weight × Σ(criterion weight × answer value) / Σ(criterion weight); a component the sum of
 * its sub-components; the total the sum of the components. An unanswered criterion, or an
 * answer not on its scale, counts 0. Each sub-component's score is rounded to 2 decimals and
 * the components and the total are sums of the rounded figures (what the sheet shows adds
 * up); the predikat is read from that total.
 */

/** The answer per criterion code (the reviewer's when given, else the self-assessment). */
export type TLkeAnswers = Readonly<Record<string, string | null | undefined>>;

export type TPredikat = "AA" | "A" | "BB" | "B" | "CC" | "C" | "D";

export const PREDIKAT_LABELS: Record<TPredikat, string> = {
  AA: "Sangat Memuaskan",
  A: "Memuaskan",
  BB: "Sangat Baik",
  B: "Baik",
  CC: "Cukup (Memadai)",
  C: "Kurang",
  D: "Sangat Kurang",
};

/** Lower bounds, exclusive: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, else D. */
const PREDIKAT_BOUNDS: [number, TPredikat][] = [
  [90, "AA"],
  [80, "A"],
  [70, "BB"],
  [60, "B"],
  [50, "CC"],
  [30, "C"],
];

export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export function predikatOf(total: number): TPredikat {
  const t = round2(total);
  for (const [bound, p] of PREDIKAT_BOUNDS) if (t > bound) return p;
  return "D";
}

export interface TLkeSubScore {
  code: string;
  name: string;
  weight: number;
  score: number;
}
export interface TLkeComponentScore {
  code: string;
  name: string;
  weight: number;
  score: number;
  subComponents: TLkeSubScore[];
}
export interface TLkeScore {
  components: TLkeComponentScore[];
  total: number;
  predikat: TPredikat;
  predikatLabel: string;
  answered: number;
  criteria: number;
}

/** The value of an answer on the criterion's scale: 0 when unanswered or off the scale. */
export function answerValue(scale: readonly { code: string; value: number }[], answer: string | null | undefined): number {
  if (!answer) return 0;
  return scale.find((o) => o.code === answer)?.value ?? 0;
}

/** The points a criterion is worth: its share of the sub-component's weight. */
function pointsOf(sub: TLkeStructure["components"][number]["subComponents"][number]) {
  const sum = sub.criteria.reduce((s, c) => s + c.weight, 0);
  return (weight: number) => (sum > 0 ? (sub.weight * weight) / sum : 0);
}

export function scoreLke(structure: TLkeStructure, answers: TLkeAnswers): TLkeScore {
  let answered = 0;
  let criteria = 0;
  const components = structure.components.map((component) => {
    const subComponents = component.subComponents.map((sub) => {
      const points = pointsOf(sub);
      let score = 0;
      for (const c of sub.criteria) {
        criteria++;
        const a = answers[c.code];
        if (a && c.scale.some((o) => o.code === a)) answered++;
        score += points(c.weight) * answerValue(c.scale, a);
      }
      return { code: sub.code, name: sub.name, weight: sub.weight, score: round2(score) };
    });
    const score = subComponents.reduce((s, x) => s + x.score, 0);
    return { code: component.code, name: component.name, weight: component.weight, score: round2(score), subComponents };
  });
  const total = round2(components.reduce((s, c) => s + c.score, 0));
  const predikat = predikatOf(total);
  return { components, total, predikat, predikatLabel: PREDIKAT_LABELS[predikat], answered, criteria };
}

export interface TLkeGain {
  code: string;
  text: string;
  componentCode: string;
  subComponentCode: string;
  /** The criterion's points (its share of the sub-component's weight). */
  points: number;
  /** The value of the current answer (0 when unanswered). */
  value: number;
  /** points × (1 − value): what answering it fully would add to the total. */
  gain: number;
}

/**
 * "What would raise the score most": the criteria not fully met, ranked by
 * points × (1 − answer value), largest first; ties in structure order.
 */
export function rankGains(structure: TLkeStructure, answers: TLkeAnswers, limit?: number): TLkeGain[] {
  const gains: TLkeGain[] = [];
  for (const component of structure.components)
    for (const sub of component.subComponents) {
      const points = pointsOf(sub);
      for (const c of sub.criteria) {
        const value = answerValue(c.scale, answers[c.code]);
        const p = points(c.weight);
        const gain = p * (1 - value);
        if (gain > 1e-9)
          gains.push({ code: c.code, text: c.text, componentCode: component.code, subComponentCode: sub.code, points: round2(p), value, gain: round2(gain) });
      }
    }
  const ranked = gains.map((g, i) => ({ g, i })).sort((a, b) => b.g.gain - a.g.gain || a.i - b.i).map((x) => x.g);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}

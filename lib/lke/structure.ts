import { z } from "zod";

/**
 * The structure of an LKE edition as data (docs/decisions/033-lke.md): components ->
 * sub-components -> criteria, with weights and answer scales. An evaluation holds a copy
 * of it (LkeEvaluation.structure) taken when it was created; scoring reads only the copy.
 *
 * Weights: a component's and a sub-component's weight are points of 100 (the sub-components
 * of a component add up to it); a criterion's weight is relative to its siblings (its share
 * of the sub-component is weight / sum of the siblings' weights).
 */
export const ZLkeScaleOption = z.object({
  code: z.string().min(1).max(4),
  label: z.string().min(1).max(200),
  value: z.number().min(0).max(1),
});
export type TLkeScaleOption = z.infer<typeof ZLkeScaleOption>;

export const ZLkeCriterion = z.object({
  code: z.string().min(1).max(20),
  text: z.string().min(1),
  weight: z.number().positive(),
  scale: z.array(ZLkeScaleOption).min(2),
});
export const ZLkeSubComponent = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1),
  weight: z.number().min(0),
  criteria: z.array(ZLkeCriterion),
});
export const ZLkeComponent = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1),
  weight: z.number().min(0),
  subComponents: z.array(ZLkeSubComponent),
});
export const ZLkeStructure = z.object({
  editionName: z.string(),
  components: z.array(ZLkeComponent),
});
export type TLkeCriterion = z.infer<typeof ZLkeCriterion>;
export type TLkeSubComponent = z.infer<typeof ZLkeSubComponent>;
export type TLkeComponent = z.infer<typeof ZLkeComponent>;
export type TLkeStructure = z.infer<typeof ZLkeStructure>;

/** Y/T: Ya 1, Tidak 0. */
export const SCALE_YT: TLkeScaleOption[] = [
  { code: "Y", label: "Ya", value: 1 },
  { code: "T", label: "Tidak", value: 0 },
];

/** A..E: 1, 0.75, 0.5, 0.25, 0. */
export const SCALE_ABCDE: TLkeScaleOption[] = [
  { code: "A", label: "A: sangat memenuhi", value: 1 },
  { code: "B", label: "B: memenuhi sebagian besar", value: 0.75 },
  { code: "C", label: "C: memenuhi sebagian", value: 0.5 },
  { code: "D", label: "D: memenuhi sebagian kecil", value: 0.25 },
  { code: "E", label: "E: tidak memenuhi", value: 0 },
];

/** Every criterion of the structure, in order, with where it sits. */
export function criteriaOf(structure: TLkeStructure) {
  return structure.components.flatMap((component) =>
    component.subComponents.flatMap((sub) => sub.criteria.map((criterion) => ({ component, sub, criterion }))),
  );
}

export function findCriterion(structure: TLkeStructure, code: string) {
  return criteriaOf(structure).find((c) => c.criterion.code === code) ?? null;
}

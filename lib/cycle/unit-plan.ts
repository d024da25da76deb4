/** The units of each every-unit step, fixed when the cycle starts (MeasurementCycle.unitPlan): step number -> units in order. */
export type TUnitPlan = Record<string, { id: string; name: string }[]>;

export function readUnitPlan(json: unknown): TUnitPlan {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as TUnitPlan) : {};
}

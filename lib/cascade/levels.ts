/**
 * The levels of the pohon kinerja and their order (pure; shared by the service and the page).
 * A node sits only under the level right above it; a Tujuan has no parent. The agency levels
 * (Tujuan, Sasaran) belong to the head; the lower ones to a unit (docs/decisions/029).
 */
export const CASCADE_LEVELS = ["TUJUAN", "SASARAN", "PROGRAM", "KEGIATAN", "SUBKEGIATAN"] as const;
export type TCascadeLevel = (typeof CASCADE_LEVELS)[number];

export const ROLL_UP_RULES = ["SUM", "AVERAGE", "OWN"] as const;
export type TRollUpRule = (typeof ROLL_UP_RULES)[number];

/** The level a node of `level` must sit under; null = the top of the tree. */
export function parentLevelOf(level: TCascadeLevel): TCascadeLevel | null {
  const i = CASCADE_LEVELS.indexOf(level);
  return i <= 0 ? null : CASCADE_LEVELS[i - 1]!;
}

/** The level a child of `level` has; null below the last level. */
export function childLevelOf(level: TCascadeLevel): TCascadeLevel | null {
  const i = CASCADE_LEVELS.indexOf(level);
  return i < 0 || i === CASCADE_LEVELS.length - 1 ? null : CASCADE_LEVELS[i + 1]!;
}

/** Agency-level statements (the head's) need no unit; unit-level ones do. */
export function levelNeedsUnit(level: TCascadeLevel): boolean {
  return level !== "TUJUAN" && level !== "SASARAN";
}

/** The years of a Renstra period, first to last. */
export function periodYears(period: { startYear: number; endYear: number }): number[] {
  return Array.from({ length: Math.max(0, period.endYear - period.startYear + 1) }, (_, i) => period.startYear + i);
}

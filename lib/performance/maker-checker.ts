/**
 * Maker/checker on realizations (docs/decisions/055-realization-maker-checker.md): the people who
 * filled a value since its last verification (saved a draft of it or sent it) may not verify or
 * return it, unless the agency allows self-approval (the setting of the cycle's steps,
 * lib/cycle/task-rules.ts). One pure rule, used by the services (the refusal) and the pages (the
 * verify button withheld with the reason), so they cannot disagree. No database here.
 */
import { PERFORMANCE_MESSAGES as M } from "./messages";

/** A realization's audit event, oldest first: who did it and whether it filled or verified the value. */
export interface TRealizationTrailEvent {
  actorId: string | null;
  kind: "FILL" | "VERIFY" | "OTHER";
}

/** The audit actions that fill or verify an agency PK realization (entity "Realization"). */
export const AGENCY_TRAIL_KIND: Readonly<Record<string, TRealizationTrailEvent["kind"]>> = {
  "realization.save": "FILL",
  "realization.submit": "FILL",
  "realization.verify": "VERIFY",
};
/** The same for a unit PK row's quarter (entity "UnitAgreementRow"; the quarter is named in the event's changes). */
export const UNIT_TRAIL_KIND: Readonly<Record<string, TRealizationTrailEvent["kind"]>> = {
  "cascade.unit_realization_save": "FILL",
  "cascade.unit_realization_submit": "FILL",
  "cascade.unit_realization_verify": "VERIFY",
};

/**
 * Who filled the value since it was last verified: every actor of a save or a send after the last
 * verification (a return does not reset it: the value was not accepted). When the trail holds no
 * fill at all (data written without the services: seeds, imports), the recorded filler
 * (`filledById`, the last saver) counts.
 */
export function realizationMakers(trail: readonly TRealizationTrailEvent[], lastFiller: string | null = null): Set<string> {
  const makers = new Set<string>();
  let filled = false;
  for (const e of trail) {
    if (e.kind === "VERIFY") makers.clear();
    else if (e.kind === "FILL") {
      filled = true;
      if (e.actorId) makers.add(e.actorId);
    }
  }
  if (!filled && lastFiller) makers.add(lastFiller);
  return makers;
}

/** Why `actorId` may not verify or return the value; null when they may. */
export function realizationReviewRefusal(makers: ReadonlySet<string>, actorId: string, allowSelfApproval: boolean): string | null {
  if (allowSelfApproval || !makers.has(actorId)) return null;
  return M.makerChecker;
}

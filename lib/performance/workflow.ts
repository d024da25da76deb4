/**
 * The lifecycle of a realization (one indicator's value for one quarter), as a
 * pure transition table like the cycle's (lib/cycle/workflow.ts). No I/O: the
 * service loads the row and whether its period is archived, asks
 * {@link planRealization}, and applies the change with an update guarded by
 * the `from` status it expects (count === 1, else someone got there first).
 * The screens ask the same table which buttons to show.
 *
 * - A unit member (Bidang) SAVEs a draft and SUBMITs it; a value Tim SAKIP
 *   RETURNed stays RETURNED while it is being fixed (SAVE keeps the return and
 *   its reason visible) until it is RESUBMITted.
 * - Tim SAKIP VERIFYs a submitted value or RETURNs it with a reason.
 * - Evidence (data dukung) is ATTACHed while the value can still change.
 * - An archived period refuses every event: its numbers are the official ones.
 */

export const REALIZATION_STATUSES = ["DRAFT", "SUBMITTED", "VERIFIED", "RETURNED"] as const;
export type TRealizationStatus = (typeof REALIZATION_STATUSES)[number];

export const REALIZATION_EVENTS = ["SAVE", "SUBMIT", "RESUBMIT", "VERIFY", "RETURN", "ATTACH"] as const;
export type TRealizationEvent = (typeof REALIZATION_EVENTS)[number];

/**
 * Who may fire a transition: a member of the indicator's unit (checked by the
 * service against the member's units) or a verifier (the `realization.verify`
 * permission, checked by the action's door).
 */
export type TRealizationActor = "UNIT_MEMBER" | "VERIFIER";

export interface TRealizationTransition {
  /** "NONE": no row yet (the first save or submit creates it). */
  readonly from: TRealizationStatus | "NONE";
  readonly event: TRealizationEvent;
  readonly to: TRealizationStatus;
  readonly actor: TRealizationActor;
  readonly requiresComment: boolean;
  /** An archived (frozen) period refuses it. */
  readonly refusedWhenFrozen: boolean;
}

/** The realization transition table. Anything not listed here is refused. */
export const REALIZATION_TRANSITIONS = [
  { from: "NONE", event: "SAVE", to: "DRAFT", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "NONE", event: "SUBMIT", to: "SUBMITTED", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "DRAFT", event: "SAVE", to: "DRAFT", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "DRAFT", event: "SUBMIT", to: "SUBMITTED", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "DRAFT", event: "ATTACH", to: "DRAFT", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "RETURNED", event: "SAVE", to: "RETURNED", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "RETURNED", event: "RESUBMIT", to: "SUBMITTED", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "RETURNED", event: "ATTACH", to: "RETURNED", actor: "UNIT_MEMBER", requiresComment: false, refusedWhenFrozen: true },
  { from: "SUBMITTED", event: "VERIFY", to: "VERIFIED", actor: "VERIFIER", requiresComment: false, refusedWhenFrozen: true },
  { from: "SUBMITTED", event: "RETURN", to: "RETURNED", actor: "VERIFIER", requiresComment: true, refusedWhenFrozen: true },
] as const satisfies readonly TRealizationTransition[];

export const REALIZATION_MESSAGES = {
  frozen: "Periode ini sudah diarsipkan: datanya tidak dapat diubah lagi.",
  notEditable: "Realisasi yang sudah dikirim atau diverifikasi tidak dapat diubah. Minta Tim SAKIP mengembalikannya bila perlu perbaikan.",
  notSubmitted: "Hanya realisasi yang sudah dikirim yang dapat diverifikasi atau dikembalikan.",
  reasonRequired: "Alasan pengembalian wajib diisi.",
  locked: "Realisasi ini sudah dikirim atau diverifikasi: data dukung tidak dapat ditambah lagi.",
  notFound: "Data kinerja tidak ditemukan.",
} as const;

export type TRealizationErrorCode = "FROZEN" | "NOT_EDITABLE" | "NOT_SUBMITTED" | "LOCKED" | "COMMENT_REQUIRED" | "NOT_FOUND";

export type TRealizationPlan =
  | { ok: true; transition: TRealizationTransition; from: TRealizationStatus | "NONE"; to: TRealizationStatus }
  | { ok: false; code: TRealizationErrorCode; message: string };

export function findRealizationTransition(from: TRealizationStatus | "NONE", event: TRealizationEvent): TRealizationTransition | undefined {
  return (REALIZATION_TRANSITIONS as readonly TRealizationTransition[]).find((t) => t.from === from && t.event === event);
}

/** Why an event has no row for this status, in the user's terms. */
function refusal(event: TRealizationEvent, from: TRealizationStatus | "NONE"): Extract<TRealizationPlan, { ok: false }> {
  if (event === "VERIFY" || event === "RETURN") {
    return from === "NONE" ? { ok: false, code: "NOT_FOUND", message: REALIZATION_MESSAGES.notFound } : { ok: false, code: "NOT_SUBMITTED", message: REALIZATION_MESSAGES.notSubmitted };
  }
  if (event === "ATTACH") {
    return from === "NONE" ? { ok: false, code: "NOT_FOUND", message: REALIZATION_MESSAGES.notFound } : { ok: false, code: "LOCKED", message: REALIZATION_MESSAGES.locked };
  }
  return { ok: false, code: "NOT_EDITABLE", message: REALIZATION_MESSAGES.notEditable };
}

/**
 * What a member's "save" or "submit" means for a row in this status: SUBMIT
 * on a returned value is its RESUBMIT. The form has two buttons; the table
 * has the events.
 */
export function fillEvent(from: TRealizationStatus | "NONE", submit: boolean): TRealizationEvent {
  if (!submit) return "SAVE";
  return from === "RETURNED" ? "RESUBMIT" : "SUBMIT";
}

/**
 * Plans an event on a realization: the transition and the status after it,
 * or an Indonesian refusal. `frozen`: the period has been archived.
 */
export function planRealization(
  state: { status: TRealizationStatus | "NONE"; frozen: boolean },
  event: TRealizationEvent,
  options: { comment?: string | null } = {},
): TRealizationPlan {
  const transition = findRealizationTransition(state.status, event);
  if (transition?.refusedWhenFrozen !== false && state.frozen) return { ok: false, code: "FROZEN", message: REALIZATION_MESSAGES.frozen };
  if (!transition) return refusal(event, state.status);
  if (transition.requiresComment && !options.comment?.trim()) return { ok: false, code: "COMMENT_REQUIRED", message: REALIZATION_MESSAGES.reasonRequired };
  return { ok: true, transition, from: state.status, to: transition.to };
}

/** The events an actor can fire now (for the buttons of a realization). */
export function availableRealizationEvents(status: TRealizationStatus | "NONE", frozen: boolean, actor: TRealizationActor): TRealizationEvent[] {
  return (REALIZATION_TRANSITIONS as readonly TRealizationTransition[])
    .filter((t) => t.from === status && t.actor === actor && !(frozen && t.refusedWhenFrozen))
    .map((t) => t.event);
}

/** Whether a unit member may still change the value (the form is editable). */
export function isRealizationEditable(status: TRealizationStatus | null, frozen: boolean): boolean {
  return availableRealizationEvents(status ?? "NONE", frozen, "UNIT_MEMBER").includes("SAVE");
}

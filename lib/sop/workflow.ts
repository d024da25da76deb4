/**
 * The lifecycle of an SOP version, as a pure transition table like the
 * cycle's (lib/cycle/workflow.ts). No I/O: the service loads the version, asks
 * {@link planSopEvent}, and applies the change with an update guarded by the
 * `from` status it expects (count === 1); the SOP page asks the same table
 * which buttons to show.
 *
 * - A DRAFT is EDITed in place and ACTIVATEd ("mengesahkan") by the head.
 * - Activating a draft SUPERSEDEs the series' ACTIVE version in the same
 *   transaction (the system fires it, not a person).
 * - An ACTIVE version is never edited: REVISE makes a new draft version from
 *   it (it stays ACTIVE until that draft is activated), or it is ARCHIVEd
 *   (withdrawn: no new cycles; still readable).
 * - SUPERSEDED and ARCHIVED are final.
 */

export const SOP_STATUSES = ["DRAFT", "ACTIVE", "SUPERSEDED", "ARCHIVED"] as const;
export type TSopStatus = (typeof SOP_STATUSES)[number];

export const SOP_EVENTS = ["EDIT", "ACTIVATE", "SUPERSEDE", "REVISE", "ARCHIVE"] as const;
export type TSopEvent = (typeof SOP_EVENTS)[number];

/**
 * Who fires it: whoever may edit SOPs (`sop.edit`), whoever may activate them
 * (`sop.activate`, the head by default), or the system as part of another
 * transition. lib/authz decides which roles hold the permissions.
 */
export type TSopActor = "EDITOR" | "ACTIVATOR" | "SYSTEM";

export interface TSopTransition {
  readonly from: TSopStatus;
  readonly event: TSopEvent;
  readonly to: TSopStatus;
  readonly actor: TSopActor;
}

/** The SOP transition table. Anything not listed here is refused. */
export const SOP_TRANSITIONS = [
  { from: "DRAFT", event: "EDIT", to: "DRAFT", actor: "EDITOR" },
  { from: "DRAFT", event: "ACTIVATE", to: "ACTIVE", actor: "ACTIVATOR" },
  { from: "ACTIVE", event: "SUPERSEDE", to: "SUPERSEDED", actor: "SYSTEM" },
  { from: "ACTIVE", event: "REVISE", to: "ACTIVE", actor: "EDITOR" },
  { from: "ACTIVE", event: "ARCHIVE", to: "ARCHIVED", actor: "ACTIVATOR" },
] as const satisfies readonly TSopTransition[];

/** Why an event was refused, per event (the wording users already know). */
export const SOP_WORKFLOW_MESSAGES = {
  EDIT: "Hanya SOP berstatus Draf yang dapat diubah. Buat versi baru untuk merevisi SOP yang berlaku.",
  ACTIVATE: "SOP ini sudah disahkan atau tidak lagi berstatus Draf.",
  SUPERSEDE: "Hanya SOP yang sedang berlaku yang dapat digantikan versi baru.",
  REVISE: "Versi baru hanya dapat dibuat dari SOP yang sedang berlaku.",
  ARCHIVE: "Hanya SOP yang sedang berlaku yang dapat diarsipkan.",
} as const satisfies Record<TSopEvent, string>;

export type TSopPlan = { ok: true; transition: TSopTransition; from: TSopStatus; to: TSopStatus } | { ok: false; message: string };

export function findSopTransition(from: TSopStatus, event: TSopEvent): TSopTransition | undefined {
  return (SOP_TRANSITIONS as readonly TSopTransition[]).find((t) => t.from === from && t.event === event);
}

/** Plans an event on an SOP version: the status after it, or an Indonesian refusal. */
export function planSopEvent(status: TSopStatus, event: TSopEvent): TSopPlan {
  const transition = findSopTransition(status, event);
  if (!transition) return { ok: false, message: SOP_WORKFLOW_MESSAGES[event] };
  return { ok: true, transition, from: status, to: transition.to };
}

/** The events people can fire on a version in this status (SYSTEM events excluded), for its buttons. */
export function availableSopEvents(status: TSopStatus, actor?: Exclude<TSopActor, "SYSTEM">): TSopEvent[] {
  return (SOP_TRANSITIONS as readonly TSopTransition[])
    .filter((t) => t.from === status && t.actor !== "SYSTEM" && (actor === undefined || t.actor === actor))
    .map((t) => t.event);
}

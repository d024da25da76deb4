/**
 * The lifecycle of a crosscutting link (decision 045), as a table: which side may move a link
 * from which status by which event. Pure: the service plans with it, the page offers with it.
 */
export type TCrosscutStatus = "PROPOSED" | "ACCEPTED" | "DECLINED" | "ENDED";
export type TCrosscutEvent = "ACCEPT" | "DECLINE" | "END";
/** SOURCE: the agency whose indicator contributes; TARGET: the agency whose Tujuan/Sasaran it supports. */
export type TCrosscutSide = "SOURCE" | "TARGET";

export const CROSSCUT_TRANSITIONS: readonly { from: TCrosscutStatus; event: TCrosscutEvent; to: TCrosscutStatus; sides: readonly TCrosscutSide[] }[] = [
  { from: "PROPOSED", event: "ACCEPT", to: "ACCEPTED", sides: ["TARGET"] },
  { from: "PROPOSED", event: "DECLINE", to: "DECLINED", sides: ["TARGET"] },
  // The proposer withdraws its own proposal; the target answers it with DECLINE instead.
  { from: "PROPOSED", event: "END", to: "ENDED", sides: ["SOURCE"] },
  // Either side may end an accepted link.
  { from: "ACCEPTED", event: "END", to: "ENDED", sides: ["SOURCE", "TARGET"] },
];

export type TCrosscutPlan = { ok: true; to: TCrosscutStatus } | { ok: false; reason: "state" | "side" };

export function planCrosscut(from: TCrosscutStatus, event: TCrosscutEvent, side: TCrosscutSide): TCrosscutPlan {
  const rows = CROSSCUT_TRANSITIONS.filter((t) => t.from === from && t.event === event);
  if (rows.length === 0) return { ok: false, reason: "state" };
  const row = rows.find((t) => t.sides.includes(side));
  return row ? { ok: true, to: row.to } : { ok: false, reason: "side" };
}

/** The events a side may take on a link now (what the page offers). */
export function crosscutEventsFor(status: TCrosscutStatus, side: TCrosscutSide): TCrosscutEvent[] {
  return CROSSCUT_TRANSITIONS.filter((t) => t.from === status && t.sides.includes(side)).map((t) => t.event);
}

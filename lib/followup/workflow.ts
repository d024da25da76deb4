/**
 * The follow-up lifecycle as a table: Terbuka -> Selesai (close, by the owner unit or a
 * manager, with a note and evidence), Selesai -> Terbuka (reopen, by a manager, with a
 * reason); editing only while Terbuka. Pure: the service asks it, the screen too.
 */
export type TFollowUpStatus = "OPEN" | "DONE";
export type TFollowUpEvent = "EDIT" | "CLOSE" | "REOPEN";
export type TFollowUpActor = "MANAGER" | "OWNER";

const TRANSITIONS: readonly { from: TFollowUpStatus; event: TFollowUpEvent; to: TFollowUpStatus; by: readonly TFollowUpActor[] }[] = [
  { from: "OPEN", event: "EDIT", to: "OPEN", by: ["MANAGER"] },
  { from: "OPEN", event: "CLOSE", to: "DONE", by: ["MANAGER", "OWNER"] },
  { from: "DONE", event: "REOPEN", to: "OPEN", by: ["MANAGER"] },
];

export type TFollowUpPlan = { ok: true; to: TFollowUpStatus } | { ok: false; code: "WRONG_STATUS" | "NOT_ALLOWED" };

export function planFollowUp(from: TFollowUpStatus, event: TFollowUpEvent, actors: readonly TFollowUpActor[]): TFollowUpPlan {
  const row = TRANSITIONS.find((t) => t.event === event && t.from === from);
  if (!row) return { ok: false, code: "WRONG_STATUS" };
  if (!row.by.some((a) => actors.includes(a))) return { ok: false, code: "NOT_ALLOWED" };
  return { ok: true, to: row.to };
}

/** Overdue: still open after its due day has ended in the agency's time zone (both as yyyy-mm-dd). */
export function isOverdue(item: { status: TFollowUpStatus; dueDate: string }, todayInAgency: string): boolean {
  return item.status === "OPEN" && item.dueDate < todayInAgency;
}

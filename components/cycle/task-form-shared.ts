import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { TTaskEventType } from "@/lib/cycle/workflow";

/**
 * What the task panel's two forms (work-task-form.tsx, decision-task-form.tsx) share. They are
 * plain React forms (docs/decisions/039-lean-first-load.md): no react-hook-form, no zod in the
 * page's first load. What must be filled in is checked where it is enforced, by the server's
 * checkWork on the offer's requirements: the action answers with field errors, shown on the fields
 * as before; lengths are the inputs' own `maxLength`. Words come from lib/cycle/messages.ts (no
 * schema module) and, for the archive gate, from the server as props.
 */

export const SUCCESS: Record<TTaskEventType, string> = {
  COMPLETE: M.done,
  APPROVE: M.approved,
  RETURN: M.returned,
  RESUBMIT: M.resubmitted,
};

/** The archive gate's words (lib/performance/messages.ts), given by the server so the forms' chunks do not carry that module. */
export interface TGateWords {
  noteLabel: string;
  noteHint: string;
  submitHead: string;
}

export type TErrors = Record<string, string>;

/** Server field errors ("attendees.0") onto a form's fields (ids `task-<field>`), the first one focused. Empty: none matched. */
export function placeFieldErrors(fieldErrors: Record<string, string[]> | undefined, fields: readonly string[]): TErrors {
  const placed: TErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = fields.find((f) => f === key.split(".")[0]);
    if (field && messages[0] && !placed[field]) placed[field] = messages[0];
  }
  const first = Object.keys(placed)[0];
  if (first) requestAnimationFrame(() => document.getElementById(`task-${first}`)?.focus());
  return placed;
}

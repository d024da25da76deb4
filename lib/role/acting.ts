/**
 * Acting officials (Plt./Plh.) as people read them: "Plt. Kepala Dinas".
 * Pure: used by the timeline, the cycle page, signature blocks and the audit
 * labels. The capacity a task was completed in is kept in the task's data
 * (`acting`), so history reads the same after the appointment ends.
 */
export type TActingKind = "PLT" | "PLH";

export const ACTING_PREFIX: Record<TActingKind, string> = { PLT: "Plt.", PLH: "Plh." };
export const ACTING_KIND_LABELS: Record<TActingKind, string> = { PLT: "Plt. (Pelaksana Tugas)", PLH: "Plh. (Pelaksana Harian)" };

export const actingTitle = (kind: TActingKind, roleName: string) => `${ACTING_PREFIX[kind]} ${roleName}`;

/** What a task (or an SOP activation) records about the capacity it was done in. */
export interface TActingRecord {
  appointmentId: string;
  kind: TActingKind;
  /** "Plt. Kepala Dinas", as it was called then. */
  title: string;
  decreeNumber: string;
}

export function readActingRecord(raw: unknown): TActingRecord | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const acting = (raw as Record<string, unknown>).acting;
  if (!acting || typeof acting !== "object" || Array.isArray(acting)) return null;
  const a = acting as Record<string, unknown>;
  if (typeof a.appointmentId !== "string" || (a.kind !== "PLT" && a.kind !== "PLH") || typeof a.title !== "string") return null;
  return { appointmentId: a.appointmentId, kind: a.kind, title: a.title, decreeNumber: typeof a.decreeNumber === "string" ? a.decreeNumber : "" };
}

/** "Plt. Kepala Dinas · Dr. Rina (NIP …)" or just the person. */
export function withCapacity(person: string, acting: TActingRecord | null): string {
  return acting ? `${acting.title} · ${person}` : person;
}

/**
 * What an audit row is about, in words, per entity type (decision 061): one labeler for every entity
 * type the event definitions (./events.ts) allow, so the log never shows "(tidak ditemukan)" for a
 * type nobody thought of (the map's type requires every one; tests/integration/audit-entity-labels
 * checks it against the definitions and the code). A labeler reads the names the batch looked up
 * (`look`, one statement in describeAuditRows) and otherwise what the event recorded; null when
 * neither names it. Pure: no database here.
 */
import { formatDate } from "@/lib/format";

import type { TAuditEventInput } from "./events";
import { periodLabel, quarterLabel, stepRoundLabel } from "./labels";

export type TAuditEntityType = TAuditEventInput["entityType"];

/** What the batch looked up by id (lib/audit/queries.ts): current names, or undefined once deleted. */
export interface TEntityLookups {
  agencyId: string;
  agencyName: string | null;
  cycle: (id: string) => { period: string; year: number; sopNomor: string } | undefined;
  user: (id: string) => string | undefined;
  realization: (id: string) => { indicator: string; unit: string } | undefined;
  lkeEvaluation: (id: string) => { year: number; edition: string } | undefined;
  followUp: (id: string) => { recommendation: string; unit: string } | undefined;
}

type TLabeler = (data: Record<string, unknown>, entityId: string | null, look: TEntityLookups) => string | null;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const afterName = (data: Record<string, unknown>) => {
  const after = data.after && typeof data.after === "object" && !Array.isArray(data.after) ? (data.after as Record<string, unknown>) : {};
  return str(after.name);
};

export function cycleLabelOf(look: TEntityLookups, id: string): string | null {
  const c = look.cycle(id);
  return c ? `Siklus ${periodLabel(c.period, c.year)} · SOP ${c.sopNomor}` : null;
}

export const ENTITY_LABELERS: Record<TAuditEntityType, TLabeler> = {
  User: (_d, id, look) => (id ? (look.user(id) ?? null) : null),
  Government: (d) => afterName(d),
  Agency: (d, id, look) => (id === look.agencyId && look.agencyName ? look.agencyName : afterName(d)),
  // Recorded with the event: the role or unit as it was called then (it may have been renamed or deleted since).
  Role: (d) => str(d.name) ?? str(d.code) ?? afterName(d),
  OrgUnit: (d) => str(d.name) ?? str(d.code) ?? afterName(d),
  Holiday: (d) => {
    const name = str(d.name);
    const date = str(d.date);
    return name ? `${name}${date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `, ${formatDate(new Date(`${date}T00:00:00Z`))}` : ""}` : null;
  },
  ActingAppointment: (d) => {
    const title = str(d.title);
    return title ? `${title}${str(d.decreeNumber) ? ` (SK ${d.decreeNumber})` : ""}` : null;
  },
  Sop: (d) => (str(d.nomor) ? `SOP ${d.nomor}${num(d.version) !== null ? ` versi ${d.version}` : ""}` : null),
  MeasurementCycle: (_d, id, look) => (id ? cycleLabelOf(look, id) : null),
  CycleTask: (d, _id, look) => {
    const cycleId = str(d.cycleId);
    if (!cycleId) return null;
    const step = num(d.stepNumber) !== null && num(d.round) !== null ? stepRoundLabel(d.stepNumber as number, d.round as number) : "Langkah";
    const cycle = cycleLabelOf(look, cycleId);
    return cycle ? `${step} · ${cycle}` : step;
  },
  StoredFile: (d) => (str(d.name) ? `"${d.name}"` : null),
  SigningCertificate: (d) => (str(d.subject) ? `Sertifikat ${d.subject}` : null),
  SignedDocument: (d) => (str(d.title) ? `${d.title}${str(d.code) ? ` (${d.code})` : ""}` : null),
  PerformanceAgreement: (d) => (num(d.year) !== null ? `Perjanjian Kinerja ${d.year}` : null),
  // Code, quarter and year as recorded; the indicator's name and unit as they are now.
  Realization: (d, id, look) => {
    const found = id ? look.realization(id) : undefined;
    const period = num(d.quarter) !== null && num(d.year) !== null ? ` ${quarterLabel(d.quarter as number, d.year as number)}` : "";
    const code = str(d.code) ? `${d.code} ` : "";
    if (found) return `${code}${found.indicator}${period} · ${found.unit}`;
    return code ? `${code.trim()}${period}` : null;
  },
  Program: (d) => (str(d.code) ? (num(d.quarter) !== null && num(d.year) !== null ? `${d.code} ${quarterLabel(d.quarter as number, d.year as number)}` : (d.code as string)) : null),
  // The recommendation and its unit as they are now; as recorded once the item is gone.
  FollowUp: (d, id, look) => {
    const found = id ? look.followUp(id) : undefined;
    if (found) return `“${found.recommendation}” · ${found.unit}`;
    const recommendation = str(d.recommendation);
    return recommendation ? `“${recommendation}”${str(d.unitName) ? ` · ${d.unitName}` : ""}` : null;
  },
  RenstraPeriod: (d) =>
    num(d.startYear) !== null && num(d.endYear) !== null ? `Renstra ${d.startYear}–${d.endYear}` : num(d.year) !== null ? `PK per level ${d.year}` : null,
  CascadeNode: (d) => str(d.statement),
  CascadeIndicator: (d) => str(d.name),
  UnitAgreementRow: (d) => (str(d.name) ? `${d.name}${str(d.unitName) ? ` · PK ${d.unitName}` : ""}${num(d.year) !== null ? ` ${d.year}` : ""}` : null),
  CrosscutLink: (d) => (str(d.indicatorName) ? `${d.indicatorName}${str(d.sourceAgency) && str(d.targetAgency) ? ` (${d.sourceAgency} → ${d.targetAgency})` : ""}` : null),
  // The evaluation's year and edition as they are now; the year as recorded once it is gone.
  LkeEvaluation: (d, id, look) => {
    const found = id ? look.lkeEvaluation(id) : undefined;
    if (found) return `LKE ${found.year} · ${found.edition}`;
    return num(d.year) !== null ? `LKE ${d.year}` : null;
  },
  LkeEdition: (d) => (str(d.name) ? `Edisi LKE ${d.name}` : null),
};

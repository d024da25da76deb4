/**
 * Files as a step's output, with a version per round (issue #15 item 4,
 * docs/decisions/026-file-versions.md). Derived, not stored: a step's rounds are
 * already numbered per step (and per unit for an every-unit step), and every
 * file belongs to one round (StoredFile.taskId), so "Versi n" of a step's output
 * is the n-th of its rounds that carries files, in round order. Version n
 * replaces version n - 1 of the same step (and unit). A round that sent no
 * file keeps no version of its own: the last version stays the latest one.
 *
 * Pure; the cycle page, the timeline and tests/integration/file-versions.test.ts
 * use it.
 */

import { formatDateTime, type TAgencyTimeZone } from "@/lib/format";

import { workUnderReview, type TReviewStep } from "./work-under-review";

export interface TVersionFile {
  id: string;
  originalName: string;
  mimeType: string;
  size: number;
  createdAt: Date;
  uploadedBy: { name: string } | null;
}

export interface TVersionTask<F extends TVersionFile = TVersionFile> {
  id: string;
  stepNumber: number;
  round: number;
  unitId: string | null;
  files: readonly F[];
}

export interface TFileVersion<F extends TVersionFile = TVersionFile> {
  /** 1, 2, …: the n-th round of the step (and unit) that carries files. */
  version: number;
  taskId: string;
  stepNumber: number;
  round: number;
  unitId: string | null;
  files: readonly F[];
  /** Who uploaded the version's files (in upload order, each name once). */
  uploadedBy: string[];
  /** When its last file was uploaded. */
  uploadedAt: Date;
  /** The version it replaces (same step and unit), or null for version 1. */
  replaces: { version: number; taskId: string; round: number } | null;
}

// The words live in a module of their own, so the client upload control does not carry lib/format (date-fns).
export { FILE_VERSION_MESSAGES } from "./file-version-messages";

const key = (t: { stepNumber: number; unitId: string | null }) => `${t.stepNumber}:${t.unitId ?? ""}`;

/** Every task that carries files, by task id, with its version of the step's output. */
export function fileVersions<F extends TVersionFile, T extends TVersionTask<F>>(tasks: readonly T[]): Map<string, TFileVersion<F>> {
  const byOutput = new Map<string, T[]>();
  for (const t of tasks) {
    if (t.files.length === 0) continue;
    const list = byOutput.get(key(t)) ?? [];
    list.push(t);
    byOutput.set(key(t), list);
  }
  const versions = new Map<string, TFileVersion<F>>();
  for (const list of byOutput.values()) {
    let previous: TFileVersion<F> | null = null;
    for (const [i, t] of [...list].sort((a, b) => a.round - b.round).entries()) {
      const files = [...t.files].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      const version: TFileVersion<F> = {
        version: i + 1,
        taskId: t.id,
        stepNumber: t.stepNumber,
        round: t.round,
        unitId: t.unitId,
        files,
        uploadedBy: [...new Set(files.map((f) => f.uploadedBy?.name).filter((n): n is string => Boolean(n)))],
        uploadedAt: files.at(-1)!.createdAt,
        replaces: previous ? { version: previous.version, taskId: previous.taskId, round: previous.round } : null,
      };
      versions.set(t.id, version);
      previous = version;
    }
  }
  return versions;
}

/**
 * What a reviewer compares: the version of the work under review (null when its
 * round sent no file) and the latest version before it of the same step and unit
 * (an earlier round's files), or null when there is none.
 */
export function versionsUnderReview<F extends TVersionFile, T extends TVersionTask<F>>(
  tasks: readonly T[],
  underReview: { id: string; stepNumber: number; round: number; unitId: string | null },
): { current: TFileVersion<F> | null; previous: TFileVersion<F> | null } {
  const versions = fileVersions<F, T>(tasks);
  const current = versions.get(underReview.id) ?? null;
  const earlier = [...versions.values()].filter((v) => key(v) === key(underReview) && v.round < underReview.round);
  const previous = earlier.reduce<TFileVersion<F> | null>((a, v) => (a === null || v.round > a.round ? v : a), null);
  return { current, previous };
}

/** A file's download link and, for a PDF, the link that opens it in the browser (the files route serves it inline, decision 023). */
export function fileLinkOf(slug: string, f: { id: string; originalName: string; mimeType: string }) {
  return {
    id: f.id,
    name: f.originalName,
    href: `/a/${slug}/files/${f.id}`,
    viewHref: f.mimeType === "application/pdf" ? `/a/${slug}/files/${f.id}?lihat=1` : undefined,
  };
}

/** One version as the reviewer reads it: its label, who uploaded it and when, its files with their links. */
export interface TVersionView {
  version: number;
  round: number;
  uploadedBy: string | null;
  uploadedAt: string;
  files: { id: string; name: string; href: string; viewHref?: string }[];
}

/** The files the reviewer compares: the work under review's version and the one before it. */
export interface TReviewVersions {
  stepNumber: number;
  current: TVersionView | null;
  previous: TVersionView | null;
}

type TRecordTask = TVersionTask & { status: string; outputText: string | null; data: unknown };

/** A kind-specific record worth reviewing (minutes, checklist, upload reference): as lib/cycle/decision-snapshot.ts reads it. */
function hasRecord(raw: unknown): boolean {
  const d = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const filled = (v: unknown) => (Array.isArray(v) ? v.some((x) => typeof x === "string") : typeof v === "string" && v.trim() !== "");
  return filled(d.checklist) || filled(d.attendees) || filled(d.decisions) || filled(d.reference);
}

/**
 * The reviewer's view of the file versions for the decision at `decisionStepNumber`:
 * the work under review (lib/cycle/work-under-review.ts, the same rule as the
 * decision snapshot) with its version, and the previous version of the same step's
 * output. Null when nothing is under review or no round of its step carries files.
 */
export function reviewFileVersions(
  steps: readonly TReviewStep[],
  tasks: readonly TRecordTask[],
  decisionStepNumber: number,
  opts: { slug: string; timeZone: TAgencyTimeZone },
): TReviewVersions | null {
  const withOutput = tasks.map((t) => ({ ...t, hasOutput: Boolean(t.outputText?.trim()) || t.files.length > 0 || hasRecord(t.data) }));
  const decided = workUnderReview(steps, withOutput, decisionStepNumber);
  if (!decided) return null;
  const { current, previous } = versionsUnderReview(tasks, decided);
  if (!current && !previous) return null;
  const view = (v: TFileVersion): TVersionView => ({
    version: v.version,
    round: v.round,
    uploadedBy: v.uploadedBy.length ? v.uploadedBy.join(", ") : null,
    uploadedAt: formatDateTime(v.uploadedAt, opts.timeZone),
    files: v.files.map((f) => fileLinkOf(opts.slug, f)),
  });
  return { stepNumber: decided.stepNumber, current: current ? view(current) : null, previous: previous ? view(previous) : null };
}

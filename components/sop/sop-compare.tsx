import Link from "next/link";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { ArrowLeftRight } from "@/components/ui/icons";
import { formatDate, formatNumber, type TAgencyTimeZone } from "@/lib/format";
import { dayFromIso, diffSops, SOP_HEADER_FIELDS, type TSopChange } from "@/lib/sop/mapping";
import { SOP_DOCUMENT_MESSAGES } from "@/lib/sop/messages";
import { isDecisionKind, STEP_KIND_LABELS, TIME_UNIT_LABELS, type TSopInput, type TSopStep } from "@/lib/sop/schemas";
import { cn } from "@/lib/utils";
import { formatNip } from "@/lib/validation/nip";

import { SopStatusBadge, type TSopStatus } from "./status-badge";

/**
 * Two versions of one SOP side by side: the older on the left, the newer on the
 * right (stacked on a phone, each value labelled with its version). Changes come
 * from diffSops (header fields, steps matched by number); a change always carries
 * a text label ("diubah", "ditambah", "dihapus"), never colour alone. Unchanged
 * steps are folded away. No client JavaScript: <details> does the folding.
 */

export interface TCompareVersion {
  id: string;
  version: number;
  status: TSopStatus;
  activatedAt: Date | null;
  activatedByName: string | null;
  sop: TSopInput;
}

export interface SopCompareProps {
  agencySlug: string;
  timeZone: TAgencyTimeZone;
  /** The version in the URL; picker links keep it and change the other one. */
  baseId: string;
  older: TCompareVersion;
  newer: TCompareVersion;
  /** Every version of the series, newest first. */
  versions: { id: string; version: number; status: TSopStatus }[];
  /** Role code -> name, for both versions. */
  roleNames: Record<string, string>;
}

const T = {
  title: "Bandingkan versi SOP",
  older: "lama",
  newer: "baru",
  version: (n: number) => `Versi ${n}`,
  field: "Isian",
  changed: "diubah",
  added: "ditambah",
  removed: "dihapus",
  itemAdded: "butir baru",
  itemRemoved: "butir dihapus",
  unchanged: "tidak berubah",
  sameAs: (n: number) => `sama dengan versi ${n}`,
  identity: "Identitas SOP",
  procedure: "Prosedur",
  picker: (n: number) => `Bandingkan versi ${n} dengan`,
  pickerCurrent: "sedang dibandingkan",
  thisVersion: "versi ini",
  open: "Buka",
  noChanges: "Kedua versi sama persis: tidak ada isian atau langkah yang berubah.",
  summary: (header: number, changed: number, added: number, removed: number) =>
    [
      `${header} isian identitas diubah`,
      `${changed} langkah diubah`,
      `${added} langkah ditambah`,
      `${removed} langkah dihapus`,
    ].join(" · "),
  activated: (date: string, by: string | null) => `disahkan ${date}${by ? ` oleh ${by}` : ""}`,
  notInVersion: (n: number) => `Tidak ada di versi ${n}.`,
  unchangedRun: (from: number, to: number) => (from === to ? `Langkah ${from} tidak berubah` : `Langkah ${from}–${to} tidak berubah`),
  showUnchanged: "tampilkan",
  step: (n: number) => `Langkah ${n}`,
  changedFields: (labels: string[]) => `Berubah: ${labels.join(", ")}`,
  empty: "-",
  legend: "Kiri: versi lama. Kanan: versi baru. Isian yang berubah ditandai \u201cdiubah\u201d.",
} as const;

type THeaderField = (typeof SOP_HEADER_FIELDS)[number][0];
const LIST_FIELDS = new Set<THeaderField>(["dasarHukum", "kualifikasiPelaksana", "keterkaitan", "peralatan", "pencatatan"]);
const DATE_FIELDS = new Set<THeaderField>(["tanggalPembuatan", "tanggalRevisi", "tanggalEfektif"]);

/** Rows of a step card; a row is changed when any of its fields is. */
const STEP_ROWS: { key: string; label: string; fields: (keyof TSopStep)[] }[] = [
  { key: "kegiatan", label: "Kegiatan", fields: ["kegiatan"] },
  { key: "pelaksana", label: "Pelaksana", fields: ["executorRoleCode"] },
  { key: "peserta", label: "Ikut serta", fields: ["participantRoleCodes"] },
  { key: "jenis", label: "Jenis langkah", fields: ["kind"] },
  { key: "kelengkapan", label: "Kelengkapan", fields: ["kelengkapan"] },
  { key: "waktu", label: "Waktu", fields: ["waktuJumlah", "waktuSatuan"] },
  { key: "output", label: "Output", fields: ["output"] },
  { key: "alur", label: "Alur keputusan", fields: ["kind", "yesStepNumber", "noStepNumber"] },
  { key: "keterangan", label: "Keterangan", fields: ["keterangan"] },
];

function ChangeBadge({ kind }: { kind: "changed" | "added" | "removed" }) {
  const tone = kind === "changed" ? "warning" : kind === "added" ? "success" : "danger";
  return <Badge tone={tone}>{T[kind]}</Badge>;
}

/** "Versi 1 (lama)" shown above each value on a phone; read by screen readers everywhere. */
function SideLabel({ v, side, sameAs }: { v: TCompareVersion; side: "older" | "newer"; sameAs?: TCompareVersion }) {
  return (
    <span className="mb-1 block text-xs font-medium text-slate-500 md:sr-only">
      {T.version(v.version)} ({T[side]}){sameAs ? ` · ${T.sameAs(sameAs.version)}` : null}
    </span>
  );
}

/** A header value for display; list items missing from the other version are marked in words. */
function headerValue(field: THeaderField, value: unknown, other: unknown, side: "older" | "newer"): ReactNode {
  if (LIST_FIELDS.has(field)) {
    const items = (value as string[] | null) ?? [];
    const others = new Set((other as string[] | null) ?? []);
    if (items.length === 0) return T.empty;
    return (
      <ol className="list-decimal space-y-1 pl-5">
        {items.map((item, i) => (
          <li key={i}>
            {item}
            {!others.has(item) ? (
              <span className="ml-1 text-xs font-semibold whitespace-nowrap text-amber-900">[{side === "newer" ? T.itemAdded : T.itemRemoved}]</span>
            ) : null}
          </li>
        ))}
      </ol>
    );
  }
  if (value === null || value === undefined || value === "") return T.empty;
  if (DATE_FIELDS.has(field)) return formatDate(dayFromIso(value as string)!, "WIB");
  if (field === "disahkanNip") return formatNip(value as string);
  return String(value);
}

function waktu(step: TSopStep) {
  return `${formatNumber(step.waktuJumlah)} ${TIME_UNIT_LABELS[step.waktuSatuan]}`;
}

function stepValue(key: string, step: TSopStep, roleNames: Record<string, string>): ReactNode {
  const role = (code: string) => roleNames[code] ?? code;
  switch (key) {
    case "kegiatan":
      return step.kegiatan;
    case "pelaksana":
      return role(step.executorRoleCode);
    case "peserta":
      return step.participantRoleCodes.length ? step.participantRoleCodes.map(role).join(", ") : T.empty;
    case "jenis":
      return STEP_KIND_LABELS[step.kind];
    case "kelengkapan":
      return step.kelengkapan || T.empty;
    case "waktu":
      return waktu(step);
    case "output":
      return step.output;
    case "alur":
      return isDecisionKind(step.kind)
        ? `Ya → langkah ${step.yesStepNumber ?? step.number + 1}; Tidak → kembali ke langkah ${step.noStepNumber ?? T.empty}`
        : T.empty;
    case "keterangan":
      return step.keterangan || T.empty;
    default:
      return T.empty;
  }
}

/** One compared row: label, older value, newer value; highlighted with a text label when changed. */
function CompareRow({
  label,
  changed,
  older,
  newer,
  left,
  right,
}: {
  label: string;
  changed: boolean;
  older: TCompareVersion;
  newer: TCompareVersion;
  left: ReactNode;
  right: ReactNode;
}) {
  return (
    <div
      className={cn(
        "grid gap-2 border-b border-slate-200 px-4 py-3 text-sm last:border-b-0 md:grid-cols-[11rem_1fr_1fr] md:gap-4 sm:px-6",
        changed ? "border-l-4 border-l-amber-500 bg-amber-50" : "text-slate-600",
      )}
      data-changed={changed ? "true" : undefined}
    >
      <div className="font-medium text-slate-900">
        {label}
        {changed ? (
          <>
            {" "}
            <ChangeBadge kind="changed" />
          </>
        ) : null}
      </div>
      {/* On a phone an unchanged value is shown once, labelled as the same in both versions. */}
      <div className={cn("min-w-0 break-words whitespace-pre-line", !changed && "hidden md:block")}>
        <SideLabel v={older} side="older" />
        {left}
      </div>
      <div className="min-w-0 break-words whitespace-pre-line">
        <SideLabel v={newer} side="newer" sameAs={changed ? undefined : older} />
        {right}
      </div>
    </div>
  );
}

function ColumnHeads({ older, newer, first }: { older: TCompareVersion; newer: TCompareVersion; first: string }) {
  return (
    <div className="hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid md:grid-cols-[11rem_1fr_1fr] md:gap-4 sm:px-6" aria-hidden>
      <span>{first}</span>
      <span>
        {T.version(older.version)} ({T.older})
      </span>
      <span>
        {T.version(newer.version)} ({T.newer})
      </span>
    </div>
  );
}

type TStepEntry =
  | { kind: "same"; number: number; step: TSopStep }
  | { kind: "changed"; number: number; before: TSopStep; after: TSopStep; fields: Set<string> }
  | { kind: "added"; number: number; after: TSopStep }
  | { kind: "removed"; number: number; before: TSopStep };

function stepEntries(older: TSopInput, newer: TSopInput, changes: TSopChange[]): TStepEntry[] {
  const byNumber = new Map<number, TSopChange>();
  for (const c of changes) if (c.kind !== "header") byNumber.set(c.number, c);
  const n = Math.max(older.steps.length, newer.steps.length);
  const entries: TStepEntry[] = [];
  for (let i = 0; i < n; i++) {
    const before = older.steps[i];
    const after = newer.steps[i];
    const number = (after ?? before)!.number;
    const change = byNumber.get(number);
    if (before && after) {
      entries.push(
        change?.kind === "step-changed"
          ? { kind: "changed", number, before, after, fields: new Set(change.fields.map((f) => f.field)) }
          : { kind: "same", number, step: after },
      );
    } else if (after) entries.push({ kind: "added", number, after });
    else if (before) entries.push({ kind: "removed", number, before });
  }
  return entries;
}

function StepDetails({ step, roleNames }: { step: TSopStep; roleNames: Record<string, string> }) {
  return (
    <dl className="space-y-2 text-sm">
      {STEP_ROWS.filter((r) => r.key !== "alur" || isDecisionKind(step.kind)).map((row) => (
        <div key={row.key}>
          <dt className="text-xs font-medium text-slate-500">{row.label}</dt>
          <dd className="break-words whitespace-pre-line">{stepValue(row.key, step, roleNames)}</dd>
        </div>
      ))}
    </dl>
  );
}

function StepCard({
  entry,
  older,
  newer,
  roleNames,
}: {
  entry: Exclude<TStepEntry, { kind: "same" }>;
  older: TCompareVersion;
  newer: TCompareVersion;
  roleNames: Record<string, string>;
}) {
  const accent = entry.kind === "changed" ? "border-l-amber-500" : entry.kind === "added" ? "border-l-green-600" : "border-l-red-600";
  const rows =
    entry.kind === "changed"
      ? STEP_ROWS.filter((r) => r.key !== "alur" || isDecisionKind(entry.before.kind) || isDecisionKind(entry.after.kind))
      : [];
  const changedLabels = entry.kind === "changed" ? rows.filter((r) => r.fields.some((f) => entry.fields.has(f))).map((r) => r.label) : [];
  return (
    <li className={cn("overflow-hidden rounded-lg border border-l-4 border-slate-200 bg-white", accent)} data-step={entry.number} data-change={entry.kind}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 sm:px-6">
        <h3 className="font-semibold">{T.step(entry.number)}</h3>
        <ChangeBadge kind={entry.kind} />
        {entry.kind === "changed" ? <span className="text-xs text-slate-600">{T.changedFields(changedLabels)}</span> : null}
      </div>
      {entry.kind === "changed" ? (
        <div>
          <ColumnHeads older={older} newer={newer} first={T.field} />
          {rows.map((row) => (
            <CompareRow
              key={row.key}
              label={row.label}
              changed={row.fields.some((f) => entry.fields.has(f))}
              older={older}
              newer={newer}
              left={stepValue(row.key, entry.before, roleNames)}
              right={stepValue(row.key, entry.after, roleNames)}
            />
          ))}
        </div>
      ) : (
        <div className="grid gap-4 px-4 py-3 md:grid-cols-2 sm:px-6">
          <div className={cn(entry.kind === "added" && "hidden md:block")}>
            <SideLabel v={older} side="older" />
            {entry.kind === "removed" ? <StepDetails step={entry.before} roleNames={roleNames} /> : <p className="text-sm text-slate-500 italic">{T.notInVersion(older.version)}</p>}
          </div>
          <div className={cn(entry.kind === "removed" && "hidden md:block")}>
            <SideLabel v={newer} side="newer" />
            {entry.kind === "added" ? <StepDetails step={entry.after} roleNames={roleNames} /> : <p className="text-sm text-slate-500 italic">{T.notInVersion(newer.version)}</p>}
          </div>
        </div>
      )}
    </li>
  );
}

function UnchangedRun({ steps, roleNames }: { steps: TSopStep[]; roleNames: Record<string, string> }) {
  const first = steps[0]!.number;
  const last = steps[steps.length - 1]!.number;
  return (
    <li className="rounded-lg border border-dashed border-slate-300 bg-slate-50 text-slate-600" data-unchanged={`${first}-${last}`}>
      <details>
        <summary className="flex min-h-10 cursor-pointer items-center gap-2 px-4 py-2 text-sm sm:px-6">
          <span className="font-medium">{T.unchangedRun(first, last)}</span>
          <span className="text-xs underline">{T.showUnchanged}</span>
        </summary>
        <ol className="space-y-1 px-4 pb-3 text-sm sm:px-6">
          {steps.map((s) => (
            <li key={s.number}>
              <span className="font-medium">{s.number}.</span> {s.kegiatan}{" "}
              <span className="text-slate-500">({roleNames[s.executorRoleCode] ?? s.executorRoleCode})</span>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function VersionPicker({
  agencySlug,
  baseId,
  versions,
  comparedIds,
}: {
  agencySlug: string;
  baseId: string;
  versions: SopCompareProps["versions"];
  comparedIds: Set<string>;
}) {
  const base = versions.find((v) => v.id === baseId);
  return (
    <nav aria-label={T.picker(base?.version ?? 0)} className="no-print">
      <p className="mb-2 text-sm font-medium">{T.picker(base?.version ?? 0)}:</p>
      <ul className="flex flex-wrap gap-2">
        {versions.map((v) => {
          const isBase = v.id === baseId;
          const current = !isBase && comparedIds.has(v.id);
          const label = (
            <>
              <span className="font-semibold">{T.version(v.version)}</span>
              <span className="text-xs">{SOP_DOCUMENT_MESSAGES.status[v.status]}</span>
              {isBase ? <span className="text-xs">({T.thisVersion})</span> : null}
              {current ? <span className="text-xs">({T.pickerCurrent})</span> : null}
            </>
          );
          return (
            <li key={v.id}>
              {isBase ? (
                <span className="inline-flex min-h-10 items-center gap-1.5 rounded-md border border-slate-300 bg-slate-100 px-3 text-sm text-slate-700">{label}</span>
              ) : (
                <Link
                  href={`/a/${agencySlug}/sops/${baseId}/compare?with=${encodeURIComponent(v.id)}`}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-10 items-center gap-1.5 rounded-md border px-3 text-sm",
                    current ? "border-brand-700 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
                  )}
                >
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function VersionHead({ v, side, agencySlug, timeZone }: { v: TCompareVersion; side: "older" | "newer"; agencySlug: string; timeZone: TAgencyTimeZone }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{side === "older" ? "Kiri · versi lama" : "Kanan · versi baru"}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <Link href={`/a/${agencySlug}/sops/${v.id}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          {T.version(v.version)}
        </Link>
        <SopStatusBadge status={v.status} />
      </p>
      {v.activatedAt ? <p className="mt-1 text-xs text-slate-600">{T.activated(formatDate(v.activatedAt, timeZone), v.activatedByName)}</p> : null}
    </div>
  );
}

export function SopCompare({ agencySlug, timeZone, baseId, older, newer, versions, roleNames }: SopCompareProps) {
  const changes = diffSops(older.sop, newer.sop);
  const headerChanged = new Set(changes.flatMap((c) => (c.kind === "header" ? [c.field] : [])));
  const entries = stepEntries(older.sop, newer.sop, changes);
  const count = (kind: TStepEntry["kind"]) => entries.filter((e) => e.kind === kind).length;

  // Consecutive unchanged steps fold into one line.
  const blocks: ({ type: "run"; steps: TSopStep[] } | { type: "card"; entry: Exclude<TStepEntry, { kind: "same" }> })[] = [];
  for (const entry of entries) {
    if (entry.kind === "same") {
      const last = blocks[blocks.length - 1];
      if (last?.type === "run") last.steps.push(entry.step);
      else blocks.push({ type: "run", steps: [entry.step] });
    } else blocks.push({ type: "card", entry });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href={`/a/${agencySlug}/sops`} className="underline-offset-4 hover:underline">
            SOP
          </Link>{" "}
          / {newer.sop.nomor}
        </p>
        <h1 className="flex items-center gap-2 text-2xl font-semibold">
          <ArrowLeftRight aria-hidden className="size-6 shrink-0 text-brand-700" />
          {T.title}
        </h1>
        <p className="text-slate-700">
          {newer.sop.nama} · Nomor {newer.sop.nomor}
        </p>
      </div>

      <VersionPicker agencySlug={agencySlug} baseId={baseId} versions={versions} comparedIds={new Set([older.id, newer.id])} />

      <div className="grid gap-3 sm:grid-cols-2">
        <VersionHead v={older} side="older" agencySlug={agencySlug} timeZone={timeZone} />
        <VersionHead v={newer} side="newer" agencySlug={agencySlug} timeZone={timeZone} />
      </div>

      <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="compare-summary">
        {changes.length === 0 ? T.noChanges : T.summary(headerChanged.size, count("changed"), count("added"), count("removed"))}
        <span className="mt-1 block text-xs text-slate-600">{T.legend}</span>
      </p>

      <Card>
        <CardHeader>
          <CardTitle>{T.identity}</CardTitle>
        </CardHeader>
        <div>
          <ColumnHeads older={older} newer={newer} first={T.field} />
          {SOP_HEADER_FIELDS.map(([field, label]) => (
            <CompareRow
              key={field}
              label={label}
              changed={headerChanged.has(field)}
              older={older}
              newer={newer}
              left={headerValue(field, older.sop[field], newer.sop[field], "older")}
              right={headerValue(field, newer.sop[field], older.sop[field], "newer")}
            />
          ))}
        </div>
      </Card>

      <section aria-labelledby="compare-steps" className="space-y-3">
        <h2 id="compare-steps" className="text-lg font-semibold">
          {T.procedure}
        </h2>
        <ol className="space-y-3">
          {blocks.map((block) =>
            block.type === "run" ? (
              <UnchangedRun key={`run-${block.steps[0]!.number}`} steps={block.steps} roleNames={roleNames} />
            ) : (
              <StepCard key={`step-${block.entry.number}`} entry={block.entry} older={older} newer={newer} roleNames={roleNames} />
            ),
          )}
        </ol>
      </section>
    </div>
  );
}

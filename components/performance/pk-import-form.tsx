"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { AlertTriangle, FileSpreadsheet, Info, Save, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/authz/action";
import { formatRupiah } from "@/lib/format";
import { t } from "@/lib/i18n";
import {
  PK_IMPORT_MAX_BYTES,
  PK_IMPORT_MESSAGES,
  ZPkImportHeader,
  type TPkImportHeader,
  type TPkImportRequest,
  type TPkImportResponse,
  type TPkImportWarning,
} from "@/lib/performance/pk-import";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";

import { formatTargetFields, QUARTERS, quarterShort } from "./format";
import { cellCls, HeadCell, NumberCell, stickyCls, stickyWidthCls, TableScroll } from "./table";

const M = PK_IMPORT_MESSAGES;
const UI = M.ui;
const PUI = PERFORMANCE_MESSAGES.ui;

export type TPkImportAction = (agencySlug: string, input: TPkImportRequest) => Promise<ActionResult<TPkImportResponse>>;

const HEADER_FIELDS = ["signedAt", "firstPartyName", "firstPartyJabatan", "firstPartyNip", "secondPartyName", "secondPartyJabatan"] as const;

/** The file's bytes as base64, in slices (a spread of a whole file overflows the call stack). */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import of a Perjanjian Kinerja from xlsx: the file is read in the browser
 * and sent (base64) to the server, which parses it and answers with the
 * structure it read and row-level warnings; once the reader is satisfied and
 * has filled in the signatories, the same file is sent again to be saved.
 */
export function PkImportForm({
  agencySlug,
  year,
  action,
  initialHeader,
  existingIndicators,
  frozenQuarters,
}: {
  agencySlug: string;
  year: number;
  action: TPkImportAction;
  /** The signatories of the year's current PK, if any. */
  initialHeader: TPkImportHeader;
  /** Indicators in the year's current PK (null: no PK yet). */
  existingIndicators: number | null;
  /** Quarters of the year whose cycle is archived ("Triwulan I, Triwulan II"). */
  frozenQuarters: string;
}) {
  const router = useRouter();
  const id = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [base64, setBase64] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<TPkImportResponse | null>(null);
  const [redirecting, startRedirect] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TPkImportHeader>({ resolver: zodResolver(ZPkImportHeader), defaultValues: initialHeader });

  async function onFile(file: File | undefined) {
    setResult(null);
    setBase64(null);
    setFileError(null);
    setFileName(file?.name ?? null);
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setFileError(M.fileUnreadable);
      return;
    }
    if (file.size > PK_IMPORT_MAX_BYTES) {
      setFileError(M.fileTooLarge);
      return;
    }
    setReading(true);
    try {
      const data = await fileToBase64(file);
      const answer = await action(agencySlug, { year, fileBase64: data, save: false });
      if (!answer.ok) {
        setFileError(answer.fieldErrors?.fileBase64?.[0] ?? answer.error);
        return;
      }
      setBase64(data);
      setResult(answer.data);
    } catch {
      setFileError(t.errors.unexpected);
    } finally {
      setReading(false);
    }
  }

  async function onSave(header: TPkImportHeader) {
    if (!base64) {
      setFileError(M.fileMissing);
      return;
    }
    const answer = await action(agencySlug, { year, fileBase64: base64, save: true, header }).catch(() => null);
    if (!answer) {
      setError("root", { message: t.errors.unexpected });
      toast.error(t.errors.unexpected);
      return;
    }
    if (answer.ok) {
      toast.success(UI.saved(year));
      startRedirect(() => router.push(`/a/${agencySlug}/kinerja?tahun=${year}`));
      return;
    }
    let placed = false;
    for (const [key, messages] of Object.entries(answer.fieldErrors ?? {})) {
      const field = HEADER_FIELDS.find((f) => f === key || `header.${f}` === key);
      if (field && messages[0]) {
        setError(field, { message: messages[0] }, { shouldFocus: !placed });
        placed = true;
      }
    }
    setError("root", { message: answer.error });
    toast.error(answer.error);
  }

  const errorsList = result?.warnings.filter((w) => w.level === "error") ?? [];
  const notesList = result?.warnings.filter((w) => w.level === "warning") ?? [];
  const canSave = Boolean(result && base64 && !result.blocking);
  const busy = isSubmitting || redirecting;
  const field = (name: (typeof HEADER_FIELDS)[number]) => ({
    id: `${id}-${name}`,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
    ...register(name),
  });

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>{UI.layoutTitle}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2 text-sm text-slate-700">
          <p>{UI.layoutColumns}</p>
          <p>{UI.layoutRows}</p>
        </CardBody>
      </Card>

      {existingIndicators !== null ? (
        <Alert tone="info" className="flex gap-2" data-testid="pk-import-existing">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {UI.existing(year, existingIndicators)}
            {frozenQuarters ? ` ${UI.frozen(frozenQuarters)}` : ""}
          </span>
        </Alert>
      ) : null}

      <Card>
        <CardBody className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
              {UI.file}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? `${id}-file-error` : `${id}-file-hint`}
              aria-invalid={Boolean(fileError)}
              disabled={reading || busy}
              className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100"
              onChange={(e) => void onFile(e.target.files?.[0])}
              data-testid="pk-import-file"
            />
            {fileError ? (
              <p id={`${id}-file-error`} role="alert" className="text-sm text-red-700">
                {fileError}
              </p>
            ) : (
              <p id={`${id}-file-hint`} className="text-xs text-slate-600">
                {UI.fileHint}
              </p>
            )}
          </div>
          {reading ? (
            <p role="status" className="text-sm text-slate-700">
              {UI.reading}
            </p>
          ) : null}
        </CardBody>
      </Card>

      {result ? (
        <>
          <section aria-labelledby={`${id}-preview`} className="space-y-4" data-testid="pk-import-preview">
            <div className="space-y-1">
              <h2 id={`${id}-preview`} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                <FileSpreadsheet aria-hidden className="size-5 text-slate-500" />
                {UI.previewTitle}
                {fileName ? <span className="text-sm font-normal text-slate-600">· {fileName}</span> : null}
              </h2>
              <p className="text-sm text-slate-700" data-testid="pk-import-summary">
                {UI.summary(result.draft.goals.length, result.draft.goals.reduce((n, g) => n + g.indicators.length, 0), result.draft.programs.length)}
                {result.sheet ? `. ${UI.readFrom(result.sheet)}` : ""}
              </p>
            </div>
            <WarningList tone="error" title={UI.errorsTitle(errorsList.length)} items={errorsList} />
            <WarningList tone="warning" title={UI.warningsTitle(notesList.length)} items={notesList} />
            {result.warnings.length === 0 ? <p className="text-sm text-green-800">{UI.noWarnings}</p> : null}
            <DraftTables result={result} />
          </section>

          <Card>
            <CardHeader>
              <CardTitle>{UI.headerTitle}</CardTitle>
              <p className="mt-1 text-sm text-slate-600">{UI.headerHint}</p>
            </CardHeader>
            <CardBody>
              <form onSubmit={handleSubmit(onSave)} noValidate className="space-y-4" aria-label={UI.save}>
                {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field id={`${id}-signedAt`} label={UI.signedAt} error={errors.signedAt?.message}>
                    <Input type="date" {...field("signedAt")} />
                  </Field>
                  <div className="hidden sm:block" />
                  <Field id={`${id}-firstPartyName`} label={UI.firstPartyName} error={errors.firstPartyName?.message}>
                    <Input autoComplete="off" {...field("firstPartyName")} />
                  </Field>
                  <Field id={`${id}-firstPartyJabatan`} label={UI.firstPartyJabatan} error={errors.firstPartyJabatan?.message}>
                    <Input autoComplete="off" {...field("firstPartyJabatan")} />
                  </Field>
                  <Field id={`${id}-firstPartyNip`} label={UI.firstPartyNip} error={errors.firstPartyNip?.message}>
                    <Input inputMode="numeric" autoComplete="off" {...field("firstPartyNip")} />
                  </Field>
                  <div className="hidden sm:block" />
                  <Field id={`${id}-secondPartyName`} label={UI.secondPartyName} error={errors.secondPartyName?.message}>
                    <Input autoComplete="off" {...field("secondPartyName")} />
                  </Field>
                  <Field id={`${id}-secondPartyJabatan`} label={UI.secondPartyJabatan} error={errors.secondPartyJabatan?.message}>
                    <Input autoComplete="off" {...field("secondPartyJabatan")} />
                  </Field>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <Button type="submit" size="lg" disabled={!canSave || busy} data-testid="pk-import-save">
                    <Save aria-hidden className="size-5" />
                    {busy ? UI.saving : UI.save}
                  </Button>
                  {!canSave ? <p className="text-sm text-slate-600">{UI.blockedHint}</p> : null}
                </div>
              </form>
            </CardBody>
          </Card>
        </>
      ) : null}
    </div>
  );
}

function WarningList({ tone, title, items }: { tone: "error" | "warning"; title: string; items: TPkImportWarning[] }) {
  if (items.length === 0) return null;
  const Icon = tone === "error" ? XCircle : AlertTriangle;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={tone === "error" ? "rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-900" : "rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950"}
      data-testid={`pk-import-${tone}s`}
    >
      <p className="flex items-center gap-2 text-sm font-semibold">
        <Icon aria-hidden className="size-4 shrink-0" />
        {title}
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {items.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The structure read from the file: sasaran with their indicators, then the programs. */
function DraftTables({ result }: { result: TPkImportResponse }) {
  const { draft, rows } = result;
  return (
    <div className="space-y-4">
      {draft.goals.map((goal) => (
        <Card key={goal.code} data-testid={`pk-import-goal-${goal.code}`}>
          <CardHeader>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{PUI.goal}</p>
            <CardTitle>{PUI.goalHeading(goal.code, goal.name)}</CardTitle>
          </CardHeader>
          <TableScroll label={PUI.goalHeading(goal.code, goal.name)}>
            <table className="w-full min-w-[980px] border-separate border-spacing-0 text-sm">
              <thead>
                <tr>
                  <HeadCell sticky>{UI.col.indicator}</HeadCell>
                  <HeadCell>{UI.col.unit}</HeadCell>
                  <HeadCell>{UI.col.orgUnit}</HeadCell>
                  <HeadCell>{UI.col.polarity} / {UI.col.aggregation}</HeadCell>
                  <HeadCell align="right">{UI.col.target}</HeadCell>
                  {QUARTERS.map((q) => (
                    <HeadCell key={q} align="right">
                      {quarterShort(q)}
                    </HeadCell>
                  ))}
                </tr>
              </thead>
              <tbody>
                {goal.indicators.map((ind) => (
                  <tr key={ind.code}>
                    <th scope="row" className={`${cellCls} ${stickyCls} ${stickyWidthCls} text-left font-normal`}>
                      <span className="font-semibold text-slate-900">{ind.code}</span> {ind.name}
                      {rows[ind.code] ? (
                        <span className="block text-xs text-slate-500">
                          {UI.col.row} {rows[ind.code]}
                        </span>
                      ) : null}
                    </th>
                    <td className={cellCls}>{ind.unit || PUI.empty}</td>
                    <td className={cellCls}>{ind.orgUnit || PUI.empty}</td>
                    <td className={cellCls}>
                      <Badge tone={ind.polarity === "LOWER" ? "warning" : "info"}>{UI.polarity[ind.polarity]}</Badge>{" "}
                      <span className="text-xs text-slate-600">{M.aggregationNames[ind.aggregation]}</span>
                    </td>
                    <td className={`${cellCls} text-right font-medium whitespace-nowrap tabular-nums`}>{formatTargetFields(ind.targetType, ind)}</td>
                    {ind.quarters.map((q, i) => (
                      <NumberCell key={i} >
                        {formatTargetFields(ind.targetType, q)}
                      </NumberCell>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle>{UI.programsTitle}</CardTitle>
        </CardHeader>
        {draft.programs.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-600">{UI.noPrograms}</p>
          </CardBody>
        ) : (
          <TableScroll label={UI.programsTitle}>
            <table className="w-full min-w-[860px] border-separate border-spacing-0 text-sm" data-testid="pk-import-programs">
              <thead>
                <tr>
                  <HeadCell sticky>{UI.col.program}</HeadCell>
                  {QUARTERS.map((q) => (
                    <HeadCell key={q} align="right">
                      {UI.col.pagu} {quarterShort(q)}
                    </HeadCell>
                  ))}
                </tr>
              </thead>
              <tbody>
                {draft.programs.map((p) => (
                  <tr key={p.code}>
                    <th scope="row" className={`${cellCls} ${stickyCls} ${stickyWidthCls} text-left font-normal`}>
                      <span className="font-semibold">{p.code}</span> {p.name}
                    </th>
                    {p.pagu.map((v, i) => (
                      <NumberCell key={i} >
                        {v === null ? PUI.empty : formatRupiah(v)}
                      </NumberCell>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}

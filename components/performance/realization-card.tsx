"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { CheckCircle2, Clock, RotateCcw, Save, Send, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Textarea } from "@/components/cycle/textarea";
import { ShareWhatsApp } from "@/components/share/share-whatsapp";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveRealizationAction } from "@/lib/performance/actions";
import { CAPAIAN_MESSAGES, type TCapaianSettings } from "@/lib/performance/capaian";
import type { TLoadedAgreement } from "@/lib/performance/queries";
import { PLAUSIBILITY_MESSAGES, checkPlausibility, isPercentUnit, type TPlausibilityCode, type TPlausibilityWarning } from "@/lib/performance/plausibility";
import { buildRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M, ZRealizationSave, ZRealizationValue } from "@/lib/performance/schemas";
import { isRealizationEditable } from "@/lib/performance/workflow";
import { SHARE_MESSAGES } from "@/lib/share/whatsapp";

import { CapaianValue } from "./capaian-display";
import { EvidenceFiles, EvidenceUpload } from "./evidence";
import { capaianProblem, decimalToIndonesian, formatTarget, formatValue, quarterShort, STATUS_TONE, type TRealizationStatus } from "./format";

const UI = M.ui;

type TIndicator = TLoadedAgreement["goals"][number]["indicators"][number];
type TIn = z.input<typeof ZRealizationSave>;
type TOut = z.output<typeof ZRealizationSave>;

const TEXT_FIELDS = ["faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const;
const FORM_FIELDS = ["value", ...TEXT_FIELDS] as const;

/**
 * The recap row of this indicator with `typed` (a canonical decimal or null)
 * as the quarter's value: the same code as the recap page, so the capaian
 * shown while typing is the one Tim SAKIP will see.
 */
function liveRow(indicator: TIndicator, year: number, quarter: number, typed: string | null, settings: TCapaianSettings) {
  const others = indicator.realizations.filter((r) => r.quarter !== quarter);
  const realizations =
    typed === null
      ? others
      : [...others, { id: "live", quarter, value: typed, status: "DRAFT" as const, faktorPendorong: "", faktorPenghambat: "", tindakLanjut: "", returnReason: null }];
  const recap = buildRecap({ year, goals: [{ id: "g", code: "", name: "", indicators: [{ ...indicator, realizations }] }], programs: [] }, quarter, settings);
  return recap.goals[0]!.indicators[0]!;
}

export interface RealizationCardProps {
  agencySlug: string;
  year: number;
  quarter: number;
  indicator: TIndicator;
  settings: TCapaianSettings;
  frozen: boolean;
  /** The app's public address, for the absolute link when a returned value is shared to WhatsApp. */
  baseUrl?: string;
}

export function RealizationCard({ agencySlug, year, quarter, indicator, settings, frozen, baseUrl }: RealizationCardProps) {
  const current = indicator.realizations.find((r) => r.quarter === quarter) ?? null;
  const status = (current?.status ?? null) as TRealizationStatus | null;
  const editable = isRealizationEditable(status, frozen);
  const q = quarterShort(quarter);
  const row = useMemo(() => liveRow(indicator, year, quarter, current?.value ?? null, settings), [indicator, year, quarter, current, settings]);
  const previous = indicator.realizations.filter((r) => r.quarter < quarter).sort((a, b) => a.quarter - b.quarter);

  return (
    <Card data-testid={`realization-${indicator.code}`} aria-labelledby={`ind-${indicator.id}-title`}>
      <CardHeader className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={`ind-${indicator.id}-title`} className="min-w-0 font-semibold text-slate-900">
            <span className="mr-2 text-brand-800">{indicator.code}</span>
            {indicator.name}
          </h3>
          <Badge tone={status ? STATUS_TONE[status] : "neutral"} data-testid="realization-status">
            {status ? UI.status[status] : UI.status.EMPTY}
          </Badge>
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="inline text-slate-500">{UI.targetOf(q)}: </dt>
            <dd className="inline font-semibold text-slate-900" data-testid="quarter-target">
              {formatTarget(row.quarterTargets[quarter - 1] ?? "-")} {indicator.unit}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{UI.col.annualTarget}: </dt>
            <dd className="inline">
              {formatTarget(row.annualTarget)} {indicator.unit}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{UI.col.polarity}: </dt>
            <dd className="inline">{UI.polarity[indicator.polarity]}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{UI.col.aggregation}: </dt>
            <dd className="inline">{UI.aggregation[indicator.aggregation]}</dd>
          </div>
        </dl>
        {previous.length ? (
          <p className="text-sm text-slate-600">
            {UI.previousValues}:{" "}
            {previous.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? "; " : ""}
                {quarterShort(r.quarter)} {formatValue(r.value)} ({UI.status[r.status]})
              </span>
            ))}
          </p>
        ) : null}
      </CardHeader>
      <CardBody className="space-y-4">
        {status === "RETURNED" && current?.returnReason ? (
          <div role="alert" className="rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950" data-testid="return-reason">
            <p className="flex items-center gap-2 font-semibold">
              <RotateCcw aria-hidden className="size-4 shrink-0" />
              {current.verifiedBy ? UI.returnedBy(current.verifiedBy.name) : UI.returnedGeneric}:
            </p>
            <p className="mt-1 text-base whitespace-pre-wrap">{current.returnReason}</p>
            {baseUrl ? (
              <ShareWhatsApp
                className="mt-2"
                baseUrl={baseUrl}
                message={{
                  what: SHARE_MESSAGES.returned(indicator.code, indicator.name),
                  context: SHARE_MESSAGES.period(UI.quarters[quarter - 1]!, year),
                  path: `/a/${agencySlug}/kinerja/realisasi?tahun=${year}&tw=${quarter}`,
                }}
              />
            ) : null}
          </div>
        ) : null}
        {editable ? (
          <RealizationForm agencySlug={agencySlug} year={year} quarter={quarter} indicator={indicator} settings={settings} current={current} />
        ) : (
          <ReadOnlyRealization indicator={indicator} quarter={quarter} row={row} current={current} agencySlug={agencySlug} />
        )}
      </CardBody>
    </Card>
  );
}

type TCurrent = TIndicator["realizations"][number] | null;

function ReadOnlyRealization({
  agencySlug,
  indicator,
  quarter,
  row,
  current,
}: {
  agencySlug: string;
  indicator: TIndicator;
  quarter: number;
  row: ReturnType<typeof liveRow>;
  current: TCurrent;
}) {
  const q = quarterShort(quarter);
  return (
    <div className="space-y-3" data-testid="realization-readonly">
      {current?.status === "SUBMITTED" ? (
        <p className="flex items-center gap-2 text-sm text-brand-900">
          <Clock aria-hidden className="size-4" /> {UI.submittedNotice}
        </p>
      ) : null}
      {current?.status === "VERIFIED" ? (
        <p className="flex items-center gap-2 text-sm text-green-800">
          <CheckCircle2 aria-hidden className="size-4" /> {UI.verifiedNotice(current.verifiedBy?.name ?? "Tim SAKIP")}
        </p>
      ) : null}
      <dl className="grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-500">{UI.valueLabel(q, indicator.unit)}</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-testid="realization-value">
            {formatValue(current?.value)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{UI.liveCapaian(q)}</dt>
          <dd>
            <CapaianValue result={row.capaian} />
          </dd>
        </div>
      </dl>
      <dl className="grid gap-3 lg:grid-cols-3">
        {TEXT_FIELDS.map((f) => (
          <div key={f}>
            <dt className="text-sm text-slate-500">{UI[f]}</dt>
            <dd className="text-sm whitespace-pre-wrap text-slate-800">{current?.[f] || UI.empty}</dd>
          </div>
        ))}
      </dl>
      <EvidenceFiles agencySlug={agencySlug} files={current?.files ?? []} />
    </div>
  );
}

function RealizationForm({
  agencySlug,
  year,
  quarter,
  indicator,
  settings,
  current,
}: {
  agencySlug: string;
  year: number;
  quarter: number;
  indicator: TIndicator;
  settings: TCapaianSettings;
  current: TCurrent;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<"draft" | "submit" | null>(null);
  const q = quarterShort(quarter);
  const idOf = (name: string) => `r-${indicator.id}-${name}`;
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setError,
    clearErrors,
    trigger,
    formState: { errors },
  } = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(ZRealizationSave),
    defaultValues: {
      indicatorId: indicator.id,
      year,
      quarter,
      value: decimalToIndonesian(current?.value),
      faktorPendorong: current?.faktorPendorong ?? "",
      faktorPenghambat: current?.faktorPenghambat ?? "",
      tindakLanjut: current?.tindakLanjut ?? "",
      submit: false,
    },
  });

  // Live capaian: the typed value parsed exactly as the server will parse it.
  const typed = useWatch({ control, name: "value" });
  const parsed = ZRealizationValue.safeParse(typed);
  const live = parsed.success ? liveRow(indicator, year, quarter, parsed.data, settings) : null;

  // The plausibility warnings of what is typed, as the server will judge them (lib/performance/plausibility.ts).
  const warnings = useMemo(() => {
    const input = ZRealizationSave.safeParse({ indicatorId: indicator.id, year, quarter, value: typed });
    return input.success ? checkPlausibility(indicator, { quarter, value: input.data.value, valueText: input.data.valueText }) : [];
  }, [indicator, year, quarter, typed]);
  const [confirming, setConfirming] = useState<{ submit: boolean; warnings: TPlausibilityWarning[] } | null>(null);
  const hasEvidence = (current?.files.length ?? 0) > 0;

  /** Kirim always asks (it cannot be taken back); a draft asks only when the value has warnings. */
  function requestSave(submit: boolean) {
    if (submit || warnings.length) setConfirming({ submit, warnings });
    else void save(false);
  }

  /** Saves through the server action (which parses the raw text again); returns the realization id. */
  async function save(submit: boolean, { quiet = false, confirmed = [] as TPlausibilityCode[] } = {}): Promise<string | null> {
    // The raw text goes to the server, not the parsed value: "1,234" parses to "1.234", which read again would be 1234.
    const raw = getValues();
    if (submit && (raw.value === null || raw.value === undefined || String(raw.value).trim() === "")) {
      setError("value", { message: M.valueRequired }, { shouldFocus: true });
      return null;
    }
    setPending(submit ? "submit" : "draft");
    try {
      const result = await saveRealizationAction(agencySlug, { ...raw, indicatorId: indicator.id, year, quarter, submit, confirmed });
      if (result.ok) {
        clearErrors();
        if (!quiet) toast.success(submit ? M.submitted : M.saved);
        router.refresh();
        return result.data.id;
      }
      let placed = false;
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        const field = FORM_FIELDS.find((f) => f === key);
        if (field && messages[0]) {
          setError(field, { message: messages[0] }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) setError("root", { message: result.error });
      toast.error(result.error);
      return null;
    } finally {
      setPending(null);
    }
  }

  /** Evidence hangs on a realization: create the draft first when there is none. */
  async function ensureRealization(): Promise<string | null> {
    if (current) return current.id;
    if (!(await trigger())) {
      toast.error(UI.uploadNeedsDraft);
      return null;
    }
    const id = await save(false, { quiet: true });
    if (id) toast.info(UI.draftCreatedForUpload);
    return id;
  }

  const valueError = errors.value?.message;
  return (
    <form noValidate onSubmit={handleSubmit(() => requestSave(true))} className="space-y-4" aria-label={`${indicator.code} ${indicator.name}`}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={idOf("value")} label={UI.valueLabel(q, indicator.unit)} hint={isPercentUnit(indicator.unit) ? UI.valueHintPercent : UI.valueHint} error={valueError}>
          <Input
            id={idOf("value")}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={Boolean(valueError)}
            aria-describedby={valueError ? `${idOf("value")}-error` : `${idOf("value")}-hint`}
            className="max-w-56 text-right tabular-nums"
            {...register("value")}
          />
        </Field>
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" aria-live="polite" data-testid="live-capaian">
          <p className="text-sm font-medium text-slate-700">{UI.liveCapaian(q)}</p>
          {live ? (
            <>
              <CapaianValue result={live.capaian} className="mt-1" />
              {parsed.success && parsed.data !== null ? (
                <p className="mt-1 text-xs text-slate-600">
                  {UI.readAs(formatValue(parsed.data))}{" "}
                  {live.realizationToDate !== null ? `${UI.realizationToDate(q, UI.aggregation[indicator.aggregation].toLowerCase())}: ${formatValue(live.realizationToDate)}.` : null}
                </p>
              ) : null}
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600 italic">{capaianProblem(CAPAIAN_MESSAGES.INVALID_NUMBER)}</p>
          )}
          {warnings.length ? (
            <ul className="mt-2 space-y-1 text-sm text-amber-950" data-testid="plausibility-warnings">
              {warnings.map((w) => (
                <li key={w.code} className="flex gap-1.5">
                  <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-700" />
                  <span>{w.message}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {TEXT_FIELDS.map((f) => {
          const error = errors[f]?.message;
          return (
            <Field key={f} id={idOf(f)} label={UI[f]} error={error}>
              <Textarea
                id={idOf(f)}
                rows={3}
                className="min-h-20"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${idOf(f)}-error` : undefined}
                {...register(f)}
              />
            </Field>
          );
        })}
      </div>
      <EvidenceUpload agencySlug={agencySlug} files={current?.files ?? []} ensureRealization={ensureRealization} disabled={pending !== null} />
      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-slate-600">{UI.submitHint}</p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={pending !== null} onClick={handleSubmit(() => requestSave(false))}>
            <Save aria-hidden className="size-4" />
            {pending === "draft" ? UI.saving : UI.saveDraft}
          </Button>
          <Button type="submit" disabled={pending !== null}>
            <Send aria-hidden className="size-4" />
            {pending === "submit" ? UI.submitting : UI.submit}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? null : setConfirming(null))}
        title={confirming?.submit ? UI.confirmSubmit.title(indicator.code, q) : PLAUSIBILITY_MESSAGES.confirmTitle}
        confirmLabel={confirming?.submit ? UI.confirmSubmit.confirm : PLAUSIBILITY_MESSAGES.confirmAction}
        cancelLabel={confirming?.warnings.length ? PLAUSIBILITY_MESSAGES.fixAction : UI.confirmSubmit.cancel}
        onConfirm={() => {
          const c = confirming;
          setConfirming(null);
          if (c) void save(c.submit, { confirmed: c.warnings.map((w) => w.code) });
        }}
        testId="confirm-realization"
      >
        {confirming?.warnings.length ? (
          <>
            <p className="font-medium text-amber-950">{PLAUSIBILITY_MESSAGES.confirmIntro}</p>
            <ul className="list-disc space-y-1 pl-5" data-testid="confirm-warnings">
              {confirming.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </>
        ) : null}
        {confirming?.submit && !hasEvidence ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="confirm-no-evidence">
            {UI.confirmSubmit.noEvidence}
          </p>
        ) : null}
        {confirming?.submit ? <p>{UI.confirmSubmit.body(formatValue(parsed.success ? parsed.data : null), indicator.unit)}</p> : null}
      </ConfirmDialog>
    </form>
  );
}

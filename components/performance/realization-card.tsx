import { ShareWhatsApp } from "@/components/share/share-whatsapp";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CheckCircle2, Clock, Paperclip, RotateCcw, Save, Send, Upload } from "@/components/ui/icons";
import type { TCapaianSettings } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/messages";
import { isRealizationEditable } from "@/lib/performance/workflow";
import { SHARE_MESSAGES } from "@/lib/share/whatsapp";

import { CapaianValue } from "./capaian-display";
import { EvidenceFiles } from "./evidence-files";
import { decimalToIndonesian, formatTarget, formatValue, quarterShort, STATUS_TONE, type TRealizationStatus } from "./format";
import { RealizationForm } from "./realization-form";
import { liveRow, LivePreview, type TIndicator } from "./realization-live";

const UI = M.ui;
const TEXT_FIELDS = ["faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const;

/**
 * One indicator's realization card: a server component (docs/decisions/039-lean-first-load.md).
 * The header, the return reason and the read-only view are HTML only; an editable quarter renders
 * the client form (components/performance/realization-form.tsx) with the live capaian of the
 * stored value rendered here, so the capaian arithmetic reaches the browser only when the value is
 * typed in.
 */

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
  const row = liveRow(indicator, year, quarter, current?.value ?? null, settings);
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
          <RealizationForm
            agencySlug={agencySlug}
            year={year}
            quarter={quarter}
            indicator={indicator}
            settings={settings}
            current={current}
            initialPreview={<LivePreview indicator={indicator} year={year} quarter={quarter} typed={decimalToIndonesian(current?.value)} settings={settings} />}
            evidenceList={<EvidenceFiles agencySlug={agencySlug} files={current?.files ?? []} />}
            icons={{
              save: <Save aria-hidden className="size-4" />,
              send: <Send aria-hidden className="size-4" />,
              browse: <Paperclip aria-hidden className="size-4" />,
              upload: <Upload aria-hidden className="size-4" />,
            }}
          />
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

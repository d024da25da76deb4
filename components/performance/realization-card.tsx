import { ShareWhatsApp } from "@/components/share/share-whatsapp";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CheckCircle2, Clock, Paperclip, RotateCcw, Save, Send, Upload } from "@/components/ui/icons";
import type { TCapaianSettings } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/messages";
import { isRealizationEditable } from "@/lib/performance/workflow";
import { staticMarkup } from "@/lib/static-markup";
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
 * The header, the return reason and the read-only view are HTML only, and reach the page as strings
 * of HTML (lib/static-markup.ts, decision 083): a read-only card is one element; an editable quarter renders
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
  const row = liveRow(indicator, year, quarter, current?.value ?? null, settings);
  const header = <RealizationCardHeader indicator={indicator} quarter={quarter} status={status} row={row} />;
  const returned =
    status === "RETURNED" && current?.returnReason ? (
      <ReturnReasonContent agencySlug={agencySlug} year={year} quarter={quarter} indicator={indicator} current={current} baseUrl={baseUrl} />
    ) : null;
  const cardProps = { "data-testid": `realization-${indicator.code}`, "aria-labelledby": `ind-${indicator.id}-title` };

  if (!editable) {
    // Nothing on a read-only card is interactive: it is one string of HTML (lib/static-markup.ts,
    // which escapes every text and attribute as React does), not ~100 elements that Flight and Fizz
    // render, serialise and parse back on every request (docs/decisions/083-realization-form-and-sop-cost.md).
    return (
      <Card
        {...cardProps}
        dangerouslySetInnerHTML={{
          __html: staticMarkup(
            <>
              <CardHeader className="space-y-2">{header}</CardHeader>
              <CardBody className="space-y-4">
                {returned ? <div {...RETURN_REASON_BOX}>{returned}</div> : null}
                <ReadOnlyRealization indicator={indicator} quarter={quarter} row={row} current={current} agencySlug={agencySlug} />
              </CardBody>
            </>,
          ),
        }}
      />
    );
  }

  // An editable card: the header and the return reason are strings too; the form stays React.
  return (
    <Card {...cardProps}>
      <CardHeader className="space-y-2" dangerouslySetInnerHTML={{ __html: staticMarkup(header) }} />
      <CardBody className="space-y-4">
        {returned ? <div {...RETURN_REASON_BOX} dangerouslySetInnerHTML={{ __html: staticMarkup(returned) }} /> : null}
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
      </CardBody>
    </Card>
  );
}

type TRow = ReturnType<typeof liveRow>;

/** The card header's content: the indicator, its status, its targets and the earlier quarters' values. */
export function RealizationCardHeader({ indicator, quarter, status, row }: { indicator: TIndicator; quarter: number; status: TRealizationStatus | null; row: TRow }) {
  const q = quarterShort(quarter);
  const previous = indicator.realizations.filter((r) => r.quarter < quarter).sort((a, b) => a.quarter - b.quarter);
  return (
    <>
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
    </>
  );
}

/** The box of a returned value's reason (its content: ReturnReasonContent). */
const RETURN_REASON_BOX = {
  role: "alert",
  className: "rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950",
  "data-testid": "return-reason",
} as const;

/** Who returned the value and why, with the WhatsApp link to share it. */
export function ReturnReasonContent({
  agencySlug,
  year,
  quarter,
  indicator,
  current,
  baseUrl,
}: {
  agencySlug: string;
  year: number;
  quarter: number;
  indicator: TIndicator;
  current: NonNullable<TCurrent>;
  baseUrl?: string;
}) {
  return (
    <>
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
    </>
  );
}

type TCurrent = TIndicator["realizations"][number] | null;

export function ReadOnlyRealization({
  agencySlug,
  indicator,
  quarter,
  row,
  current,
}: {
  agencySlug: string;
  indicator: TIndicator;
  quarter: number;
  row: TRow;
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

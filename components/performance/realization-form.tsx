"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useRef, useState } from "react";

import { Textarea } from "@/components/cycle/textarea";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { TCapaianSettings } from "@/lib/performance/capaian";
import { REALIZATION_FORM_WORDS as M } from "@/lib/performance/form-words";
import type { TPlausibilityCode } from "@/lib/performance/plausibility";
import { UNEXPECTED_ERROR } from "@/lib/i18n/unexpected";

import { EvidenceUpload } from "./evidence";
import { decimalToIndonesian, quarterShort } from "./format-form";
import type { TConfirming, TRealizationErrors } from "./realization-actions";
import type { TIndicator } from "./realization-live";

const UI = M.ui;

/** The live capaian and the plausibility rules: fetched when the value is first typed in or saved (docs/decisions/039-lean-first-load.md). */
const loadLive = () => import("./realization-live");
type TLive = Awaited<ReturnType<typeof loadLive>>;
/** Saving and the confirmation (./realization-actions.tsx): fetched beside the live module, by the same first focus, keystroke or tap. */
const loadActions = () => import("./realization-actions");
type TActions = Awaited<ReturnType<typeof loadActions>>;

const TEXT_FIELDS = ["faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const;
const FORM_FIELDS = ["value", ...TEXT_FIELDS] as const;

type TCurrent = TIndicator["realizations"][number] | null;

/**
 * The realization form of one indicator, a plain React form (no react-hook-form, no zod in the
 * page's first load). The value is read by the live module's parseDecimal (the server's own
 * reading) before anything is sent; everything else is checked by the server, whose field errors
 * land on the fields. `initialPreview`: the live capaian box for the value the page opened with,
 * rendered by the server (components/performance/realization-live.tsx) until the value changes.
 */
export function RealizationForm({
  agencySlug,
  year,
  quarter,
  indicator,
  settings,
  current,
  initialPreview,
  evidenceList,
  icons,
}: {
  agencySlug: string;
  year: number;
  quarter: number;
  indicator: TIndicator;
  settings: TCapaianSettings;
  current: TCurrent;
  initialPreview: ReactNode;
  /** The evidence list and the buttons' icons, rendered by the server card: HTML, not this chunk's JS (decision 058). */
  evidenceList: ReactNode;
  icons: { save: ReactNode; send: ReactNode; browse: ReactNode; upload: ReactNode };
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState<"draft" | "submit" | null>(null);
  const [typed, setTyped] = useState(() => decimalToIndonesian(current?.value));
  const [changed, setChanged] = useState(false);
  const [live, setLive] = useState<TLive | null>(null);
  const [actions, setActions] = useState<TActions | null>(null);
  const [errors, setErrors] = useState<TRealizationErrors>({});
  const [confirming, setConfirming] = useState<TConfirming | null>(null);
  const q = quarterShort(quarter);
  const idOf = (name: string) => `r-${indicator.id}-${name}`;
  const hasEvidence = (current?.files.length ?? 0) > 0;

  async function ensureLive(): Promise<TLive> {
    if (!actions) void ensureActions().catch(() => null);
    if (live) return live;
    const loaded = await loadLive();
    setLive(() => loaded);
    return loaded;
  }

  async function ensureActions(): Promise<TActions> {
    if (actions) return actions;
    const loaded = await loadActions();
    setActions(() => loaded);
    return loaded;
  }

  function showErrors(next: TRealizationErrors) {
    setErrors(next);
    const first = FORM_FIELDS.find((f) => next[f]);
    if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
  }

  /** The typed value, read as the server reads it; an error on the field when it is not a number. */
  async function judge() {
    const judged = (await ensureLive()).judgeTyped(indicator, year, quarter, typed, settings);
    if (!judged.parsed.ok) showErrors({ value: judged.parsed.message });
    return judged;
  }

  /** Kirim always asks (it cannot be taken back); a draft asks only when the value has warnings. */
  async function requestSave(submit: boolean) {
    const judged = await judge();
    if (!judged.parsed.ok) return;
    // The confirmation comes with the actions module: both are here before the dialog opens.
    const [loaded] = await Promise.all([ensureLive(), ensureActions()]);
    if (submit || judged.warnings.length) setConfirming({ submit, warnings: judged.warnings, body: loaded.confirmBody(typed, indicator.unit), words: loaded.PLAUSIBILITY_MESSAGES });
    else void save(false);
  }

  /** Saves through the server action (which parses the raw text again); returns the realization id. */
  async function save(submit: boolean, { quiet = false, confirmed = [] as TPlausibilityCode[] } = {}): Promise<string | null> {
    // The raw text goes to the server, not the parsed value: "1,234" parses to "1.234", which read again would be 1234.
    const data = new FormData(form.current ?? undefined);
    const text = (name: string) => String(data.get(name) ?? "");
    // Already here: every save starts after requestSave or ensureRealization loaded it (their words come with it).
    const loaded = await ensureActions().catch(() => null);
    if (!loaded) {
      showErrors({ root: UNEXPECTED_ERROR });
      toast.error(UNEXPECTED_ERROR);
      return null;
    }
    if (submit && typed.trim() === "") {
      showErrors({ value: loaded.WORDS.valueRequired });
      return null;
    }
    setPending(submit ? "submit" : "draft");
    try {
      const result = await loaded.sendRealization(
        agencySlug,
        {
          indicatorId: indicator.id,
          year,
          quarter,
          value: typed,
          faktorPendorong: text("faktorPendorong"),
          faktorPenghambat: text("faktorPenghambat"),
          tindakLanjut: text("tindakLanjut"),
          submit,
          confirmed,
        },
        quiet,
      );
      if ("id" in result) {
        setErrors({});
        router.refresh();
        return result.id;
      }
      showErrors(result.errors);
      return null;
    } finally {
      setPending(null);
    }
  }

  /** Evidence hangs on a realization: create the draft first when there is none. */
  async function ensureRealization(): Promise<string | null> {
    if (current) return current.id;
    const [judged, loaded] = await Promise.all([judge(), ensureActions().catch(() => null)]);
    if (!judged.parsed.ok) {
      toast.error(loaded ? loaded.WORDS.uploadNeedsDraft : UNEXPECTED_ERROR);
      return null;
    }
    const id = await save(false, { quiet: true });
    if (id && loaded) toast.info(loaded.WORDS.draftCreatedForUpload);
    return id;
  }

  const valueError = errors.value;
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void requestSave(true);
      }}
      className="space-y-4"
      aria-label={`${indicator.code} ${indicator.name}`}
    >
      {errors.root ? (
        // Alert's danger tone, written out: the form's chunk carries no tone table it does not use.
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {errors.root}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={idOf("value")} label={UI.valueLabel(q, indicator.unit)} hint={/%|persen/i.test(indicator.unit) ? UI.valueHintPercent : UI.valueHint} error={valueError}>
          <Input
            id={idOf("value")}
            name="value"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={40}
            aria-invalid={Boolean(valueError)}
            aria-describedby={valueError ? `${idOf("value")}-error` : `${idOf("value")}-hint`}
            className="max-w-56 text-right tabular-nums"
            value={typed}
            onFocus={() => void ensureLive()}
            onChange={(e) => {
              setTyped(e.target.value);
              setChanged(true);
              void ensureLive();
            }}
          />
        </Field>
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" aria-live="polite" data-testid="live-capaian">
          {changed && live ? <live.LivePreview indicator={indicator} year={year} quarter={quarter} typed={typed} settings={settings} /> : initialPreview}
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {TEXT_FIELDS.map((f) => {
          const error = errors[f];
          return (
            <Field key={f} id={idOf(f)} label={UI[f]} error={error}>
              <Textarea
                id={idOf(f)}
                name={f}
                rows={3}
                maxLength={5000}
                className="min-h-20"
                defaultValue={current?.[f] ?? ""}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${idOf(f)}-error` : undefined}
              />
            </Field>
          );
        })}
      </div>
      <EvidenceUpload agencySlug={agencySlug} list={evidenceList} icons={icons} ensureRealization={ensureRealization} disabled={pending !== null} />
      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-slate-600">{UI.submitHint}</p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={pending !== null} onClick={() => void requestSave(false)}>
            {icons.save}
            {pending === "draft" ? UI.saving : UI.saveDraft}
          </Button>
          <Button type="submit" disabled={pending !== null}>
            {icons.send}
            {pending === "submit" ? UI.submitting : UI.submit}
          </Button>
        </div>
      </div>
      {actions ? (
        <actions.RealizationConfirm
          confirming={confirming}
          indicatorCode={indicator.code}
          quarterShort={q}
          hasEvidence={hasEvidence}
          onClose={() => setConfirming(null)}
          onConfirm={(submit, confirmed) => void save(submit, { confirmed })}
        />
      ) : null}
    </form>
  );
}

"use client";

import { ArrowLeft, FileJson, Table2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { Tabs } from "radix-ui";
import { toast } from "sonner";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { t } from "@/lib/i18n";
import { importSopJsonAction } from "@/lib/sop/actions";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { parseProcedureTable, type TProcedureTableImport } from "@/lib/sop/paste-import";
import { isDecisionKind, STEP_KIND_LABELS, TIME_UNIT_LABELS, type TSopInput } from "@/lib/sop/schemas";

import { Textarea } from "./editor-fields";
import { emptySop, labelForPath, toFormValues, type TEditorRole } from "./editor-model";
import { SopEditor } from "./sop-editor";

const MAX_JSON_BYTES = 2_000_000;

export function SopImport({ agencySlug, roles, initialTab }: { agencySlug: string; roles: TEditorRole[]; initialTab: "json" | "paste" }) {
  const [tab, setTab] = useState<string>(initialTab);
  return (
    <Tabs.Root value={tab} onValueChange={setTab} className="space-y-4">
      <Tabs.List aria-label={M.importTitle} className="flex flex-wrap gap-1 border-b border-slate-200">
        <Tabs.Trigger
          value="json"
          className="-mb-px inline-flex min-h-10 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-700 data-[state=active]:text-brand-800"
        >
          <FileJson aria-hidden className="size-4" />
          {M.tabJson}
        </Tabs.Trigger>
        <Tabs.Trigger
          value="paste"
          className="-mb-px inline-flex min-h-10 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-700 data-[state=active]:text-brand-800"
        >
          <Table2 aria-hidden className="size-4" />
          {M.tabPaste}
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="json">
        <JsonImport agencySlug={agencySlug} />
      </Tabs.Content>
      {/* Kept mounted: switching tabs must not lose a pasted table or a half-filled editor. */}
      <Tabs.Content value="paste" forceMount className="data-[state=inactive]:hidden">
        <PasteImport agencySlug={agencySlug} roles={roles} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

function JsonImport({ agencySlug }: { agencySlug: string }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [redirecting, startRedirect] = useTransition();

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setError({ message: M.jsonPick, details: [] });
      return;
    }
    if (file.size > MAX_JSON_BYTES) {
      setError({ message: M.jsonTooLarge, details: [] });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const json = await file.text();
      const result = await importSopJsonAction(agencySlug, { json });
      if (result.ok) {
        toast.success(M.jsonImported);
        startRedirect(() => router.push(`/a/${agencySlug}/sops/${result.data.id}`));
        return;
      }
      const details = Object.entries(result.fieldErrors ?? {})
        .filter(([key]) => key !== "json")
        .flatMap(([key, messages]) => messages.map((m) => `${labelForPath(key.replace(/^sop\./, ""))}: ${m}`));
      setError({ message: result.error, details });
    } catch {
      setError({ message: t.errors.unexpected, details: [] });
    } finally {
      setPending(false);
    }
  }

  const busy = pending || redirecting;
  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{M.tabJson}</CardTitle>
      </CardHeader>
      <CardBody>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <Alert>
              <p className="font-medium">{error.message}</p>
              {error.details.length > 0 ? (
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {error.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <div className="space-y-1">
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
              {M.jsonFile}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".json,application/json"
              aria-describedby={`${id}-hint`}
              className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {M.jsonHint}
            </p>
          </div>
          <Button type="submit" disabled={busy}>
            {busy ? M.jsonSubmitting : M.jsonSubmit}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

const formatNumber = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(n);

function PasteImport({ agencySlug, roles }: { agencySlug: string; roles: TEditorRole[] }) {
  const id = useId();
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<TProcedureTableImport | null>(null);
  const [emptyError, setEmptyError] = useState(false);
  /** Step number -> chosen executor code. */
  const [executorChoice, setExecutorChoice] = useState<Record<number, string>>({});
  /** Suggested code of a role not in the agency -> the existing role that replaces it. */
  const [roleMap, setRoleMap] = useState<Record<string, string>>({});
  const [unmappedError, setUnmappedError] = useState<string | null>(null);
  const [editor, setEditor] = useState<{ key: number; steps: TSopInput["steps"] } | null>(null);

  const known = useMemo(() => new Set(roles.map((r) => r.code)), [roles]);
  const roleName = (code: string) =>
    roles.find((r) => r.code === code)?.name ?? parsed?.newRoles.find((r) => r.code === code)?.name ?? code;
  /** An existing role for a code: itself, or the replacement the admin picked for a new role. */
  const resolve = (code: string) => (known.has(code) ? code : (roleMap[code] ?? ""));

  function read() {
    if (text.trim() === "") {
      setEmptyError(true);
      setParsed(null);
      return;
    }
    setEmptyError(false);
    setParsed(parseProcedureTable(text, roles));
    setExecutorChoice({});
    setRoleMap({});
    setUnmappedError(null);
  }

  function continueToEditor() {
    if (!parsed) return;
    const unmapped = parsed.newRoles.filter((r) => !roleMap[r.code]);
    if (unmapped.length > 0) {
      setUnmappedError(M.newRolesUnmapped(unmapped.map((r) => `“${r.name}”`).join(", ")));
      return;
    }
    setUnmappedError(null);
    const steps = parsed.steps.map((s) => {
      const executor = executorChoice[s.number] ?? resolve(s.executorRoleCode);
      const participants = [...new Set(s.participantRoleCodes.map(resolve))].filter((c) => c !== "" && c !== executor);
      return { ...s, executorRoleCode: executor, participantRoleCodes: participants };
    });
    setEditor({ key: Date.now(), steps });
  }

  if (editor) {
    return (
      <div className="space-y-4">
        <Button type="button" variant="secondary" onClick={() => setEditor(null)}>
          <ArrowLeft aria-hidden className="size-4" />
          {M.backToReview}
        </Button>
        <SopEditor
          key={editor.key}
          agencySlug={agencySlug}
          roles={roles}
          initial={toFormValues({ ...emptySop(), steps: editor.steps })}
          cancelHref={`/a/${agencySlug}/sops`}
          notice={<Alert tone="info">{M.pastedNotice}</Alert>}
        />
      </div>
    );
  }

  const general = parsed?.warnings.filter((w) => w.stepNumber === null) ?? [];
  return (
    <div className="space-y-4">
      <Card aria-labelledby={`${id}-title`}>
        <CardHeader>
          <CardTitle id={`${id}-title`}>{M.tabPaste}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
              {M.pasteLabel}
            </label>
            <Textarea
              id={`${id}-text`}
              rows={8}
              wrap="off"
              spellCheck={false}
              className="font-mono text-xs sm:text-xs"
              aria-describedby={`${id}-hint${emptyError ? ` ${id}-error` : ""}`}
              aria-invalid={emptyError}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {M.pasteHint}
            </p>
            {emptyError ? (
              <p id={`${id}-error`} className="text-sm text-red-700">
                {M.pasteEmpty}
              </p>
            ) : null}
          </div>
          <Button type="button" onClick={read}>
            {M.pasteRead}
          </Button>
        </CardBody>
      </Card>

      {parsed ? (
        <section aria-labelledby={`${id}-review`} className="space-y-4" data-testid="paste-review">
          <div>
            <h2 id={`${id}-review`} className="text-lg font-semibold">
              {M.reviewTitle(parsed.steps.length)}
            </h2>
            <p className="text-sm text-slate-600">{parsed.steps.length > 0 ? M.reviewHint : M.reviewNone}</p>
          </div>

          {general.length > 0 ? (
            <Alert tone="info">
              <p className="font-medium">{M.generalWarnings}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {general.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </Alert>
          ) : null}

          {parsed.newRoles.length > 0 ? (
            <Card aria-labelledby={`${id}-newroles`} className="border-amber-300">
              <CardHeader className="bg-amber-50">
                <CardTitle id={`${id}-newroles`}>{M.newRolesTitle}</CardTitle>
              </CardHeader>
              <CardBody className="space-y-3">
                <p className="text-sm text-slate-700">{M.newRolesBody}</p>
                <ul className="grid gap-3 sm:grid-cols-2">
                  {parsed.newRoles.map((r) => (
                    <li key={r.code} className="space-y-1">
                      <label htmlFor={`${id}-map-${r.code}`} className="block text-sm font-medium text-slate-800">
                        {M.newRoleLabel(r.name)} <Badge tone="warning">{M.newRoleBadge}</Badge>
                      </label>
                      <Select
                        id={`${id}-map-${r.code}`}
                        value={roleMap[r.code] ?? ""}
                        aria-invalid={Boolean(unmappedError) && !roleMap[r.code]}
                        onChange={(e) => setRoleMap((m) => ({ ...m, [r.code]: e.target.value }))}
                      >
                        <option value="">{M.newRolePlaceholder}</option>
                        {roles.map((role) => (
                          <option key={role.code} value={role.code}>
                            {role.name}
                          </option>
                        ))}
                      </Select>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}

          <ol className="space-y-3">
            {parsed.steps.map((s) => {
              const warnings = parsed.warnings.filter((w) => w.stepNumber === s.number);
              const parsedExecutor = s.executorRoleCode;
              const isNewExecutor = parsedExecutor !== "" && !known.has(parsedExecutor);
              const chosen = executorChoice[s.number] ?? resolve(parsedExecutor);
              const selectId = `${id}-exec-${s.number}`;
              return (
                <li
                  key={s.number}
                  className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-[2.5rem_minmax(0,2fr)_minmax(0,1fr)] md:p-4"
                  data-testid={`paste-step-${s.number}`}
                >
                  <p className="text-lg font-semibold text-slate-900" aria-label={M.step(s.number)}>
                    {s.number}.
                  </p>
                  <div className="min-w-0 space-y-2">
                    <p className="text-sm text-slate-900" data-testid="paste-kegiatan">
                      {s.kegiatan}
                    </p>
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
                      <dt className="font-medium text-slate-600">{M.kind}</dt>
                      <dd data-testid="paste-kind">
                        {STEP_KIND_LABELS[s.kind]}
                        {isDecisionKind(s.kind) ? (
                          <span className="text-slate-600">
                            {" "}
                            ({M.reviewDecision(s.yesStepNumber ?? (s.number < parsed.steps.length ? s.number + 1 : null), s.noStepNumber)})
                          </span>
                        ) : null}
                      </dd>
                      <dt className="font-medium text-slate-600">{M.waktu}</dt>
                      <dd data-testid="paste-waktu">
                        {s.waktuJumlah > 0 ? `${formatNumber(s.waktuJumlah)} ${TIME_UNIT_LABELS[s.waktuSatuan]}` : M.waktuMissing}
                      </dd>
                      <dt className="font-medium text-slate-600">{M.output}</dt>
                      <dd className="whitespace-pre-line" data-testid="paste-output">
                        {s.output}
                      </dd>
                      {s.kelengkapan ? (
                        <>
                          <dt className="font-medium text-slate-600">{M.kelengkapan}</dt>
                          <dd className="whitespace-pre-line">{s.kelengkapan}</dd>
                        </>
                      ) : null}
                      {s.participantRoleCodes.length > 0 ? (
                        <>
                          <dt className="font-medium text-slate-600">{M.participantsOf}</dt>
                          <dd>
                            {s.participantRoleCodes.map((c, i) => (
                              <span key={c} className="inline-flex items-center gap-1">
                                {i > 0 ? ", " : null}
                                {roleName(c)}
                                {known.has(c) ? null : <Badge tone="warning">{M.newRoleBadge}</Badge>}
                              </span>
                            ))}
                          </dd>
                        </>
                      ) : null}
                    </dl>
                    {warnings.length > 0 ? (
                      <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
                        <p className="font-medium">{M.stepWarnings}</p>
                        <ul className="list-disc pl-5">
                          {warnings.map((w, i) => (
                            <li key={i}>{w.message}</li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
                      {M.executorPick(s.number)}
                    </label>
                    <Select
                      id={selectId}
                      value={chosen}
                      aria-describedby={`${selectId}-note`}
                      onChange={(e) => setExecutorChoice((c) => ({ ...c, [s.number]: e.target.value }))}
                    >
                      <option value="">{M.executorPlaceholder}</option>
                      {roles.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.name}
                        </option>
                      ))}
                    </Select>
                    <p id={`${selectId}-note`} className="text-xs text-slate-600" data-testid="paste-executor-note">
                      {isNewExecutor ? (
                        <>
                          {roleName(parsedExecutor)} <Badge tone="warning">{M.newRoleBadge}</Badge>
                        </>
                      ) : parsedExecutor !== "" && chosen === parsedExecutor ? (
                        M.executorMatched
                      ) : null}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>

          {unmappedError ? <Alert>{unmappedError}</Alert> : null}
          {parsed.steps.length > 0 ? (
            <Button type="button" onClick={continueToEditor}>
              {M.continueToEditor}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

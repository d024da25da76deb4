"use client";

import { ArrowLeft, FileJson, Table2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { Tabs } from "radix-ui";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";
import { t } from "@/lib/i18n";
import { createRoleAction } from "@/lib/role/actions";
import { importSopJsonAction } from "@/lib/sop/actions";
import { missingRolesInJson, remapSopJsonRoles, type TJsonMissingRoles } from "@/lib/sop/exchange";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { parseProcedureTable, type TProcedureTableImport } from "@/lib/sop/paste-import";
import { isDecisionKind, STEP_KIND_LABELS, TIME_UNIT_LABELS, type TSopInput } from "@/lib/sop/schemas";

import { Textarea } from "./editor-fields";
import { emptySop, labelForPath, toFormValues, type TEditorRole } from "./editor-model";
import { guessKey, PasteGuesses, type TGuessAnswer } from "./paste-guesses";
import { SopEditor } from "./sop-editor";

const MAX_JSON_BYTES = 2_000_000;

/**
 * Who may fix executors the agency does not have: an administrator creates
 * the role right here; anyone else maps to an existing role and is told
 * which administrators to ask.
 */
export interface TRoleHelp {
  canCreate: boolean;
  administrators: string[];
}

export function SopImport({
  agencySlug,
  roles: initialRoles,
  initialTab,
  help,
  defaultUnit = "",
  defaultSigner = "",
}: {
  agencySlug: string;
  roles: TEditorRole[];
  initialTab: "json" | "paste";
  help: TRoleHelp;
  /** The agency's unit line, prefilled in a pasted SOP's header. */
  defaultUnit?: string;
  /** The signer's full title (lib/sop/signer-title.ts), prefilled in a pasted SOP's header. */
  defaultSigner?: string;
}) {
  const [tab, setTab] = useState<string>(initialTab);
  // Roles created during the import join the list at once (editor, pickers), without a reload.
  const [roles, setRoles] = useState(initialRoles);
  const addRole = (role: TEditorRole) => setRoles((list) => (list.some((r) => r.code === role.code) ? list : [...list, role]));
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
        <JsonImport agencySlug={agencySlug} roles={roles} help={help} onRoleCreated={addRole} />
      </Tabs.Content>
      {/* Kept mounted: switching tabs must not lose a pasted table or a half-filled editor. */}
      <Tabs.Content value="paste" forceMount className="data-[state=inactive]:hidden">
        <PasteImport agencySlug={agencySlug} roles={roles} help={help} onRoleCreated={addRole} defaultUnit={defaultUnit} defaultSigner={defaultSigner} />
      </Tabs.Content>
    </Tabs.Root>
  );
}


/** One executor name the agency has no role for: map it to an existing role, or (administrators) create the role. */
function MissingRole({
  agencySlug,
  idPrefix,
  missing,
  roles,
  mapped,
  invalid,
  help,
  onMap,
  onRoleCreated,
}: {
  agencySlug: string;
  idPrefix: string;
  missing: { code: string; name: string };
  roles: TEditorRole[];
  mapped: string;
  invalid: boolean;
  help: TRoleHelp;
  onMap: (code: string) => void;
  onRoleCreated: (role: TEditorRole) => void;
}) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState(missing.name);
  const [isHead, setIsHead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const selectId = `${idPrefix}-map-${missing.code}`;
  const nameId = `${idPrefix}-create-${missing.code}`;
  return (
    <li className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid={`missing-role-${missing.code}`}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {M.newRoleLabel(missing.name)} <Badge tone="warning">{M.newRoleBadge}</Badge>
      </label>
      <Select id={selectId} value={mapped} aria-invalid={invalid && !mapped} onChange={(e) => onMap(e.target.value)}>
        <option value="">{M.newRolePlaceholder}</option>
        {roles.map((role) => (
          <option key={role.code} value={role.code}>
            {role.name}
          </option>
        ))}
      </Select>
      {help.canCreate ? (
        creating ? (
          <form
            className="space-y-2 rounded-md bg-slate-50 p-2"
            onSubmit={(e) => {
              e.preventDefault();
              startTransition(async () => {
                const result = await createRoleAction(agencySlug, { name, isHead, capabilities: [] });
                if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
                onRoleCreated({ code: result.data.code, name: result.data.name });
                onMap(result.data.code);
                setCreating(false);
                setError(null);
                toast.success(M.roleCreated(result.data.name));
              });
            }}
          >
            <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">
              {M.createRoleName(missing.name)}
            </label>
            <Input id={nameId} value={name} aria-invalid={Boolean(error)} aria-describedby={error ? `${nameId}-error` : undefined} onChange={(e) => setName(e.target.value)} />
            {error ? (
              <p id={`${nameId}-error`} role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" className="size-4" checked={isHead} onChange={(e) => setIsHead(e.target.checked)} />
              {M.createRoleHead}
            </label>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" size="sm" disabled={pending}>
                {M.createRoleSubmit}
              </Button>
              <Button type="button" size="sm" variant="ghost" onClick={() => setCreating(false)}>
                {M.createRoleCancel}
              </Button>
            </div>
          </form>
        ) : mapped ? null : (
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {M.or}
            <Button type="button" size="sm" variant="secondary" onClick={() => setCreating(true)}>
              {M.createRole(missing.name)}
            </Button>
          </p>
        )
      ) : null}
    </li>
  );
}

/** Every executor the agency does not have, with create-or-map; read only (map only) for non-administrators. */
function MissingRolesPanel({
  agencySlug,
  idPrefix,
  missing,
  roles,
  roleMap,
  setRoleMap,
  unmappedError,
  help,
  onRoleCreated,
}: {
  agencySlug: string;
  idPrefix: string;
  missing: { code: string; name: string }[];
  roles: TEditorRole[];
  roleMap: Record<string, string>;
  setRoleMap: (update: (m: Record<string, string>) => Record<string, string>) => void;
  unmappedError: string | null;
  help: TRoleHelp;
  onRoleCreated: (role: TEditorRole) => void;
}) {
  return (
    <Card aria-labelledby={`${idPrefix}-newroles`} className="border-amber-300" data-testid="missing-roles">
      <CardHeader className="bg-amber-50">
        <CardTitle id={`${idPrefix}-newroles`}>{M.newRolesTitle}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        <p className="text-sm text-slate-700">{help.canCreate ? M.newRolesBody : M.newRolesBodyReadOnly}</p>
        {help.canCreate ? null : (
          <Alert tone="info" data-testid="ask-admins">
            {help.administrators.length ? M.askAdmins(help.administrators.join(", ")) : M.askAdminsNone}
          </Alert>
        )}
        <ul className="grid gap-3 sm:grid-cols-2">
          {missing.map((r) => (
            <MissingRole
              key={r.code}
              agencySlug={agencySlug}
              idPrefix={idPrefix}
              missing={r}
              roles={roles}
              mapped={roleMap[r.code] ?? ""}
              invalid={Boolean(unmappedError)}
              help={help}
              onMap={(code) => setRoleMap((m) => ({ ...m, [r.code]: code }))}
              onRoleCreated={onRoleCreated}
            />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function JsonImport({
  agencySlug,
  roles,
  help,
  onRoleCreated,
}: {
  agencySlug: string;
  roles: TEditorRole[];
  help: TRoleHelp;
  onRoleCreated: (role: TEditorRole) => void;
}) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [redirecting, startRedirect] = useTransition();
  const [missing, setMissing] = useState<TJsonMissingRoles | null>(null);
  const [roleMap, setRoleMap] = useState<Record<string, string>>({});
  const [unmappedError, setUnmappedError] = useState<string | null>(null);
  const known = useMemo(() => new Set([...roles.map((r) => r.code), ...RESERVED_ROLE_CODES]), [roles]);

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
      let json = await file.text();
      // Executors this agency does not have: decide them here before the server validates the SOP.
      const found = missing ?? missingRolesInJson(json, known);
      if (found) {
        const unmapped = found.missing.filter((r) => !roleMap[r.code]);
        setMissing(found);
        if (unmapped.length > 0) {
          if (missing) setUnmappedError(M.newRolesUnmapped(unmapped.map((r) => `“${r.name}”`).join(", ")));
          return;
        }
        setUnmappedError(null);
        json = remapSopJsonRoles(found, roleMap);
      }
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
                setMissing(null);
                setRoleMap({});
                setUnmappedError(null);
              }}
            />
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {M.jsonHint}
            </p>
          </div>
          {missing ? (
            <>
              <p className="text-sm text-slate-700">{M.jsonMissingIntro}</p>
              <MissingRolesPanel
                agencySlug={agencySlug}
                idPrefix={`${id}-json`}
                missing={missing.missing}
                roles={roles}
                roleMap={roleMap}
                setRoleMap={setRoleMap}
                unmappedError={unmappedError}
                help={help}
                onRoleCreated={onRoleCreated}
              />
              {unmappedError ? <Alert>{unmappedError}</Alert> : null}
            </>
          ) : null}
          <Button type="submit" disabled={busy}>
            {busy ? M.jsonSubmitting : missing ? M.jsonContinue : M.jsonSubmit}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

const formatNumber = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(n);

function PasteImport({
  agencySlug,
  roles,
  help,
  onRoleCreated,
  defaultUnit,
  defaultSigner,
}: {
  agencySlug: string;
  roles: TEditorRole[];
  help: TRoleHelp;
  onRoleCreated: (role: TEditorRole) => void;
  defaultUnit: string;
  defaultSigner: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<TProcedureTableImport | null>(null);
  const [emptyError, setEmptyError] = useState(false);
  /** Step number -> chosen executor code. */
  const [executorChoice, setExecutorChoice] = useState<Record<number, string>>({});
  /** Suggested code of a role not in the agency -> the existing role that replaces it. */
  const [roleMap, setRoleMap] = useState<Record<string, string>>({});
  const [unmappedError, setUnmappedError] = useState<string | null>(null);
  /** The administrator's answers to the import's guesses (kind, return step; the executor has its own picker). */
  const [answers, setAnswers] = useState<Record<string, TGuessAnswer>>({});
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
    setAnswers({});
    setRoleMap({});
    setUnmappedError(null);
  }

  /** A pasted step with the administrator's corrections of its kind and return step. */
  function corrected(s: TSopInput["steps"][number]): TSopInput["steps"][number] {
    const kindAnswer = answers[guessKey({ stepNumber: s.number, field: "kind" })];
    const noAnswer = answers[guessKey({ stepNumber: s.number, field: "noStepNumber" })];
    const kind = kindAnswer && "value" in kindAnswer ? (kindAnswer.value as typeof s.kind) : s.kind;
    if (!isDecisionKind(kind)) return { ...s, kind, yesStepNumber: null, noStepNumber: null };
    const no = noAnswer && "value" in noAnswer ? Number(noAnswer.value) : (s.noStepNumber ?? (s.number > 1 ? s.number - 1 : null));
    return { ...s, kind, noStepNumber: no };
  }

  function continueToEditor() {
    if (!parsed) return;
    const unmapped = parsed.newRoles.filter((r) => !roleMap[r.code]);
    if (unmapped.length > 0) {
      setUnmappedError(M.newRolesUnmapped(unmapped.map((r) => `“${r.name}”`).join(", ")));
      return;
    }
    setUnmappedError(null);
    const steps = parsed.steps.map((s) => corrected(s)).map((s) => {
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
          initial={toFormValues({ ...emptySop(), unit: defaultUnit, disahkanJabatan: defaultSigner, steps: editor.steps })}
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
            <MissingRolesPanel
              agencySlug={agencySlug}
              idPrefix={id}
              missing={parsed.newRoles}
              roles={roles}
              roleMap={roleMap}
              setRoleMap={setRoleMap}
              unmappedError={unmappedError}
              help={help}
              onRoleCreated={onRoleCreated}
            />
          ) : null}

          <ol className="space-y-3">
            {parsed.steps.map((pasted) => {
              const s = corrected(pasted);
              const guesses = parsed.guesses.filter(
                (g) => g.stepNumber === s.number && (g.field !== "noStepNumber" || isDecisionKind(s.kind)),
              );
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
                    <p className="whitespace-pre-line text-sm text-slate-900" data-testid="paste-kegiatan">
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
                    <PasteGuesses
                      stepNumber={s.number}
                      guesses={guesses}
                      answers={answers}
                      roleName={roleName}
                      executorSelectId={selectId}
                      onAnswer={(g, answer) => setAnswers((a) => ({ ...a, [guessKey(g)]: answer }))}
                    />
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

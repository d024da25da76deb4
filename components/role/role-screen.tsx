"use client";

import { ArrowDown, ArrowUp, Crown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applyErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { DESIGNATABLE_PERMISSIONS, type TDesignatablePermission } from "@/lib/authz/permissions";
import { createRoleAction, deleteRoleAction, renameRoleAction, reorderRolesAction, setHeadRoleAction, setRoleCapabilitiesAction } from "@/lib/role/actions";
import { CAPABILITY_LABELS, ROLE_MESSAGES as M } from "@/lib/role/messages";
import { ZCreateRole } from "@/lib/role/schemas";
import { zodResolver } from "@/lib/validation/zod-resolver";

export interface TRoleRow {
  id: string;
  code: string;
  name: string;
  isHead: boolean;
  reserved: boolean;
  usage: { members: number; steps: number; tasks: number };
  implied: TDesignatablePermission[];
  designated: TDesignatablePermission[];
}

function CapabilityList({
  idPrefix,
  implied,
  chosen,
  onChange,
  disabled,
}: {
  idPrefix: string;
  implied: readonly TDesignatablePermission[];
  chosen: readonly TDesignatablePermission[];
  onChange?: (next: TDesignatablePermission[]) => void;
  disabled?: boolean;
}) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {DESIGNATABLE_PERMISSIONS.map((p) => {
        const isImplied = implied.includes(p);
        const id = `${idPrefix}-${p}`;
        return (
          <li key={p}>
            <label htmlFor={id} className="flex min-h-10 items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
              <input
                id={id}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0"
                checked={isImplied || chosen.includes(p)}
                disabled={disabled || isImplied || !onChange}
                onChange={(e) => onChange?.(e.target.checked ? [...chosen, p] : chosen.filter((c) => c !== p))}
              />
              <span>
                <span className="font-medium text-slate-900">{CAPABILITY_LABELS[p].label}</span>
                {isImplied ? <span className="text-slate-600"> ({M.implied})</span> : null}
                <span className="block text-xs text-slate-600">{CAPABILITY_LABELS[p].hint}</span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

export function AddRoleForm({ agencySlug }: { agencySlug: string }) {
  const router = useRouter();
  type TIn = z.input<typeof ZCreateRole>;
  const defaults: TIn = { name: "", isHead: false, capabilities: [] };
  const form = useForm<TIn, unknown, z.output<typeof ZCreateRole>>({ resolver: zodResolver(ZCreateRole), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const isHead = useWatch({ control: form.control, name: "isHead" });
  const capabilities = (useWatch({ control: form.control, name: "capabilities" }) ?? []) as TDesignatablePermission[];
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createRoleAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.added(result.data.name));
        form.reset(defaults);
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id="role-name" label={M.name} hint={M.nameHint} error={errors.name?.message}>
        <Input id="role-name" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "role-name-error" : "role-name-hint"} {...form.register("name")} />
      </Field>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" {...form.register("isHead")} />
        {M.isHead}
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{M.capabilities}</legend>
        <CapabilityList
          idPrefix="new-cap"
          implied={isHead ? ["sop.activate"] : []}
          chosen={capabilities}
          onChange={(next) => form.setValue("capabilities", next)}
        />
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "…" : M.add}
      </Button>
    </form>
  );
}

function RoleItem({
  agencySlug,
  role,
  canManage,
  index,
  count,
  onMove,
  busy,
}: {
  agencySlug: string;
  role: TRoleRow;
  canManage: boolean;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  busy: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(role.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<TDesignatablePermission[]>(role.designated);
  const [pending, startTransition] = useTransition();
  const dirty = [...chosen].sort().join() !== [...role.designated].sort().join();
  const run = (work: () => Promise<{ ok: boolean; error?: string } | void>) => startTransition(async () => void (await work()));
  const disabled = pending || busy;

  return (
    <li className="space-y-3 py-4" data-testid={`role-${role.code}`} data-role-id={role.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="break-words">{role.name}</span>
            {role.isHead ? (
              <Badge tone="info">
                <Crown aria-hidden className="mr-1 size-3" />
                {M.isHeadShort}
              </Badge>
            ) : null}
            {role.reserved ? <Badge>{M.reserved}</Badge> : null}
          </p>
          <p className="text-xs text-slate-600">
            {M.code(role.code)} · {M.usage(role.usage.members, role.usage.steps, role.usage.tasks)}
          </p>
        </div>
        {canManage && !role.reserved ? (
          <div className="flex gap-1">
            <Button size="sm" variant="ghost" aria-label={M.moveUp(role.name)} disabled={disabled || index === 0} onClick={() => onMove(index, index - 1)}>
              <ArrowUp aria-hidden className="size-4" />
            </Button>
            <Button size="sm" variant="ghost" aria-label={M.moveDown(role.name)} disabled={disabled || index === count - 1} onClick={() => onMove(index, index + 1)}>
              <ArrowDown aria-hidden className="size-4" />
            </Button>
          </div>
        ) : null}
      </div>

      {canManage && !role.reserved && renaming ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              const result = await renameRoleAction(agencySlug, { roleId: role.id, name });
              if (!result.ok) return setNameError(result.fieldErrors?.name?.[0] ?? result.error);
              toast.success(M.saved);
              setRenaming(false);
              setNameError(null);
              router.refresh();
            });
          }}
        >
          <div className="min-w-0 flex-1 basis-56">
            <Field id={`${id}-rename`} label={M.renameLabel(role.name)} error={nameError ?? undefined}>
              <Input id={`${id}-rename`} value={name} aria-invalid={Boolean(nameError)} onChange={(e) => setName(e.target.value)} autoFocus />
            </Field>
          </div>
          <Button type="submit" size="sm" disabled={disabled}>
            {M.save}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => (setRenaming(false), setName(role.name), setNameError(null))}>
            {M.cancel}
          </Button>
        </form>
      ) : null}

      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-medium text-slate-800">
          {M.capabilities}
          <span className="sr-only"> {role.name}</span>
        </legend>
        <CapabilityList idPrefix={`${id}-cap`} implied={role.implied} chosen={chosen} onChange={canManage && !role.reserved ? setChosen : undefined} />
      </fieldset>

      {canManage && !role.reserved ? (
        <div className="flex flex-wrap gap-2">
          {dirty ? (
            <Button
              size="sm"
              disabled={disabled}
              onClick={() =>
                run(async () => {
                  const result = await setRoleCapabilitiesAction(agencySlug, { roleId: role.id, capabilities: chosen });
                  if (!result.ok) return void toast.error(result.error);
                  toast.success(M.capabilitiesSaved);
                  router.refresh();
                })
              }
            >
              {M.saveCapabilities}
            </Button>
          ) : null}
          {!renaming ? (
            <Button size="sm" variant="secondary" disabled={disabled} onClick={() => setRenaming(true)}>
              {M.rename}
            </Button>
          ) : null}
          {!role.isHead ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={disabled}
              onClick={() =>
                run(async () => {
                  const result = await setHeadRoleAction(agencySlug, { roleId: role.id });
                  if (!result.ok) return void toast.error(result.error);
                  toast.success(M.headMoved(role.name));
                  router.refresh();
                })
              }
            >
              {M.makeHead}
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="danger"
            disabled={disabled}
            onClick={() => {
              if (!window.confirm(M.deleteConfirm(role.name))) return;
              run(async () => {
                const result = await deleteRoleAction(agencySlug, { roleId: role.id });
                if (!result.ok) return void toast.error(result.error, { duration: 12_000 });
                toast.success(M.deleted(role.name));
                router.refresh();
              });
            }}
          >
            {M.delete}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function RoleList({ agencySlug, roles, canManage }: { agencySlug: string; roles: TRoleRow[]; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const own = roles.filter((r) => !r.reserved);
  const reserved = roles.filter((r) => r.reserved);
  const move = (from: number, to: number) =>
    startTransition(async () => {
      const ids = own.map((r) => r.id);
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      const result = await reorderRolesAction(agencySlug, { roleIds: ids });
      if (!result.ok) return void toast.error(result.error);
      toast.success(M.reordered);
      router.refresh();
    });
  return (
    <div className="space-y-4">
      {own.length > 0 && !own.some((r) => r.isHead) ? <Alert tone="info">{M.headNone}</Alert> : null}
      {own.length === 0 ? <p className="text-sm text-slate-600">{M.empty}</p> : null}
      <ul className="divide-y divide-slate-200" data-testid="role-list">
        {own.map((role, i) => (
          <RoleItem key={`${role.id}-${role.name}-${role.designated.join()}`} agencySlug={agencySlug} role={role} canManage={canManage} index={i} count={own.length} onMove={move} busy={pending} />
        ))}
      </ul>
      <div className="border-t border-slate-200 pt-2">
        <p className="text-sm text-slate-600">{M.reservedHint}</p>
        <ul className="divide-y divide-slate-200">
          {reserved.map((role, i) => (
            <RoleItem key={role.id} agencySlug={agencySlug} role={role} canManage={false} index={i} count={reserved.length} onMove={() => {}} busy />
          ))}
        </ul>
      </div>
    </div>
  );
}

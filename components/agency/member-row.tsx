"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { MemberAdminPanel } from "@/components/agency/member-admin-panel";
import { setMemberActiveAction, setMemberRolesAction } from "@/lib/agency/actions";
import { TWO_FACTOR_MESSAGES } from "@/lib/auth/two-factor-messages";
import { t } from "@/lib/i18n";
import { setMemberUnitAction } from "@/lib/unit/actions";
import { UNIT_MESSAGES } from "@/lib/unit/messages";

export interface MemberRowProps {
  agencySlug: string;
  canManage: boolean;
  isSelf: boolean;
  member: {
    userId: string;
    name: string;
    nipDisplay: string;
    jabatan: string | null;
    email: string | null;
    gelarDepan: string | null;
    gelarBelakang: string | null;
    pangkat: string | null;
    active: boolean;
    roleCodes: string[];
    accessUntil: string | null;
    unitId: string | null;
    twoFactorEnabled: boolean;
  };
  roles: { code: string; name: string }[];
  /** The agency's units (inactive ones only when the member is still in one). */
  units: { id: string; name: string; active: boolean }[];
}

export function MemberRow({ agencySlug, canManage, isSelf, member, roles, units }: MemberRowProps) {
  const [selected, setSelected] = useState(member.roleCodes);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const dirty = [...selected].sort().join() !== [...member.roleCodes].sort().join();

  function saveRoles() {
    startTransition(async () => {
      const result = await setMemberRolesAction(agencySlug, { userId: member.userId, roleCodes: selected });
      if (result.ok) {
        toast.success(t.members.rolesSaved);
        router.refresh();
      } else toast.error(result.fieldErrors?.roleCodes?.[0] ?? result.error);
    });
  }
  function saveUnit(unitId: string) {
    startTransition(async () => {
      const result = await setMemberUnitAction(agencySlug, { userId: member.userId, unitId });
      if (result.ok) {
        toast.success(UNIT_MESSAGES.memberUnitSaved);
        router.refresh();
      } else toast.error(result.fieldErrors?.unitId?.[0] ?? result.error);
    });
  }
  const unitName = units.find((u) => u.id === member.unitId)?.name ?? null;
  function toggleActive() {
    startTransition(async () => {
      const result = await setMemberActiveAction(agencySlug, { userId: member.userId, active: !member.active });
      if (result.ok) {
        toast.success(member.active ? t.members.deactivated : t.members.reactivated);
        router.refresh();
      } else toast.error(result.error);
    });
  }

  return (
    <li className="space-y-3 py-4" data-testid={`member-${member.nipDisplay.replace(/\s/g, "")}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">{member.name}</p>
          <p className="text-sm text-slate-600">
            NIP {member.nipDisplay}
            {member.jabatan ? ` · ${member.jabatan}` : ""}
          </p>
          {member.accessUntil ? <p className="text-sm text-slate-600">Akses sampai {member.accessUntil}</p> : null}
          {!canManage && unitName ? <p className="text-sm text-slate-600">{unitName}</p> : null}
        </div>
        <div className="flex flex-wrap gap-1">
          {member.twoFactorEnabled ? <Badge tone="info">{TWO_FACTOR_MESSAGES.memberOn}</Badge> : null}
          <Badge tone={member.active ? "success" : "neutral"}>{member.active ? t.common.active : t.common.inactive}</Badge>
        </div>
      </div>
      {canManage ? (
        <fieldset disabled={pending} className="space-y-2">
          <legend className="sr-only">
            {t.members.roles} {member.name}
          </legend>
          <label className="flex max-w-sm flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800">
              {UNIT_MESSAGES.memberUnit}
              <span className="sr-only"> {member.name}</span>
            </span>
            <Select value={member.unitId ?? ""} onChange={(e) => saveUnit(e.target.value)}>
              <option value="">{UNIT_MESSAGES.memberNoUnit}</option>
              {units
                .filter((u) => u.active || u.id === member.unitId)
                .map((u) => (
                  <option key={u.id} value={u.id} disabled={!u.active}>
                    {u.name}
                  </option>
                ))}
            </Select>
          </label>
          <div className="flex flex-wrap gap-2">
            {roles.map((r) => (
              <label key={r.code} className="flex min-h-9 items-center gap-2 rounded-md border border-slate-200 px-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={selected.includes(r.code)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.code] : s.filter((c) => c !== r.code)))}
                />
                {r.name}
              </label>
            ))}
          </div>
          <MemberAdminPanel
            agencySlug={agencySlug}
            canReset={!isSelf}
            twoFactorEnabled={member.twoFactorEnabled}
            member={{
              userId: member.userId,
              name: member.name,
              gelarDepan: member.gelarDepan,
              gelarBelakang: member.gelarBelakang,
              jabatan: member.jabatan,
              pangkat: member.pangkat,
              email: member.email,
            }}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" disabled={!dirty || pending} onClick={saveRoles}>
              {t.members.saveRoles}
            </Button>
            {!isSelf ? (
              <Button size="sm" variant={member.active ? "danger" : "secondary"} onClick={toggleActive}>
                {member.active ? t.members.deactivate : t.members.reactivate}
              </Button>
            ) : null}
          </div>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-700">{roles.filter((r) => member.roleCodes.includes(r.code)).map((r) => r.name).join(", ")}</p>
      )}
    </li>
  );
}

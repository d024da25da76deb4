/**
 * The refusals of issue #13's acceptance for the member and acting actions:
 * a non-administrator (an acting head included) is refused by the door for
 * every one of them; duplicate NIPs in an import are refused with nothing
 * written (tests/integration/member-scale.test.ts); the last administrator
 * and a role a step uses (tests/integration/members.test.ts,
 * roles-units.test.ts). Here: the door's verdict for each registered action,
 * from the real context of real members.
 */
import { describe, expect, it } from "vitest";

import "@/lib/agency/actions";
import { setMemberActive } from "@/lib/agency/service";
import { ACTION_REGISTRY } from "@/lib/authz/action";
import { buildAgencyContext, loadAgencyContext, type SessionUser } from "@/lib/authz/context";
import type { TPermission } from "@/lib/authz/permissions";
import "@/lib/member/actions";
import "@/lib/role/acting-actions";
import { appointActing } from "@/lib/role/acting-service";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

const GUARDED = ["member.add", "member.update", "member.resetPassword", "member.import", "member.setRoles", "member.setActive", "acting.appoint", "acting.end"];

async function contextOf(user: { id: string; nip: string; name: string }, slug: string) {
  const session: SessionUser = { id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  const loaded = await loadAgencyContext(user.id, slug);
  return loaded ? buildAgencyContext(session, loaded) : null;
}

describe("member and acting actions: who the door lets through", () => {
  it("every member and acting action needs the administrator's right; a member and an acting head are refused", async () => {
    const agency = await createAgency();
    const [admin, member, head] = [await createUser(), await createUser(), await createUser()];
    await addMembership(admin.id, agency, "ADMIN");
    await addMembership(member.id, agency, "TIM_SAKIP");
    await addMembership(head.id, agency, "KADIS");
    const kadis = agency.roles.find((r) => r.code === "KADIS")!;
    const today = new Date().toISOString().slice(0, 10);
    await appointActing({ roleId: kadis.id, userId: member.id, kind: "PLT", startDate: today, endDate: "2099-12-31", decreeNumber: "SK/9/2026" }, { agencyId: agency.id, actor: actorOf(admin), meta: null });
    const [asAdmin, asMember, asHead] = await Promise.all([contextOf(admin, agency.slug), contextOf(member, agency.slug), contextOf(head, agency.slug)]);
    expect(asMember!.roles.some((r) => r.acting)).toBe(true);
    for (const name of GUARDED) {
      const entry = ACTION_REGISTRY.get(name);
      expect(entry, name).toBeDefined();
      const permission = entry!.permission as TPermission;
      expect(asAdmin!.can(permission), `${name} for the administrator`).toBe(true);
      expect(asMember!.can(permission), `${name} for a member acting as head`).toBe(false);
      expect(asHead!.can(permission), `${name} for the head`).toBe(false);
    }
  });

  it("the last administrator cannot be deactivated by another path either: a Plt. never counts as an administrator", async () => {
    const agency = await createAgency();
    const [admin, other] = [await createUser(), await createUser()];
    await addMembership(admin.id, agency, "ADMIN");
    await addMembership(other.id, agency, "KADIS");
    const ctx = { agencyId: agency.id, actor: actorOf(other), meta: null };
    await expect(setMemberActive({ userId: admin.id, active: false }, ctx)).rejects.toThrow(/setidaknya satu administrator aktif/);
    const adminRole = agency.roles.find((r) => r.code === "ADMIN")!;
    await expect(
      appointActing({ roleId: adminRole.id, userId: other.id, kind: "PLT", startDate: "2026-01-01", endDate: "2099-12-31", decreeNumber: "SK/1" }, { ...ctx, actor: actorOf(admin) }),
    ).rejects.toThrow(/Administrator dan Auditor/);
  });
});

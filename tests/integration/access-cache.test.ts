import { describe, expect, it } from "vitest";

import { setMemberActive } from "@/lib/agency/service";
import { buildAgencyContext, loadAgencyContext, readAccessFrame, resolveSessionAccount } from "@/lib/authz/context";
import { setTwoFactorPolicy } from "@/lib/auth/two-factor";
import { countUnreadNotifications } from "@/lib/cycle/queries";
import { db } from "@/lib/db/client";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

/**
 * The frame is cached per server instance under the user's access version
 * (docs/decisions/028-cached-frame.md). Each test warms this instance's cache,
 * then changes the database the way another instance would (a service call in
 * its own transaction, or plain SQL), and expects the very next context build
 * to see the change.
 */
async function contextOf(userId: string, slug: string) {
  const account = await resolveSessionAccount(userId);
  if (account?.kind !== "user") return null;
  const loaded = await loadAgencyContext(userId, slug);
  return loaded ? buildAgencyContext(account.user, loaded) : null;
}

async function warm(userId: string, slug: string) {
  for (let i = 0; i < 3; i++) expect(await contextOf(userId, slug)).not.toBeNull();
}

describe("the cached frame", () => {
  it("refuses a member deactivated by another instance on the next request", async () => {
    const agency = await createAgency();
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const member = await createUser();
    await addMembership(member.id, agency, "TIM_SAKIP");
    await warm(member.id, agency.slug);
    const account = await resolveSessionAccount(member.id);
    expect(account?.kind === "user" && account.user.agencies.map((a) => a.slug)).toEqual([agency.slug]);

    await setMemberActive({ userId: member.id, active: false }, { agencyId: agency.id, actor: actorOf(admin), meta: null });

    expect(await contextOf(member.id, agency.slug)).toBeNull();
    const after = await resolveSessionAccount(member.id);
    expect(after?.kind === "user" && after.user.agencies).toEqual([]);
  });

  it("sees changes made by plain SQL: a membership, the agency's active flag, a role's name, the account", async () => {
    const agency = await createAgency();
    const member = await createUser();
    const membership = await addMembership(member.id, agency, "KADIS");
    await warm(member.id, agency.slug);

    await db.$executeRaw`UPDATE "Role" SET name = 'Kepala Dinas Baru' WHERE id = ${membership.roleId}`;
    expect((await contextOf(member.id, agency.slug))?.roles.map((r) => r.name)).toEqual(["Kepala Dinas Baru"]);

    await db.$executeRaw`UPDATE "Agency" SET active = false WHERE id = ${agency.id}`;
    expect(await contextOf(member.id, agency.slug)).toBeNull();
    await db.$executeRaw`UPDATE "Agency" SET active = true WHERE id = ${agency.id}`;
    expect(await contextOf(member.id, agency.slug)).not.toBeNull();

    await db.$executeRaw`UPDATE "Membership" SET active = false WHERE id = ${membership.id}`;
    expect(await contextOf(member.id, agency.slug)).toBeNull();
    await db.$executeRaw`UPDATE "Membership" SET active = true WHERE id = ${membership.id}`;
    await warm(member.id, agency.slug);

    await db.$executeRaw`UPDATE "User" SET active = false WHERE id = ${member.id}`;
    expect(await resolveSessionAccount(member.id)).toBeNull();
  });

  it("applies a new two-factor policy to a head without 2FA at once", async () => {
    const agency = await createAgency();
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    const head = await createUser();
    await addMembership(head.id, agency, "KADIS");
    await warm(head.id, agency.slug);
    expect((await contextOf(head.id, agency.slug))?.twoFactorMissing).toBe(false);

    await setTwoFactorPolicy({ required: true }, { agencyId: agency.id, actor: actorOf(admin), meta: null });

    const ctx = await contextOf(head.id, agency.slug);
    expect(ctx?.twoFactorMissing).toBe(true);
    expect(ctx?.can("agency.view")).toBe(false);
  });

  it("grants an acting role when its appointment starts and drops a membership when it expires, with no write in between", async () => {
    const agency = await createAgency();
    const member = await createUser();
    const soon = new Date(Date.now() + 1500);
    await addMembership(member.id, agency, "TIM_SAKIP", { validUntil: new Date(soon.getTime() + 1500) });
    const head = agency.roles.find((r) => r.code === "KADIS")!;
    await db.actingAppointment.create({
      data: { agencyId: agency.id, roleId: head.id, userId: member.id, kind: "PLH", startsAt: soon, endsAt: new Date(soon.getTime() + 86_400_000), decreeNumber: "800/1/2026" },
    });
    expect((await contextOf(member.id, agency.slug))?.roleCodes).toEqual(["TIM_SAKIP"]);
    await warm(member.id, agency.slug);

    await new Promise((r) => setTimeout(r, soon.getTime() - Date.now() + 50));
    expect((await contextOf(member.id, agency.slug))?.roleCodes.sort()).toEqual(["KADIS", "TIM_SAKIP"]);

    await new Promise((r) => setTimeout(r, soon.getTime() + 1500 - Date.now() + 50));
    // The membership lapsed: an acting appointment alone grants nothing.
    expect(await contextOf(member.id, agency.slug)).toBeNull();
  });

  it("reads the version and, on an agency path, the unread count of that agency in one statement (053)", async () => {
    const agency = await createAgency();
    const other = await createAgency();
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const member = await createUser();
    await addMembership(member.id, agency, "TIM_SAKIP");
    const note = (agencyId: string, readAt: Date | null) => ({ agencyId, userId: member.id, kind: "NEW_TASK" as const, title: "Tugas", readAt });
    await db.notification.createMany({ data: [note(agency.id, null), note(agency.id, null), note(agency.id, new Date()), note(other.id, null)] });

    const plain = await readAccessFrame(member.id, null);
    const frame = await readAccessFrame(member.id, agency.slug);
    expect(frame?.version).toBe(plain?.version);
    expect(frame?.unread).toEqual({ agencyId: agency.id, count: 2 });
    expect(frame?.unread?.count).toBe(await countUnreadNotifications(member.id, agency.id));
    expect((await readAccessFrame(member.id, other.slug))?.unread).toEqual({ agencyId: other.id, count: 1 });
    // A slug that names nothing counts nothing (the layout then never gets here: 404).
    expect((await readAccessFrame(member.id, "tidak-ada"))?.unread).toBeNull();
    expect(await readAccessFrame("no-such-user", agency.slug)).toBeNull();

    // The version read this way moves with a removal like the plain read: the next request refuses.
    await setMemberActive({ userId: member.id, active: false }, { agencyId: agency.id, actor: actorOf(admin), meta: null });
    expect((await readAccessFrame(member.id, agency.slug))?.version).not.toBe(frame?.version);
    expect((await readAccessFrame(member.id, agency.slug))?.version).toBe((await readAccessFrame(member.id, null))?.version);
  });
});

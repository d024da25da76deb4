import { describe, expect, it } from "vitest";

import { summarizeEvent } from "@/lib/audit/labels";
import { loadAgencyContext } from "@/lib/authz/context";
import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle, type CycleActor } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { ZAppointActing } from "@/lib/role/acting-schemas";
import { appointActing, endActing } from "@/lib/role/acting-service";
import { roleHoldings } from "@/lib/role/holders";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createNewVersion, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type RoleCode = (typeof ROLE_CODES)[number];
const executorOf = (n: number) => SOP.steps.find((s) => s.number === n)!.executorRoleCode as RoleCode;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function world() {
  const agency = await createAgencyLike(SUMBAR);
  const users = {} as Record<RoleCode, User>;
  for (const code of ROLE_CODES) {
    users[code] = await createUser({ name: `${code} ${agency.slug}` });
    await addMembership(users[code].id, agency, code);
  }
  const kadis = agency.roles.find((r) => r.code === "KADIS")!;
  const admin = { agencyId: agency.id, actor: actorOf(users.ADMIN), meta: null };
  const { id: sopId } = await createSop(SOP, admin);
  await activateSop(sopId, { agencyId: agency.id, actor: actorOf(users.KADIS, ["KADIS"]), meta: null });
  return { agency, users, kadis, admin, sopId };
}

/** What cycleActor (lib/cycle/actions.ts) builds from the agency context: the real path of an acting official. */
async function actorFromContext(user: User, slug: string): Promise<CycleActor> {
  const ctx = (await loadAgencyContext(user.id, slug))!;
  return {
    agencyId: ctx.agency.id,
    actor: { ...actorOf(user, ctx.roles.map((r) => r.code)), acting: ctx.roles.flatMap((r) => (r.acting ? [{ appointmentId: r.acting.appointmentId, roleCode: r.code, kind: r.acting.kind }] : [])) },
    roleIds: ctx.roles.map((r) => r.id),
    roleCodes: ctx.roles.map((r) => r.code),
    acting: ctx.roles.flatMap((r) => (r.acting ? [{ roleId: r.id, ...r.acting }] : [])),
    meta: null,
  };
}

describe("acting officials (Plt./Plh.)", () => {
  it("a Plt. of the head holds the role: context with an acting marker, the head's tasks and notifications, the capacity on the task and in the audit trail", async () => {
    const { agency, users, kadis, admin, sopId } = await world();
    const plt = users.SEKRETARIS;
    const { id: appointmentId } = await appointActing(
      ZAppointActing.parse({ roleId: kadis.id, userId: plt.id, kind: "PLT", startDate: day(-1), endDate: day(1), decreeNumber: "800/123/BMCKTR/2026" }),
      admin,
    );
    const ctx = (await loadAgencyContext(plt.id, agency.slug))!;
    expect(ctx.roles.find((r) => r.code === "KADIS")?.acting).toMatchObject({ appointmentId, kind: "PLT" });
    expect(ctx.roles.find((r) => r.code === "SEKRETARIS")?.acting).toBeNull();

    // Start a cycle and walk it until the head's first step opens.
    const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2025, period: "TW1" }), cycleActorOf(users.KADIS, agency, ["KADIS"]));
    let task = await db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    for (let guard = 0; executorOf(task.stepNumber) !== "KADIS" && guard < 20; guard++) {
      const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
      const event = ["REVIEW", "APPROVAL"].includes(step.kind) ? "APPROVE" : "COMPLETE";
      const work = step.kind === "INPUT" ? { checklist: step.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean) } : {};
      await actOnTask(
        ZTaskAction.parse({ cycleId, taskId: task.id, event, outputText: "Terlampir", attendees: ["A"], decisions: "Ya", ...work }),
        cycleActorOf(users[executorOf(task.stepNumber)], agency, [executorOf(task.stepNumber)]),
      );
      task = await db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    }
    expect(executorOf(task.stepNumber)).toBe("KADIS");
    // The acting head was notified along with the head.
    const notified = await db.notification.findMany({ where: { taskId: task.id }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([users.KADIS.id, plt.id].sort());

    const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
    const event = ["REVIEW", "APPROVAL"].includes(step.kind) ? "APPROVE" : "COMPLETE";
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, outputText: "Nota: lanjutkan.", attendees: ["A"], decisions: "Ya" }), await actorFromContext(plt, agency.slug));
    const done = await db.cycleTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.completedById).toBe(plt.id);
    expect(done.data).toMatchObject({ acting: { appointmentId, kind: "PLT", title: "Plt. Kepala Dinas", decreeNumber: "800/123/BMCKTR/2026" } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, entityId: task.id, action: { startsWith: "task." } } });
    expect(audit.actorId).toBe(plt.id);
    expect(audit.data).toMatchObject({ acting: { appointmentId, title: "Plt. Kepala Dinas" } });
    expect(audit.actorSnapshot).toMatchObject({ acting: [{ appointmentId, roleCode: "KADIS", kind: "PLT" }] });
    expect(summarizeEvent(audit)).toMatch(/^Plt\. Kepala Dinas: Langkah \d+/);

    // The Plt. activates a new version: its printed signature block is the acting head's.
    await db.user.update({ where: { id: plt.id }, data: { gelarDepan: "Ir.", gelarBelakang: "M.T.", pangkat: "Pembina (IV/a)" } });
    const { id: draftId } = await createNewVersion(sopId, admin);
    const pltCtx = await actorFromContext(plt, agency.slug);
    await activateSop(draftId, { agencyId: agency.id, actor: pltCtx.actor, meta: null });
    const signed = await db.sop.findUniqueOrThrow({ where: { id: draftId } });
    expect(signed).toMatchObject({ disahkanJabatan: "Plt. Kepala Dinas", disahkanNama: `Ir. ${plt.name}, M.T.`, disahkanNip: plt.nip, disahkanPangkat: "Pembina (IV/a)" });
  });

  it("ends by itself at its end date (no job), and when ended early", async () => {
    const { agency, users, kadis, admin } = await world();
    const plh = users.TIM_SAKIP;
    const { id } = await appointActing({ roleId: kadis.id, userId: plh.id, kind: "PLH", startDate: day(0), endDate: day(3), decreeNumber: "SPRIN/7/2026" }, admin);
    const at = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);
    const holds = async (when: Date) => (await roleHoldings(db, { agencyId: agency.id, roleId: kadis.id, at: when })).map((h) => h.userId).sort();
    expect(await holds(at(1))).toEqual([users.KADIS.id, plh.id].sort());
    expect(await holds(at(5))).toEqual([users.KADIS.id]);
    await endActing({ appointmentId: id }, admin);
    expect((await loadAgencyContext(plh.id, agency.slug))!.roles.map((r) => r.code)).toEqual(["TIM_SAKIP"]);
    await expect(endActing({ appointmentId: id }, admin)).rejects.toThrow(/sudah berakhir/);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, action: { in: ["acting.appoint", "acting.end"] } } })).toBe(2);
  });

  it("refuses overlapping appointments for one role, reserved roles, non-members and someone who holds the role, changing nothing", async () => {
    const { agency, users, kadis, admin } = await world();
    const stranger = await createUser();
    const adminRole = agency.roles.find((r) => r.code === "ADMIN")!;
    await appointActing({ roleId: kadis.id, userId: users.SEKRETARIS.id, kind: "PLT", startDate: day(0), endDate: day(10), decreeNumber: "SK/1/2026" }, admin);
    const before = await db.actingAppointment.count({ where: { agencyId: agency.id } });
    const base = { kind: "PLH" as const, startDate: day(5), endDate: day(6), decreeNumber: "SK/2/2026" };
    await expect(appointActing({ ...base, roleId: kadis.id, userId: users.BIDANG.id }, admin)).rejects.toThrow(/sudah ditunjuk/);
    await expect(appointActing({ ...base, roleId: adminRole.id, userId: users.BIDANG.id }, admin)).rejects.toThrow(/Administrator dan Auditor/);
    await expect(appointActing({ ...base, roleId: kadis.id, userId: stranger.id }, admin)).rejects.toThrow(/bukan anggota aktif/);
    await expect(appointActing({ ...base, roleId: kadis.id, userId: users.KADIS.id }, admin)).rejects.toThrow(/sudah memegang/);
    expect(ZAppointActing.safeParse({ ...base, roleId: kadis.id, userId: users.BIDANG.id, endDate: day(1) }).error?.issues[0]?.message).toMatch(/sebelum tanggal mulai/);
    expect(await db.actingAppointment.count({ where: { agencyId: agency.id } })).toBe(before);
  });
});

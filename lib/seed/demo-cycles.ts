import { ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle, type CycleActor } from "@/lib/cycle/service";
import type { Db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import { isDecisionKind } from "@/lib/sop/schemas";

import type { DemoLogin } from "./demo";

const MINUTE = 60_000;

/**
 * Demo cycles for each seed agency: Triwulan I 2026 completed (in Sumatera
 * Barat with one return at the analysis step, as happens in practice) and
 * Triwulan II 2026 in progress, stopped where a newcomer sees a waiting task.
 * Driven through the same services as the app, so history, audit trail and
 * notifications are real.
 */
const PLAN: Record<string, { stopAtTw2: number; returnAtStep?: number }> = {
  "diskominfo-lumajang": { stopAtTw2: 7 },
  "setwan-balangan": { stopAtTw2: 3 },
  "bmcktr-sumbar": { stopAtTw2: 4, returnAtStep: 7 },
};

export async function seedDemoCycles(db: Db, logins: DemoLogin[], slug: string, now = new Date()) {
  const plan = PLAN[slug];
  if (!plan) return;
  const agency = await db.agency.findUniqueOrThrow({ where: { slug }, select: { id: true, timeZone: true } });
  if ((await db.measurementCycle.count({ where: { agencyId: agency.id } })) > 0) return;
  const sop = await db.sop.findFirst({
    where: { agencyId: agency.id, status: "ACTIVE" },
    select: { id: true, steps: { select: { number: true, kind: true, kelengkapan: true, output: true, executorRole: { select: { id: true, code: true } } } } },
  });
  if (!sop) return;
  const roles = await db.role.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true } });
  const users = await db.user.findMany({ where: { nip: { in: logins.filter((l) => l.agencySlug === slug).map((l) => l.nip) } }, select: { id: true, nip: true, name: true } });
  const actorFor = (roleCode: string, at: Date): CycleActor => {
    const login = logins.find((l) => l.agencySlug === slug && l.roleCode === roleCode)!;
    const user = users.find((u) => u.nip === login.nip)!;
    return {
      agencyId: agency.id,
      actor: { id: user.id, name: user.name, nip: user.nip, roles: [roleCode] },
      roleIds: roles.filter((r) => r.code === roleCode).map((r) => r.id),
      roleCodes: [roleCode],
      meta: null,
      now: at,
    };
  };
  const stepByNumber = new Map(sop.steps.map((s) => [s.number, s]));

  async function run(period: "TW1" | "TW2", start: Date, stopAt: number | null) {
    let clock = start;
    const first = stepByNumber.get(1)!;
    const { id: cycleId } = await startCycle({ sopId: sop!.id, year: 2026, period }, actorFor(first.executorRole.code, clock));
    let returned = false;
    for (let guard = 0; guard < 40; guard++) {
      const open = await db.cycleTask.findFirst({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } }, select: { id: true, stepNumber: true, status: true } });
      if (!open || open.stepNumber === stopAt) return;
      const step = stepByNumber.get(open.stepNumber)!;
      clock = new Date(clock.getTime() + (25 + ((open.stepNumber * 37) % 90)) * MINUTE);
      const label = period === "TW1" ? "Triwulan I 2026" : "Triwulan II 2026";
      const decision = isDecisionKind(step.kind);
      const doReturn = decision && plan!.returnAtStep === step.number && !returned && period === "TW1";
      if (doReturn) returned = true;
      const event = decision ? (doReturn ? "RETURN" : "APPROVE") : open.status === "RETURNED" ? "RESUBMIT" : "COMPLETE";
      const input = ZTaskAction.parse({
        cycleId,
        taskId: open.id,
        event,
        outputText: `${step.output} ${label}`,
        comment: doReturn ? "Data dukung Bidang Jalan belum lengkap: lampirkan foto dan berita acara progres fisik." : undefined,
        checklist: step.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean),
        attendees: ["Sekretaris", "Tim SAKIP", "Kasubag Perencanaan"],
        decisions: "Pengisian realisasi diselesaikan dalam 2 hari kerja.",
        // The archive step records the upload to the national e-SAKIP application.
        ...(step.kind === "ARCHIVE" ? { esakipUploadedAt: isoDateIn(clock, agency.timeZone), esakipReference: `ESR-2026-${period}-${slug.slice(0, 8).toUpperCase()}` } : {}),
      });
      await actOnTask(input, actorFor(step.executorRole.code, clock));
    }
  }

  await run("TW1", new Date("2026-04-06T01:30:00.000Z"), null);
  await run("TW2", new Date(now.getTime() - 26 * 60 * MINUTE), plan.stopAtTw2);
}

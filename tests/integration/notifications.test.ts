import { describe, expect, it } from "vitest";

import { ensureLateNotifications } from "@/lib/cycle/late";
import { ZStartCycle } from "@/lib/cycle/schemas";
import { startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { activateSop, createSop } from "@/lib/sop/service";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;

describe("notifications", () => {
  it("tells the step's role once that a task is late, however often they look", async () => {
    const agency = await createAgencyLike(SUMBAR);
    const kadis = await createUser();
    const admin = await createUser();
    const other = await createUser();
    await addMembership(kadis.id, agency, "KADIS");
    await addMembership(admin.id, agency, "ADMIN");
    await addMembership(other.id, agency, "SEKRETARIS");
    const { id: sopId } = await createSop(SEED_SOPS["bmcktr-sumbar"], { agencyId: agency.id, actor: actorOf(admin), meta: null });
    await activateSop(sopId, { agencyId: agency.id, actor: actorOf(kadis, ["KADIS"]), meta: null });

    // Step 1 (10 minutes) was started two hours ago and nobody acted.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await startCycle(ZStartCycle.parse({ sopId, year: 2026, period: "TW3" }), cycleActorOf(kadis, agency, ["KADIS"], twoHoursAgo));
    const kadisRoles = agency.roles.filter((r) => r.code === "KADIS").map((r) => r.id);
    const sekretarisRoles = agency.roles.filter((r) => r.code === "SEKRETARIS").map((r) => r.id);

    await ensureLateNotifications(kadis.id, agency.id, kadisRoles);
    await ensureLateNotifications(kadis.id, agency.id, kadisRoles);
    await ensureLateNotifications(other.id, agency.id, sekretarisRoles);
    const late = await db.notification.findMany({ where: { agencyId: agency.id, kind: "LATE" } });
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ userId: kadis.id, title: expect.stringMatching(/^Terlambat: langkah 1\./) });
    // The new-task notification was there from the start.
    expect(await db.notification.count({ where: { agencyId: agency.id, userId: kadis.id, kind: "NEW_TASK" } })).toBe(1);
  });
});

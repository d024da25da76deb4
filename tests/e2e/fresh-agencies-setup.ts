/**
 * Before the end-to-end server starts (tests/e2e/serve.ts): two agencies nobody seeded
 * (tests/fixtures/fresh-agencies.ts), with their roles and one member per role, the way an
 * agency is set up through the app's own services. The Dinas Perikanan also gets its SOP
 * (from its pasted table, activated by its head) and a Triwulan II cycle run up to the
 * Sekretaris' check of the Draft SK (step 5); the Badan Kepegawaian gets its Evaluasi
 * Kinerja Internal SOP and a cycle past its meeting. The Dinas SDA of three Bidang
 * (tests/e2e/fixtures/multi-party-agency.ts) gets its evaluation SOP for
 * multi-party.spec.ts. Two agencies of one Kabupaten (and one of another) get a small tree each for
 * crosscut.spec.ts (tests/e2e/fixtures/crosscut-agencies.ts). A Dinas Kelautan dan Perikanan gets a
 * unit PK row and a Triwulan I cycle at its archive step for unit-archive-gate.spec.ts
 * (tests/e2e/fixtures/unit-gate-agency.ts). Run with --conditions=react-server.
 */
import { hashPassword } from "@/lib/auth/password";
import { ZMeetingInvitation, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, sendMeetingInvitation, startCycle, type CycleActor } from "@/lib/cycle/service";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { parseProcedureTable } from "@/lib/sop/paste-import";
import { activateSop, createSop } from "@/lib/sop/service";
import { storeUpload } from "@/lib/storage/service";

import { DRAFT_SK_OUTPUT, DRAFT_SK_PDF, freshMember, FRESH_AGENCIES, INSPEKTORAT, INSPEKTORAT_PENGENDALI, KEPEGAWAIAN, PERIKANAN, PERIKANAN_UNIT, VERSIONED_DRAFT, type TFreshAgency } from "../fixtures/fresh-agencies";
import { createAgencyRoles } from "./fixtures/agency-roles";
import { createCrosscutAgencies } from "./fixtures/crosscut-agencies";
import { CC } from "./fixtures/crosscut-data";
import { createMultiPartyAgency } from "./fixtures/multi-party-agency";
import { createUnitGateAgency } from "./fixtures/unit-gate-agency";

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? embedded!.url;
process.env.DATABASE_URL = url;
const db = createPrismaClient(url);

try {
  await applyMigrations(url);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const agency of FRESH_AGENCIES) await setUp(agency, passwordHash);
  await db.user.create({ data: { ...INSPEKTORAT, jabatan: "Auditor Ahli Muda", passwordHash } });
  await db.user.create({ data: { ...INSPEKTORAT_PENGENDALI, jabatan: "Auditor Ahli Madya", passwordHash } });
  await createMultiPartyAgency();
  await createCrosscutAgencies(await hashPassword(CC.password));
  await createUnitGateAgency(passwordHash);
} finally {
  await db.$disconnect();
  await embedded?.stop();
}

async function setUp(def: TFreshAgency, passwordHash: string) {
  const government = await db.government.upsert({ where: { level_name: def.government }, create: def.government, update: {} });
  const agency = await db.agency.create({
    data: { slug: def.slug, name: def.name, governmentId: government.id, timeZone: "WITA", city: def.government.name, unitName: def.unit },
    select: { id: true },
  });
  const roleIds = await createAgencyRoles(db, agency.id, def.roles);
  const users = new Map<string, { id: string; name: string; nip: string }>();
  for (const code of ["ADMIN", ...def.roles.map((r) => r.code)]) {
    const m = freshMember(def, code);
    const user = await db.user.create({ data: { nip: m.nip, name: m.name, email: m.email, jabatan: m.name, passwordHash }, select: { id: true, name: true, nip: true } });
    await db.membership.create({ data: { userId: user.id, roleId: roleIds.get(code)!, agencyId: agency.id } });
    users.set(code, user);
  }
  const actor = (code: string) => ({ agencyId: agency.id, actor: { ...users.get(code)!, roles: [code] }, meta: null });
  const cycleActor = (code: string, now: Date): CycleActor => ({ ...actor(code), roleIds: [roleIds.get(code)!], roleCodes: [code], now });

  const parsed = parseProcedureTable(def.table, def.roles);
  const head = def.roles.find((r) => r.isHead)!;
  const { id: sopId } = await createSop(
    {
      nomor: def === PERIKANAN ? "800/01/SOP/DISKAN/2026" : "800/07/SOP/BKPSDM/2026",
      nama: def === PERIKANAN ? "Pengukuran Kinerja dengan SK Tim" : "Evaluasi Kinerja Internal Triwulanan",
      unit: def.unit,
      tanggalPembuatan: "2026-01-05",
      tanggalRevisi: null,
      tanggalEfektif: "2026-01-12",
      disahkanJabatan: head.name,
      disahkanNama: users.get(head.code)!.name,
      disahkanPangkat: "Pembina Utama Muda (IV/c)",
      disahkanNip: users.get(head.code)!.nip,
      dasarHukum: ["Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP"],
      kualifikasiPelaksana: ["Memahami SAKIP"],
      keterkaitan: [],
      peralatan: ["Komputer"],
      pencatatan: ["Arsip"],
      peringatan: "",
      steps: parsed.steps,
    },
    actor("ADMIN"),
  );
  await activateSop(sopId, actor(head.code));

  const sop = await db.sop.findUniqueOrThrow({
    where: { id: sopId },
    select: { steps: { select: { number: true, kind: true, assignment: true, participants: { select: { roleId: true } }, executorRole: { select: { code: true } } } } },
  });
  // Perikanan: steps 1-4 done, step 5 (the Sekretaris' check) open. Kepegawaian: steps 1-3 done.
  await runCycle(2026, "TW2", "2026-04-07T01:00:00.000Z", def === KEPEGAWAIAN ? 4 : 5);
  if (def === PERIKANAN) {
    // The Tim Pengukuran member works in a Bidang: their data-input task (step 7) opens the unit's realization form.
    const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: PERIKANAN_UNIT, kind: "BIDANG", sortOrder: 1 }, select: { id: true } });
    await db.membership.updateMany({ where: { agencyId: agency.id, userId: users.get("TIM_PENGUKURAN")!.id }, data: { unitId: unit.id } });
    // Two more quarters for tests/e2e/desk-phone.spec.ts: the head's signature (step 6) waiting, and the data input (step 7).
    await runCycle(2026, "TW1", "2026-01-13T01:00:00.000Z", 6);
    await runCycle(2026, "TW3", "2026-07-07T01:00:00.000Z", 7);
    // Files as outputs (file-versions.spec.ts): Triwulan IV's draft sent as a PDF, returned by the
    // Sekretaris at step 5; the Kasubag Program's revision (round 2 of step 3) is open.
    const tw4 = await runCycle(2026, "TW4", "2026-10-06T01:00:00.000Z", 5);
    const check = await db.cycleTask.findFirstOrThrow({ where: { cycleId: tw4.cycleId, status: "ACTIVE" }, select: { id: true } });
    await actOnTask(
      ZTaskAction.parse({ cycleId: tw4.cycleId, taskId: check.id, event: "RETURN", comment: VERSIONED_DRAFT.returnReason }),
      cycleActor("SEKRETARIS", new Date(tw4.clock.getTime() + 40 * 60_000)),
    );
  }

  async function runCycle(year: number, period: "TW1" | "TW2" | "TW3" | "TW4", start: string, stopAt: number) {
    let clock = new Date(start);
    const { id: cycleId } = await startCycle({ sopId, year, period }, cycleActor(sop.steps.find((s) => s.number === 1)!.executorRole.code, clock));
    for (;;) {
      const open = await db.cycleTask.findFirst({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } }, select: { id: true, stepNumber: true } });
      if (!open || open.stepNumber === stopAt) break;
      const step = sop.steps.find((s) => s.number === open.stepNumber)!;
      clock = new Date(clock.getTime() + 40 * 60_000);
      const decision = step.kind === "REVIEW" || step.kind === "APPROVAL";
      const outputText =
        def === PERIKANAN && step.number === 3
          ? DRAFT_SK_OUTPUT
          : decision
            ? undefined
            : step.kind === "MEETING"
              ? "Notulen rapat evaluasi kinerja internal Triwulan II"
              : `Keluaran langkah ${step.number}`;
      // A joint meeting ("… bersama …"): the invitation goes out first, then every participant is ticked.
      const joint = step.kind === "MEETING" && step.assignment === "JOINT";
      if (joint) {
        await sendMeetingInvitation(
          ZMeetingInvitation.parse({ cycleId, taskId: open.id, date: "2026-04-09", time: "09:00", place: "Ruang rapat", agenda: "Evaluasi kinerja internal Triwulan II" }),
          cycleActor(step.executorRole.code, clock),
        );
      }
      const participants = joint
        ? await db.membership.findMany({ where: { agencyId: agency.id, roleId: { in: step.participants.map((p) => p.roleId) } }, select: { userId: true } })
        : [];
      if (def === PERIKANAN && (period === "TW1" || period === "TW4") && step.number === 3) {
        // The draft as a PDF: the head reads it in the browser before signing (desk-phone.spec.ts).
        await storeUpload({
          agencyId: agency.id,
          uploadedBy: { ...users.get(step.executorRole.code)!, roles: [step.executorRole.code] },
          roleIds: [roleIds.get(step.executorRole.code)!],
          unitIds: [],
          bytes: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
          originalName: period === "TW4" ? VERSIONED_DRAFT.v1 : DRAFT_SK_PDF,
          target: { taskId: open.id },
        });
      }
      const input = ZTaskAction.parse({
        cycleId,
        taskId: open.id,
        event: decision ? "APPROVE" : "COMPLETE",
        outputText,
        attendees: step.kind === "MEETING" ? ["Sekretaris", "Kepala Bidang Mutasi", "Kepala Bidang Pengembangan"] : undefined,
        decisions: step.kind === "MEETING" ? "Setiap bidang menyusun rencana tindak lanjut dalam 2 hari kerja." : undefined,
        attendance: joint ? [...new Set(participants.map((p) => p.userId))].map((userId) => ({ userId, status: "ATTENDED" })) : undefined,
      });
      await actOnTask(input, cycleActor(step.executorRole.code, clock));
    }
    return { cycleId, clock };
  }
}

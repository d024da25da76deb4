/**
 * Assignment modes on a real database, on a fresh agency nobody seeded: an
 * every-unit step ("setiap Bidang") run by three Kepala Bidang of three
 * Bidang, a decision returning one Bidang's work, a start refused for a Bidang
 * without a Kepala Bidang, a joint meeting ("bersama") that invites its
 * participants and records their attendance, and a data step that completes
 * by itself per Bidang once that Bidang has sent its realizations.
 */
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { ZMeetingInvitation, ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, sendMeetingInvitation, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { ZAgreementInput, ZRealizationSave } from "@/lib/performance/schemas";
import { saveAgreement, saveRealization } from "@/lib/performance/service";
import { toSopInput } from "@/lib/sop/mapping";
import { activateSop, createSop, SOP_FULL_INCLUDE } from "@/lib/sop/service";
import type { TSopInputDraft, TSopStepDraft } from "@/lib/sop/schemas";

import { actorOf, addMembership, createAgency, createUser, cycleActorOf } from "./factories";

const BIDANG = ["Bidang Irigasi", "Bidang Air Baku", "Bidang Sungai dan Pantai"];
const ROLES = ["KADIS", "SEKRETARIS", "KABID", "KASUBBAG"];

const step = (number: number, executorRoleCode: string, kind: TSopStepDraft["kind"], extra: Partial<TSopStepDraft> = {}): TSopStepDraft => ({
  number,
  kegiatan: `Kegiatan langkah ${number}`,
  executorRoleCode,
  kind,
  waktuJumlah: 1,
  waktuSatuan: "HARI",
  output: kind === "MEETING" ? "Notulen" : "Dokumen",
  ...extra,
});

/** Evaluasi triwulanan: every Bidang reports, the Kasubbag checks, the Sekretaris meets with the Kabid, the Kasubbag archives. */
function sopInput(dataStep: Partial<TSopStepDraft> = {}, checkStep = false): TSopInputDraft {
  const steps = [
    step(1, "SEKRETARIS", "DISPOSITION"),
    step(2, "KABID", "DRAFT", { assignment: "EVERY_UNIT", unitKind: "BIDANG", kegiatan: "Setiap Bidang menyusun laporan evaluasi", ...dataStep }),
    ...(checkStep ? [step(3, "KABID", "UPLOAD", { assignment: "EVERY_UNIT", unitKind: "BIDANG", kegiatan: "Setiap Bidang memeriksa dan menyampaikan laporannya" })] : []),
    step(3, "KASUBBAG", "REVIEW", { noStepNumber: 2 }),
    step(4, "SEKRETARIS", "MEETING", { assignment: "JOINT", participantRoleCodes: ["KABID"], kegiatan: "Rapat evaluasi bersama seluruh Bidang" }),
    step(5, "KASUBBAG", "ARCHIVE"),
  ];
  // With the check step, the steps after it move one number down.
  if (checkStep) for (const s of steps.slice(3)) s.number += 1;
  return {
    nomor: `SOP/EV/${Math.random().toString(36).slice(2, 8)}`,
    nama: "Evaluasi Kinerja Triwulanan",
    unit: "Sekretariat",
    tanggalPembuatan: "2026-01-05",
    // In force from January, so the year's quarters may run under it (lib/cycle/effective-period.ts).
    tanggalEfektif: "2026-01-05",
    disahkanJabatan: "Kepala Dinas",
    disahkanNama: "Kepala Dinas Uji",
    steps,
  };
}

async function world(options: { withoutKabid?: string; dataStep?: Partial<TSopStepDraft>; checkStep?: boolean } = {}) {
  const agency = await createAgency(ROLES);
  const units = [];
  for (const [i, name] of [...BIDANG, ...(options.withoutKabid ? [options.withoutKabid] : [])].entries()) {
    units.push(await db.orgUnit.create({ data: { agencyId: agency.id, name, kind: "BIDANG", sortOrder: i } }));
  }
  await db.orgUnit.create({ data: { agencyId: agency.id, name: "Sekretariat", kind: "SEKRETARIAT", sortOrder: 9 } });
  const user = async (code: string, name: string, unitId: string | null = null) => {
    const u = await createUser({ name });
    const m = await addMembership(u.id, agency, code);
    if (unitId) await db.membership.update({ where: { id: m.id }, data: { unitId } });
    return u;
  };
  const sekretaris = await user("SEKRETARIS", "Sekretaris Uji");
  const kasubbag = await user("KASUBBAG", "Kasubbag Uji");
  const kadis = await user("KADIS", "Kadis Uji");
  const admin = await user("ADMIN", "Admin Uji");
  const kabid: User[] = [];
  for (const [i, name] of BIDANG.entries()) kabid.push(await user("KABID", `Kabid ${name}`, units[i]!.id));
  const sopCtx = (u: User, code: string) => ({ agencyId: agency.id, actor: actorOf(u, [code]), meta: null });
  const { id: sopId } = await createSop(sopInput(options.dataStep, options.checkStep), sopCtx(admin, "ADMIN"));
  await activateSop(sopId, sopCtx(kadis, "KADIS"));
  const as = (u: User, code: string) => cycleActorOf(u, agency, [code]);
  return { agency, units, sekretaris, kasubbag, kadis, admin, kabid, sopId, as };
}
type World = Awaited<ReturnType<typeof world>>;

const start = (w: World, period: "TW1" | "TW2" = "TW1") => startCycle(ZStartCycle.parse({ sopId: w.sopId, year: 2026, period }), w.as(w.sekretaris, "SEKRETARIS"));
const openTasks = (cycleId: string) =>
  db.cycleTask.findMany({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } }, orderBy: [{ stepNumber: "asc" }, { unitName: "asc" }] });

async function act(cycleId: string, taskId: string, event: TTaskAction["event"], ctx: ReturnType<World["as"]>, work: Partial<TTaskAction> = {}) {
  return actOnTask(ZTaskAction.parse({ cycleId, taskId, event, outputText: "Isi", ...work }), ctx);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

/** Step 1 done: the cycle waits at the every-unit step. */
async function atEveryUnitStep(w: World) {
  const { id: cycleId } = await start(w);
  const [first] = await openTasks(cycleId);
  await act(cycleId, first!.id, "COMPLETE", w.as(w.sekretaris, "SEKRETARIS"));
  return cycleId;
}

const kabidTask = async (w: World, cycleId: string, i: number) => (await openTasks(cycleId)).find((t) => t.unitId === w.units[i]!.id)!;

describe("every-unit step (setiap Bidang)", () => {
  it("gives each Bidang its own sub-task, sent to its Kabid only, and completes only after the third Bidang submits", async () => {
    const w = await world();
    const cycleId = await atEveryUnitStep(w);
    const open = await openTasks(cycleId);
    expect(open.map((t) => [t.stepNumber, t.unitName, t.status])).toEqual(
      [...BIDANG].sort().map((name) => [2, name, "ACTIVE"]),
    );
    // Each Kabid is notified of their own Bidang's sub-task only.
    for (const [i, kabid] of w.kabid.entries()) {
      const notes = await db.notification.findMany({ where: { userId: kabid.id, kind: "NEW_TASK" }, select: { taskId: true } });
      expect(notes.map((n) => n.taskId)).toEqual([(await kabidTask(w, cycleId, i)).id]);
    }
    // A Kabid cannot do another Bidang's sub-task.
    const other = await kabidTask(w, cycleId, 1);
    expect(await refusal(act(cycleId, other.id, "COMPLETE", w.as(w.kabid[0]!, "KABID")))).toBe(M.notYourUnitTask("Peran KABID", BIDANG[1]!));

    await act(cycleId, (await kabidTask(w, cycleId, 0)).id, "COMPLETE", w.as(w.kabid[0]!, "KABID"));
    await act(cycleId, (await kabidTask(w, cycleId, 2)).id, "COMPLETE", w.as(w.kabid[2]!, "KABID"));
    // Two of three: nothing moves on, the one missing is still open.
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.unitName])).toEqual([[2, BIDANG[1]]]);

    const third = await act(cycleId, (await kabidTask(w, cycleId, 1)).id, "COMPLETE", w.as(w.kabid[1]!, "KABID"));
    expect(third.opened).toEqual([{ stepNumber: 3, round: 1, status: "ACTIVE" }]);
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.unitId])).toEqual([[3, null]]);
  });

  it("returning one Bidang's work re-opens only that sub-task; its resubmission brings the decision back", async () => {
    const w = await world();
    const cycleId = await atEveryUnitStep(w);
    for (const i of [0, 1, 2]) await act(cycleId, (await kabidTask(w, cycleId, i)).id, "COMPLETE", w.as(w.kabid[i]!, "KABID"));
    const [review] = await openTasks(cycleId);
    const reason = "Laporan Bidang Air Baku belum memuat data debit.";
    await act(cycleId, review!.id, "RETURN", w.as(w.kasubbag, "KASUBBAG"), { comment: reason, returnUnitId: w.units[1]!.id });

    const open = await openTasks(cycleId);
    expect(open.map((t) => [t.stepNumber, t.round, t.unitName, t.status, t.returnReason])).toEqual([[2, 2, BIDANG[1], "RETURNED", reason]]);
    const returnedTo = await db.notification.findMany({ where: { cycleId, kind: "RETURNED" }, select: { userId: true } });
    expect(returnedTo.map((n) => n.userId)).toEqual([w.kabid[1]!.id]);

    await act(cycleId, open[0]!.id, "RESUBMIT", w.as(w.kabid[1]!, "KABID"));
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.round])).toEqual([[3, 2]]);
  });

  it("returning one Bidang's work re-runs the every-unit steps up to the decision for that Bidang only", async () => {
    const w = await world({ checkStep: true });
    const cycleId = await atEveryUnitStep(w);
    for (const stepNumber of [2, 3]) {
      for (const i of [0, 1, 2]) await act(cycleId, (await kabidTask(w, cycleId, i)).id, "COMPLETE", w.as(w.kabid[i]!, "KABID"));
      if (stepNumber === 2) expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.unitName])).toEqual([...BIDANG].sort().map((n) => [3, n]));
    }
    const doneBefore = await db.cycleTask.findMany({ where: { cycleId, status: "DONE", unitId: { not: null } }, select: { id: true } });
    const [review] = await openTasks(cycleId);
    expect(review!.stepNumber).toBe(4);
    const reason = "Laporan Bidang Air Baku belum memuat data debit.";
    await act(cycleId, review!.id, "RETURN", w.as(w.kasubbag, "KASUBBAG"), { comment: reason, returnUnitId: w.units[1]!.id });

    const returned = await openTasks(cycleId);
    expect(returned.map((t) => [t.stepNumber, t.round, t.unitName, t.status])).toEqual([[2, 2, BIDANG[1], "RETURNED"]]);
    const resubmit = await act(cycleId, returned[0]!.id, "RESUBMIT", w.as(w.kabid[1]!, "KABID"));
    // Only Bidang Air Baku checks its report again; the other Bidang's check stays done.
    expect(resubmit.opened).toEqual([{ stepNumber: 3, round: 2, status: "ACTIVE", unitId: w.units[1]!.id }]);
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.round, t.unitName])).toEqual([[3, 2, BIDANG[1]]]);
    const others = await db.notification.count({ where: { cycleId, kind: "NEW_TASK", userId: { in: [w.kabid[0]!.id, w.kabid[2]!.id] } } });
    expect(others).toBe(4); // steps 2 and 3, round 1, nothing since

    await act(cycleId, (await kabidTask(w, cycleId, 1)).id, "COMPLETE", w.as(w.kabid[1]!, "KABID"));
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.round, t.unitId])).toEqual([[4, 2, null]]);
    // The other Bidang's done sub-tasks were neither re-opened nor re-created.
    const unitTasks = await db.cycleTask.findMany({ where: { cycleId, unitId: { in: [w.units[0]!.id, w.units[2]!.id] } }, select: { id: true, status: true } });
    expect(unitTasks.map((t) => t.status)).toEqual(["DONE", "DONE", "DONE", "DONE"]);
    expect(doneBefore.map((t) => t.id)).toEqual(expect.arrayContaining(unitTasks.map((t) => t.id)));
  });

  it("refuses to start, naming the Bidang and the role, when a Bidang has no Kabid; nothing is created", async () => {
    const w = await world({ withoutKabid: "Bidang Tanpa Kabid" });
    const before = await db.measurementCycle.count({ where: { agencyId: w.agency.id } });
    const message = await refusal(start(w));
    expect(message).toBe(M.unitWithoutHolder(2, ["Bidang Tanpa Kabid"], "Peran KABID"));
    expect(message).toContain("Bidang Tanpa Kabid belum memiliki anggota aktif dengan peran Peran KABID");
    expect(await db.measurementCycle.count({ where: { agencyId: w.agency.id } })).toBe(before);
    expect(await db.cycleTask.count({ where: { agencyId: w.agency.id } })).toBe(0);
  });
});

describe("joint meeting step (bersama)", () => {
  async function atMeeting(w: World) {
    const cycleId = await atEveryUnitStep(w);
    for (const i of [0, 1, 2]) await act(cycleId, (await kabidTask(w, cycleId, i)).id, "COMPLETE", w.as(w.kabid[i]!, "KABID"));
    const [review] = await openTasks(cycleId);
    await act(cycleId, review!.id, "APPROVE", w.as(w.kasubbag, "KASUBBAG"));
    const [meeting] = await openTasks(cycleId);
    return { cycleId, meeting: meeting! };
  }

  it("tells the participants, invites them with date, time, place and agenda, and records who attended, was represented or absent", async () => {
    const w = await world();
    const { cycleId, meeting } = await atMeeting(w);
    expect(meeting.stepNumber).toBe(4);
    // Participants see the task as participants.
    const participants = await db.notification.findMany({ where: { taskId: meeting.id, kind: "PARTICIPANT" }, select: { userId: true } });
    expect(participants.map((n) => n.userId).sort()).toEqual(w.kabid.map((k) => k.id).sort());

    const sek = w.as(w.sekretaris, "SEKRETARIS");
    const minutes = { outputText: "Notulen rapat evaluasi", decisions: "Laporan disepakati" };
    // Not before the invitation went out.
    expect(await refusal(act(cycleId, meeting.id, "COMPLETE", sek, minutes))).toBe(M.invitationFirst);
    // Only the executor invites.
    const invitation = ZMeetingInvitation.parse({ cycleId, taskId: meeting.id, date: "2026-04-14", time: "09:00", place: "Aula Dinas", agenda: "Evaluasi TW I" });
    expect(await refusal(sendMeetingInvitation(invitation, w.as(w.kabid[0]!, "KABID")))).toBe(M.notExecutor("Peran SEKRETARIS"));

    const sent = await sendMeetingInvitation(invitation, sek);
    expect(sent.invited).toBe(3);
    expect(sent.meetingAt.toISOString()).toBe("2026-04-14T02:00:00.000Z");
    const invites = await db.notification.findMany({ where: { taskId: meeting.id, kind: "INVITATION" }, select: { userId: true, body: true } });
    expect(invites).toHaveLength(3);
    expect(invites[0]!.body).toBe(M.invitationBody("14 April 2026 09.00 WIB", "Aula Dinas", "Evaluasi TW I"));

    // Attendance is ticked from the member list: everyone, and who came instead.
    const [a, b, c] = w.kabid;
    expect(await refusal(act(cycleId, meeting.id, "COMPLETE", sek, { ...minutes, attendance: [{ userId: a!.id, status: "ATTENDED" }] }))).toBe(
      M.attendanceIncomplete([b!.name, c!.name].sort()),
    );
    const represented: { userId: string; status: "ATTENDED" | "REPRESENTED" | "ABSENT"; representedBy?: string }[] = [
      { userId: a!.id, status: "ATTENDED" as const },
      { userId: b!.id, status: "REPRESENTED" as const },
      { userId: c!.id, status: "ABSENT" as const },
    ];
    expect(await refusal(act(cycleId, meeting.id, "COMPLETE", sek, { ...minutes, attendance: represented }))).toBe(M.representedByRequired([b!.name]));
    represented[1] = { ...represented[1]!, representedBy: "Kasi Air Baku" };
    await act(cycleId, meeting.id, "COMPLETE", sek, { ...minutes, attendance: represented });

    const rows = await db.taskAttendance.findMany({ where: { taskId: meeting.id }, select: { userId: true, name: true, roleName: true, status: true, representedBy: true } });
    expect(rows.sort((x, y) => x.name.localeCompare(y.name))).toEqual(
      [
        { userId: a!.id, name: a!.name, roleName: "Peran KABID", status: "ATTENDED", representedBy: null },
        { userId: b!.id, name: b!.name, roleName: "Peran KABID", status: "REPRESENTED", representedBy: "Kasi Air Baku" },
        { userId: c!.id, name: c!.name, roleName: "Peran KABID", status: "ABSENT", representedBy: null },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    );
    expect((await openTasks(cycleId)).map((t) => t.stepNumber)).toEqual([5]);
  });
});

describe("every-unit data step (INPUT)", () => {
  it("completes by itself for each Bidang once that Bidang has sent its realizations, and moves on after the last", async () => {
    const w = await world({ dataStep: { kind: "INPUT", kelengkapan: "Data dukung" } });
    const admin = { agencyId: w.agency.id, actor: actorOf(w.admin, ["ADMIN"]), meta: null };
    const indicator = (code: string, unit: string) => ({
      code,
      name: `Indikator ${code}`,
      unit: "%",
      polarity: "HIGHER" as const,
      aggregation: "LAST" as const,
      orgUnit: unit,
      targetType: "SINGLE" as const,
      targetValue: "80",
      targetMin: null,
      targetMax: null,
      quarters: [1, 2, 3, 4].map(() => ({ targetValue: "80", targetMin: null, targetMax: null })),
    });
    await saveAgreement(
      ZAgreementInput.parse({
        year: 2026,
        signedAt: "2026-02-10",
        firstPartyName: "Kadis",
        firstPartyJabatan: "Kepala Dinas",
        secondPartyName: "Bupati",
        secondPartyJabatan: "Bupati",
        goals: [{ code: "S1", name: "Sasaran", indicators: BIDANG.map((u, i) => indicator(`I${i + 1}`, u)) }],
      }),
      admin,
    );
    const indicators = await db.indicator.findMany({ where: { agencyId: w.agency.id }, orderBy: { code: "asc" } });
    const cycleId = await atEveryUnitStep(w);
    const submit = (i: number) =>
      saveRealization(
        ZRealizationSave.parse({ indicatorId: indicators[i]!.id, year: 2026, quarter: 1, value: "85", submit: true }),
        { ...admin, actor: actorOf(w.kabid[i]!, ["KABID"]), unitIds: [w.units[i]!.id] },
      );
    await submit(0);
    await submit(2);
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.unitName])).toEqual([[2, BIDANG[1]]]);
    const auto = await db.cycleTask.findFirstOrThrow({ where: { cycleId, unitId: w.units[0]!.id } });
    expect(auto).toMatchObject({ status: "DONE", completedById: w.kabid[0]!.id, outputText: M.unitInputSent });

    await submit(1);
    expect((await openTasks(cycleId)).map((t) => [t.stepNumber, t.unitId])).toEqual([[3, null]]);
  });
});

describe("an SOP's assignment modes are saved and exchanged", () => {
  it("keeps every-unit (by kind or by chosen units) and joint steps, and refuses a unit the agency lacks", async () => {
    const w = await world();
    const ctx = { agencyId: w.agency.id, actor: actorOf(w.admin, ["ADMIN"]), meta: null };
    const input = sopInput({ unitKind: null, unitNames: [BIDANG[2]!, BIDANG[0]!] });
    const { id } = await createSop(input, ctx);
    const saved = await db.sop.findUniqueOrThrow({ where: { id }, include: SOP_FULL_INCLUDE });
    const steps = toSopInput(saved).steps;
    expect(steps.map((s) => [s.number, s.assignment, s.unitKind, s.unitNames])).toEqual([
      [1, "SINGLE", null, []],
      [2, "EVERY_UNIT", null, [BIDANG[0], BIDANG[2]].sort()],
      [3, "SINGLE", null, []],
      [4, "JOINT", null, []],
      [5, "SINGLE", null, []],
    ]);
    const message = await refusal(createSop(sopInput({ unitKind: null, unitNames: ["Bidang Tidak Ada"] }), ctx));
    expect(message).toContain('Unit "Bidang Tidak Ada" tidak ada di instansi ini');
  });
});

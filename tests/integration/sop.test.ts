import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { db } from "@/lib/db/client";
import { EXCHANGE_MESSAGES, parseSopJson, toSopJson } from "@/lib/sop/exchange";
import { toSopInput } from "@/lib/sop/mapping";
import { SOP_SERVICE_MESSAGES } from "@/lib/sop/messages";
import { getSop, getSopWithHeadRole } from "@/lib/sop/queries";
import type { TSopInput, TSopStep } from "@/lib/sop/schemas";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import {
  activateSop,
  archiveSop,
  createNewVersion,
  createSop,
  recordSopExport,
  SOP_FULL_INCLUDE,
  updateSopDraft,
  type SopActor,
} from "@/lib/sop/service";
import { SOP_FLOW_MESSAGES } from "@/lib/sop/validate";

import { actorOf, createAgency, createUser } from "./factories";

const BMCKTR_ROLES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN"];
const seed = SEED_SOPS["bmcktr-sumbar"];

type TAgency = Awaited<ReturnType<typeof createAgency>>;

async function setup(roles = BMCKTR_ROLES) {
  const agency = await createAgency(roles);
  const admin = await createUser({ name: "Admin SOP" });
  const ctx: SopActor = { agencyId: agency.id, actor: actorOf(admin), meta: { ip: "10.1.2.3", userAgent: "vitest", requestId: "req-sop" } };
  return { agency, admin, ctx };
}

async function readInput(sopId: string) {
  const sop = await db.sop.findUniqueOrThrow({ where: { id: sopId }, include: SOP_FULL_INCLUDE });
  return toSopInput(sop);
}

/** Everything an SOP write touches, for one agency. */
async function countRows(agency: TAgency) {
  const [series, sops, steps, participants, events] = await Promise.all([
    db.sopSeries.count({ where: { agencyId: agency.id } }),
    db.sop.count({ where: { agencyId: agency.id } }),
    db.sopStep.count({ where: { sop: { agencyId: agency.id } } }),
    db.sopStepParticipant.count({ where: { step: { sop: { agencyId: agency.id } } } }),
    db.auditEvent.count({ where: { agencyId: agency.id } }),
  ]);
  return { series, sops, steps, participants, events };
}

/** The seed SOP with one step changed. */
function seedWith(stepNumber: number, change: Partial<TSopStep>): TSopInput {
  const sop = structuredClone(seed);
  Object.assign(sop.steps[stepNumber - 1]!, change);
  return sop;
}

async function auditActions(agency: TAgency, entityId: string) {
  const events = await db.auditEvent.findMany({ where: { agencyId: agency.id, entityId }, orderBy: { id: "asc" } });
  return events;
}

/** createSop + activateSop: version 1, ACTIVE. */
async function activeSop(ctx: SopActor, input: TSopInput = seed) {
  const { id } = await createSop(input, ctx);
  await activateSop(id, ctx);
  return id;
}

describe("createSop", () => {
  it("stores every header field and step: read back, it equals the input", async () => {
    const { agency, ctx } = await setup();
    const { id } = await createSop(seed, ctx);
    expect(await readInput(id)).toEqual(seed);
    const sop = await db.sop.findUniqueOrThrow({ where: { id } });
    expect(sop).toMatchObject({ agencyId: agency.id, version: 1, status: "DRAFT", createdById: ctx.actor.id, activatedAt: null });
    // Participants ("Sekretaris dan Bidang mengisi ...") are kept, not dropped.
    const step4 = await db.sopStep.findFirstOrThrow({ where: { sopId: id, number: 4 }, include: { participants: { include: { role: true } } } });
    expect(step4.participants.map((p) => p.role.code)).toEqual(["BIDANG"]);
  });

  it("keeps Nomor SOP unique within an agency and refuses the second one without saving anything", async () => {
    const { agency, ctx } = await setup();
    await createSop(seed, ctx);
    const before = await countRows(agency);
    const copy = { ...structuredClone(seed), nama: "Salinan Pengukuran Kinerja" };
    const error = await createSop(copy, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(SOP_SERVICE_MESSAGES.nomorTaken(seed.nomor));
    expect((error as AppError).message).toBe("Nomor SOP 150/SOP-BMCKTR/2024 sudah dipakai SOP lain di instansi ini.");
    expect((error as AppError).fieldErrors).toEqual({ nomor: [SOP_SERVICE_MESSAGES.nomorTaken(seed.nomor)] });
    expect(await countRows(agency)).toEqual(before);
    expect(before).toMatchObject({ series: 1, sops: 1, steps: 9, participants: 4 });
  });

  // Skipped until lib/sop/service.ts maps the unique-index violation (P2002) to the Indonesian message: on
  // PostgreSQL the loser of the race gets a raw Prisma error today (the embedded database serialises, so it passes there).
  it("refuses the same Nomor SOP saved twice at the same moment with the same Indonesian message", async () => {
    const { agency, ctx } = await setup();
    const results = await Promise.allSettled([createSop(seed, ctx), createSop(seed, ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(AppError);
    expect((rejected?.reason as Error).message).toBe(SOP_SERVICE_MESSAGES.nomorTaken(seed.nomor));
    expect(await countRows(agency)).toMatchObject({ series: 1, sops: 1, steps: 9 });
  });

  it("allows the same Nomor SOP in another agency", async () => {
    const first = await setup();
    const second = await setup();
    await createSop(seed, first.ctx);
    const { id } = await createSop(seed, second.ctx);
    expect((await db.sop.findUniqueOrThrow({ where: { id } })).agencyId).toBe(second.agency.id);
    expect(await db.sopSeries.count({ where: { nomor: seed.nomor, agencyId: { in: [first.agency.id, second.agency.id] } } })).toBe(2);
  });

  it.each<[string, TSopInput, string]>([
    [
      "an executor also listed as participant",
      seedWith(4, { participantRoleCodes: ["BIDANG", "SEKRETARIS"] }),
      SOP_FLOW_MESSAGES.executorAlsoParticipant("SEKRETARIS"),
    ],
    ['a "Tidak" that goes to a later step', seedWith(7, { noStepNumber: 8 }), SOP_FLOW_MESSAGES.noMustGoBack(7, 8)],
    ["an executor role the agency does not have", seedWith(3, { executorRoleCode: "JFP" }), SOP_FLOW_MESSAGES.unknownExecutor("JFP")],
    ["a participant role the agency does not have", seedWith(2, { participantRoleCodes: ["INSPEKTUR"] }), SOP_FLOW_MESSAGES.unknownParticipant("INSPEKTUR")],
    ["zero waktu", seedWith(5, { waktuJumlah: 0 }), SOP_FLOW_MESSAGES.waktuPositive],
    ["negative waktu", seedWith(5, { waktuJumlah: -2 }), SOP_FLOW_MESSAGES.waktuPositive],
    ["a step no flow reaches", seedWith(7, { yesStepNumber: 9 }), SOP_FLOW_MESSAGES.unreachable(8)],
  ])("refuses %s with the specific message, saving nothing", async (_name, input, message) => {
    const { agency, ctx } = await setup();
    const before = await countRows(agency);
    const error = await createSop(input, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).message).toBe(`SOP belum dapat disimpan: ${message}`);
    expect(Object.values((error as AppError).fieldErrors ?? {}).flat()).toContain(message);
    expect(await countRows(agency)).toEqual(before);
  });
});

describe("versions and activation", () => {
  it("refuses to edit an ACTIVE SOP in place", async () => {
    const { agency, ctx } = await setup();
    const id = await activeSop(ctx);
    const before = await countRows(agency);
    await expect(updateSopDraft(id, { ...structuredClone(seed), nama: "Diubah" }, ctx)).rejects.toThrow(SOP_SERVICE_MESSAGES.onlyDraftEditable);
    expect(await countRows(agency)).toEqual(before);
    expect((await db.sop.findUniqueOrThrow({ where: { id } })).nama).toBe(seed.nama);
  });

  it("makes version 2 as a DRAFT copy of the ACTIVE one, once", async () => {
    const { ctx } = await setup();
    const v1 = await activeSop(ctx);
    const first = await createNewVersion(v1, ctx);
    expect(first.existing).toBe(false);
    const v2 = await db.sop.findUniqueOrThrow({ where: { id: first.id } });
    expect(v2).toMatchObject({ version: 2, status: "DRAFT", supersedesId: v1, activatedAt: null });
    expect(await readInput(first.id)).toEqual(seed);
    // Asking again (double click, second tab) gives the same draft.
    expect(await createNewVersion(v1, ctx)).toEqual({ id: first.id, existing: true });
    expect(await db.sop.count({ where: { seriesId: v2.seriesId } })).toBe(2);
  });

  // Skipped until createNewVersion answers a lost race with the winner's draft (see the note above the nomor race test).
  it("gives both of two simultaneous new-version requests the same draft", async () => {
    const { ctx } = await setup();
    const v1 = await activeSop(ctx);
    const results = await Promise.all([createNewVersion(v1, ctx), createNewVersion(v1, ctx)]);
    expect(results[0]!.id).toBe(results[1]!.id);
    expect(results.map((r) => r.existing).sort()).toEqual([false, true]);
    expect(await db.auditEvent.count({ where: { entityId: results[0]!.id, action: "sop.version_create" } })).toBe(1);
  });

  it("activating version 2 supersedes version 1 and records who activated it", async () => {
    const { agency, ctx } = await setup();
    const head = await createUser({ name: "Kepala Dinas" });
    const headCtx: SopActor = { ...ctx, actor: actorOf(head, ["KADIS"]) };
    const v1 = await activeSop(ctx);
    const { id: v2 } = await createNewVersion(v1, ctx);
    const result = await activateSop(v2, headCtx);
    expect(result).toEqual({ id: v2, supersededSopId: v1 });
    const [old, current] = await Promise.all([db.sop.findUniqueOrThrow({ where: { id: v1 } }), db.sop.findUniqueOrThrow({ where: { id: v2 } })]);
    expect(old.status).toBe("SUPERSEDED");
    expect(current.status).toBe("ACTIVE");
    expect(current.activatedById).toBe(head.id);
    expect(current.activatedAt).toBeInstanceOf(Date);
    expect(await db.sop.count({ where: { agencyId: agency.id, seriesId: current.seriesId, status: "ACTIVE" } })).toBe(1);

    await expect(activateSop(v2, headCtx)).rejects.toThrow("sudah disahkan");
  });

  it("lets exactly one of five concurrent activations of one draft win", async () => {
    const { agency, ctx } = await setup();
    const { id } = await createSop(seed, ctx);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => activateSop(id, ctx)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, entityId: id, action: "sop.activate" } })).toBe(1);
    expect((await db.sop.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
  });

  it("lets exactly one of five concurrent activations of a version 2 win, leaving one ACTIVE version", async () => {
    const { agency, ctx } = await setup();
    const v1 = await activeSop(ctx);
    const { id: v2 } = await createNewVersion(v1, ctx);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => activateSop(v2, ctx)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, entityId: v2, action: "sop.activate" } })).toBe(1);
    const statuses = await db.sop.findMany({ where: { agencyId: agency.id }, orderBy: { version: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["SUPERSEDED", "ACTIVE"]);
  });
});

describe("audit trail", () => {
  it("records create, update (with the changes), new version, activation, archive and export", async () => {
    const { agency, admin, ctx } = await setup();
    const { id: v1 } = await createSop(seed, ctx);
    const edited = { ...structuredClone(seed), nama: "Pengukuran Kinerja Triwulanan" };
    expect(await updateSopDraft(v1, edited, ctx)).toEqual({ id: v1, changes: 1 });
    await activateSop(v1, ctx);
    const { id: v2 } = await createNewVersion(v1, ctx);
    await activateSop(v2, ctx);
    await archiveSop(v2, ctx);
    await recordSopExport({ id: v2, nomor: seed.nomor, version: 2 }, "xlsx", ctx);

    const first = await auditActions(agency, v1);
    expect(first.map((e) => e.action)).toEqual(["sop.create", "sop.update", "sop.activate"]);
    expect(first[0]!.data).toEqual({ nomor: seed.nomor, nama: seed.nama, version: 1, steps: 9 });
    expect(first[1]!.data).toMatchObject({
      nomor: seed.nomor,
      version: 1,
      changes: [{ kind: "header", field: "nama", label: "Nama SOP", before: seed.nama, after: "Pengukuran Kinerja Triwulanan" }],
    });
    expect(first[2]!.data).toMatchObject({ status: { before: "DRAFT", after: "ACTIVE" }, supersededSopId: null });

    const second = await auditActions(agency, v2);
    expect(second.map((e) => e.action)).toEqual(["sop.version_create", "sop.activate", "sop.archive", "sop.export"]);
    expect(second[0]!.data).toEqual({ nomor: seed.nomor, version: 2, fromSopId: v1, fromVersion: 1 });
    expect(second[1]!.data).toMatchObject({ supersededSopId: v1 });
    expect(second[2]!.data).toMatchObject({ status: { before: "ACTIVE", after: "ARCHIVED" } });
    expect(second[3]!.data).toEqual({ nomor: seed.nomor, version: 2, format: "xlsx" });
    for (const event of [...first, ...second]) {
      expect(event).toMatchObject({ actorId: admin.id, entityType: "Sop", ip: "10.1.2.3", userAgent: "vitest" });
      expect(event.actorSnapshot).toMatchObject({ name: admin.name, nip: admin.nip });
    }
    expect((await db.sop.findUniqueOrThrow({ where: { id: v2 } })).status).toBe("ARCHIVED");
  });
});

describe("updateSopDraft", () => {
  // Skipped until diffSops treats participants as a set: they are stored unordered and read back sorted,
  // so saving a draft unchanged with participants in another order records a change that did not happen.
  it("records no change when a draft is saved unchanged with participants in another order", async () => {
    const { agency, ctx } = await setup();
    const input = seedWith(7, { participantRoleCodes: ["TIM_SAKIP", "SEKRETARIS"] });
    const { id } = await createSop(input, ctx);
    expect(await updateSopDraft(id, input, ctx)).toEqual({ id, changes: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, entityId: id, action: "sop.update" } });
    expect(event.data).toMatchObject({ changes: [] });
  });
});

describe("JSON exchange", () => {
  it("round-trips: export, import into another agency with the same role codes, equal content", async () => {
    const source = await setup();
    const target = await setup();
    const id = await activeSop(source.ctx);
    const sop = await getSop(source.agency.id, id);
    const roles = [...new Map(sop!.steps.flatMap((s) => [s.executorRole, ...s.participants.map((p) => p.role)]).map((r) => [r.code, { code: r.code, name: r.name }])).values()];
    const text = JSON.stringify(toSopJson(toSopInput(sop!), { agency: source.agency.slug, version: sop!.version, status: sop!.status }, roles));

    const { id: imported } = await createSop(parseSopJson(text), target.ctx, "import");
    expect(await readInput(imported)).toEqual(seed);
    const copy = await db.sop.findUniqueOrThrow({ where: { id: imported } });
    expect(copy).toMatchObject({ agencyId: target.agency.id, version: 1, status: "DRAFT" });
    expect(await db.auditEvent.count({ where: { agencyId: target.agency.id, entityId: imported, action: "sop.import" } })).toBe(1);
  });

  it("refuses a JSON of another format, and an agency lacking the roles", async () => {
    const { agency } = await setup();
    const before = await countRows(agency);
    expect(() => parseSopJson(JSON.stringify({ format: "lain", formatVersion: 1, sop: seed }))).toThrow(EXCHANGE_MESSAGES.wrongFormat);
    expect(() => parseSopJson(JSON.stringify({ ...toSopJson(seed, { agency: "x", version: 1, status: "ACTIVE" }, []), formatVersion: 2 }))).toThrow(
      EXCHANGE_MESSAGES.wrongFormat,
    );
    expect(() => parseSopJson(JSON.stringify(seed))).toThrow(EXCHANGE_MESSAGES.wrongFormat);
    expect(() => parseSopJson("{bukan json")).toThrow(EXCHANGE_MESSAGES.notJson);

    const other = await setup(["KADIS", "TIM_SAKIP"]);
    const text = JSON.stringify(toSopJson(seed, { agency: agency.slug, version: 1, status: "ACTIVE" }, []));
    await expect(createSop(parseSopJson(text), other.ctx, "import")).rejects.toThrow(SOP_FLOW_MESSAGES.unknownExecutor("SEKRETARIS"));
    expect(await countRows(other.agency)).toMatchObject({ series: 0, sops: 0, events: 0 });
    expect(await countRows(agency)).toEqual(before);
  });
});

describe("reads are scoped by agency", () => {
  it("does not load another agency's SOP by id", async () => {
    const mine = await setup();
    const theirs = await setup();
    const id = await activeSop(theirs.ctx);
    expect(await getSop(mine.agency.id, id)).toBeNull();
    expect((await getSop(theirs.agency.id, id))?.series.versions).toHaveLength(1);
  });

  it("the document page's read (one statement): the same SOP as getSop and the head role's name, scoped too", async () => {
    const mine = await setup();
    const theirs = await setup();
    const id = await activeSop(theirs.ctx);
    expect(await getSopWithHeadRole(mine.agency.id, id)).toBeNull();
    const found = await getSopWithHeadRole(theirs.agency.id, id);
    expect(found).toEqual({ sop: await getSop(theirs.agency.id, id), headRoleName: "Peran KADIS" });
    // No head role: the document prints the signer's title as entered.
    await db.role.updateMany({ where: { agencyId: theirs.agency.id }, data: { isHead: false } });
    expect((await getSopWithHeadRole(theirs.agency.id, id))?.headRoleName).toBeNull();
  });
});

/**
 * The audit pages' reads on a real database: the keyset-paginated log and its
 * filters (never another agency's rows), a cycle's timeline with a return, the
 * SLA summary against hand-computed figures, and the CSV writer the exports use.
 * Cycles are driven through the real services with a controlled clock, so
 * durations are exact.
 */
import { describe, expect, it } from "vitest";

import { chainKeyFor, verifyChain } from "@/lib/audit/chain";
import { sequenceAll } from "@/lib/audit/sequencer";
import { CSV_BOM, auditLogCsvRow, csvRow, timelineCsvRows, toCsv } from "@/lib/audit/csv";
import { ZAuditEventInput } from "@/lib/audit/events";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_MESSAGES, summarizeEvent } from "@/lib/audit/labels";
import {
  cycleTimeline,
  describeAuditRows,
  iterateAuditEvents,
  listAuditEvents,
  listAuditFilterOptions,
  localMidnightUtc,
  parseAuditParams,
  slaSummary,
  type TAuditFilters,
} from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle, type CycleActor } from "@/lib/cycle/service";
import { parseSlaParams, slaAnalytics } from "@/lib/audit/sla-queries";
import { db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import type { User } from "@/lib/generated/prisma/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgency, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type RoleCode = (typeof ROLE_CODES)[number];
const REASON = 'Data dukung Bidang Jalan belum lengkap: lampirkan foto, berita acara "progres fisik".';
const MINUTE = 60_000;

const sopStep = (n: number) => SOP.steps.find((s) => s.number === n)!;

// ---------------------------------------------------------------------------
// World: an agency shaped like Dinas BMCKTR with one member per role and its active SOP
// ---------------------------------------------------------------------------

async function setupAgency() {
  const agency = await createAgencyLike(SUMBAR);
  const users = {} as Record<RoleCode, User>;
  for (const code of ROLE_CODES) {
    users[code] = await createUser({ name: `${code} ${agency.slug}` });
    await addMembership(users[code].id, agency, code);
  }
  const sopCtx = (code: RoleCode) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  const sop = await db.sop.findUniqueOrThrow({ where: { id: sopId }, select: { seriesId: true } });
  const as = (code: RoleCode, now: Date): CycleActor => cycleActorOf(users[code], agency, [code], now);
  return { agency, users, sopId, seriesId: sop.seriesId, as };
}
type World = Awaited<ReturnType<typeof setupAgency>>;

function workFor(stepNumber: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> {
  const step = sopStep(stepNumber);
  if (step.kind === "MEETING") return { outputText: "Notulen rapat", attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Format disiapkan." };
  if (step.kind === "INPUT") {
    return { outputText: `${step.output} (langkah ${stepNumber})`, checklist: step.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean) };
  }
  return step.output.trim() ? { outputText: `${step.output} (langkah ${stepNumber})` } : {};
}

/**
 * Runs a cycle to completion. `minutes[n]` is how long each run of step n takes
 * (default 5); `returnAt7` sends step 7 back to step 4 once with REASON.
 */
async function runCycle(w: World, period: "TW1" | "TW2" | "TW3", start: Date, opts: { minutes?: Record<number, number>; returnAt7?: boolean } = {}) {
  let clock = start;
  const first = sopStep(1).executorRoleCode as RoleCode;
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: 2026, period }), w.as(first, clock));
  let returned = false;
  for (let guard = 0; guard < 30; guard++) {
    const open = await db.cycleTask.findFirst({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    if (!open) return cycleId;
    const step = sopStep(open.stepNumber);
    clock = new Date(clock.getTime() + (opts.minutes?.[open.stepNumber] ?? 5) * MINUTE);
    const decision = step.kind === "REVIEW" || step.kind === "APPROVAL";
    const doReturn = decision && open.stepNumber === 7 && opts.returnAt7 && !returned;
    if (doReturn) returned = true;
    const event = decision ? (doReturn ? "RETURN" : "APPROVE") : open.status === "RETURNED" ? "RESUBMIT" : "COMPLETE";
    const input = ZTaskAction.parse({
      cycleId,
      taskId: open.id,
      event,
      ...(event === "COMPLETE" || event === "RESUBMIT" ? workFor(open.stepNumber) : {}),
      ...(step.kind === "ARCHIVE" ? { esakipUploadedAt: isoDateIn(clock, "WIB"), esakipReference: `ESR-${period}-2026` } : {}),
      ...(doReturn ? { comment: REASON } : {}),
    });
    await actOnTask(input, w.as(step.executorRoleCode as RoleCode, clock));
  }
  throw new Error("cycle did not complete");
}

/** Events written straight into a side chain with a chosen time (the agency's own chain stays intact). */
async function insertAt(agencyId: string, rows: { at: Date; action?: string; actorId?: string | null }[]) {
  const base = (await db.auditEvent.count({ where: { chainKey: `test:${agencyId}` } })) + 1;
  for (const [i, r] of rows.entries()) {
    await db.auditEvent.create({
      data: {
        chainKey: `test:${agencyId}`,
        seq: base + i,
        agencyId,
        actorId: r.actorId ?? null,
        action: r.action ?? "sop.export",
        entityType: "Sop",
        entityId: `sop-${i}`,
        data: { nomor: "X/1", version: 1, format: "json" },
        createdAt: r.at,
        hash: `test-${base + i}`,
      },
    });
  }
}

async function allIds(agencyId: string, filters: TAuditFilters, limit: number) {
  const ids: bigint[] = [];
  let before: bigint | undefined;
  let pages = 0;
  for (;;) {
    const page = await listAuditEvents(agencyId, filters, { before, limit });
    pages++;
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...page.rows.map((r) => r.id));
    if (page.nextCursor === null) break;
    expect(page.rows).toHaveLength(limit);
    before = page.nextCursor;
  }
  return { ids, pages };
}

const desc = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);

// ---------------------------------------------------------------------------
// The log
// ---------------------------------------------------------------------------

describe("listAuditEvents", () => {
  it("returns every event exactly once across keyset pages, newest first, and nothing of another agency", async () => {
    const [a, b] = [await createAgency(), await createAgency()];
    const [u1, u2] = [await createUser(), await createUser()];
    // Interleaved writes, so the two agencies' ids alternate.
    for (let i = 0; i < 47; i++) {
      for (const [agency, user] of [[a, u1], [b, u2]] as const) {
        await db.$transaction((tx) =>
          recordAudit(
            tx,
            { action: "membership.deactivate", entityType: "User", entityId: `u${i}`, data: { nip: "198401012010011001", active: { before: true, after: false } } },
            { agencyId: agency.id, actor: actorOf(user), meta: null },
          ),
        );
      }
    }
    const expected = (await db.auditEvent.findMany({ where: { agencyId: a.id }, select: { id: true } })).map((r) => r.id).sort(desc);
    expect(expected).toHaveLength(47);

    for (const limit of [10, 47, 50]) {
      const { ids, pages } = await allIds(a.id, {}, limit);
      expect(ids).toEqual(expected);
      expect(new Set(ids.map(String)).size).toBe(ids.length);
      // A full last page already knows it is the last (one row more is asked for).
      expect(pages).toBe(Math.ceil(47 / limit));
    }
    // The cursor of agency A's last page used on agency B still returns only B's events.
    const page = await listAuditEvents(b.id, {}, { before: expected[5], limit: 100 });
    expect(page.rows.length).toBeGreaterThan(0);
    const bIds = new Set((await db.auditEvent.findMany({ where: { agencyId: b.id }, select: { id: true } })).map((r) => String(r.id)));
    expect(page.rows.every((r) => bIds.has(String(r.id)) && r.id < expected[5]!)).toBe(true);
    // The CSV export walks the same keyset in batches.
    const streamed: bigint[] = [];
    for await (const batch of iterateAuditEvents(a.id, {}, 7)) streamed.push(...batch.map((r) => r.id));
    expect(streamed).toEqual(expected);
  });

  it("filters by action, actor, date (in the agency's time zone), cycle and SOP, and never crosses agencies", async () => {
    const w = await setupAgency();
    const other = await setupAgency();
    const cycleId = await runCycle(w, "TW1", new Date("2026-04-06T01:30:00Z"), { returnAt7: true });
    const cycle2 = await runCycle(w, "TW2", new Date("2026-07-06T01:30:00Z"));
    const otherCycle = await runCycle(other, "TW1", new Date("2026-04-06T01:30:00Z"), { returnAt7: true });

    const all = await db.auditEvent.findMany({ where: { agencyId: w.agency.id }, select: { id: true, action: true, actorId: true, entityId: true, data: true } });
    const ids = (pred: (e: (typeof all)[number]) => boolean) => all.filter(pred).map((e) => e.id).sort(desc);
    const got = async (filters: TAuditFilters) => (await allIds(w.agency.id, filters, 8)).ids;

    // Action.
    expect(await got({ action: "task.return" })).toEqual(ids((e) => e.action === "task.return"));
    expect(await got({ action: "task.return" })).toHaveLength(1);
    expect(await got({ action: "task.complete" })).toEqual(ids((e) => e.action === "task.complete"));

    // Actor: the Kepala Dinas started both cycles, decided step 7 three times (return + two approvals) and activated the SOP.
    const kadis = await got({ actorId: w.users.KADIS.id });
    expect(kadis).toEqual(ids((e) => e.actorId === w.users.KADIS.id));
    expect(kadis.length).toBeGreaterThanOrEqual(6);
    expect(await got({ actorId: w.users.KADIS.id, action: "task.return" })).toHaveLength(1);
    // Another agency's member as the actor: nothing.
    expect(await got({ actorId: other.users.KADIS.id })).toEqual([]);

    // Cycle: its own events and its tasks' events, i.e. entityId = cycle or data.cycleId = cycle.
    const ofCycle = (id: string) => ids((e) => e.entityId === id || (e.data as { cycleId?: string }).cycleId === id);
    const cycleEvents = await got({ cycleId });
    expect(cycleEvents).toEqual(ofCycle(cycleId));
    // start + 13 task events (one return, one resubmit) + complete.
    expect(cycleEvents).toHaveLength(15);
    expect(await got({ cycleId: cycle2 })).toEqual(ofCycle(cycle2));
    expect(await got({ cycleId, action: "task.return" })).toHaveLength(1);
    expect(await got({ cycleId: cycle2, action: "task.return" })).toHaveLength(0);
    // Another agency's cycle id, used here: nothing.
    expect(await got({ cycleId: otherCycle })).toEqual([]);

    // SOP version: its create and activate events.
    expect(await got({ sopId: w.sopId })).toEqual(ids((e) => e.entityId === w.sopId));
    expect((await got({ sopId: w.sopId })).length).toBe(2);
    expect(await got({ sopId: other.sopId })).toEqual([]);

    // Every result above belonged to this agency.
    const otherIds = new Set((await db.auditEvent.findMany({ where: { agencyId: other.agency.id }, select: { id: true } })).map((e) => String(e.id)));
    for (const f of [{}, { action: "task.return" as const }, { cycleId: otherCycle }, { actorId: other.users.KADIS.id }]) {
      for (const id of await got(f)) expect(otherIds.has(String(id))).toBe(false);
    }
  });

  it("takes date bounds as whole local days in the agency's time zone", async () => {
    const agency = await createAgency();
    const wib = (local: string) => new Date(`${local}+07:00`);
    await insertAt(agency.id, [
      { at: wib("2026-03-31T23:59:59") },
      { at: wib("2026-04-01T00:00:00") },
      { at: wib("2026-04-15T12:00:00") },
      { at: wib("2026-04-30T23:59:59.999") },
      { at: wib("2026-05-01T00:00:00") },
    ]);
    const times = async (filters: TAuditFilters) =>
      (await listAuditEvents(agency.id, filters, { limit: 50 })).rows.map((r) => r.createdAt.toISOString());
    const iso = (local: string) => wib(local).toISOString();
    expect(await times({ from: "2026-04-01", to: "2026-04-30", timeZone: "WIB" })).toEqual([
      iso("2026-04-30T23:59:59.999"),
      iso("2026-04-15T12:00:00"),
      iso("2026-04-01T00:00:00"),
    ]);
    expect(await times({ from: "2026-05-01", timeZone: "WIB" })).toEqual([iso("2026-05-01T00:00:00")]);
    expect(await times({ to: "2026-03-31", timeZone: "WIB" })).toEqual([iso("2026-03-31T23:59:59")]);
    // The same instants seen from Jayapura (UTC+9): 2026-04-01 00:00 WIB is 02:00 WIT, still 1 April;
    // 2026-03-31 23:59:59 WIB is 1 April 01:59:59 WIT.
    expect(await times({ from: "2026-04-01", to: "2026-04-01", timeZone: "WIT" })).toEqual([iso("2026-04-01T00:00:00"), iso("2026-03-31T23:59:59")]);
    expect(localMidnightUtc("2026-04-01", "WITA").toISOString()).toBe("2026-03-31T16:00:00.000Z");
    // With an entity filter too (no id bounds are read then): only that entity's row in the range.
    expect(await times({ from: "2026-04-01", to: "2026-04-30", timeZone: "WIB", sopId: "sop-2" })).toEqual([iso("2026-04-15T12:00:00")]);
    expect(await times({ from: "2026-04-01", to: "2026-04-30", timeZone: "WIB", sopId: "sop-0" })).toEqual([]);
    // Paging inside a date range.
    const first = await listAuditEvents(agency.id, { from: "2026-04-01", to: "2026-04-30", timeZone: "WIB" }, { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await listAuditEvents(agency.id, { from: "2026-04-01", to: "2026-04-30", timeZone: "WIB" }, { limit: 2, before: first.nextCursor! });
    expect(second.rows.map((r) => r.createdAt.toISOString())).toEqual([iso("2026-04-01T00:00:00")]);
    expect(second.nextCursor).toBeNull();
    // from > to matches nothing and the page is told.
    expect(await times({ from: "2026-05-01", to: "2026-04-01", timeZone: "WIB" })).toEqual([]);
    expect(parseAuditParams(new URLSearchParams("from=2026-05-01&to=2026-04-01"), "WIB").invalidRange).toBe(true);
  });

  it("parses the query string defensively", () => {
    const { filters, before } = parseAuditParams(
      new URLSearchParams("from=2026-02-30&to=2026-04-01&action=task.hapus&actorId=abc'--&cycleId=ckx123&before=12a"),
      "WITA",
    );
    expect(filters).toEqual({ timeZone: "WITA", to: "2026-04-01", cycleId: "ckx123" });
    expect(before).toBeUndefined();
    expect(parseAuditParams({ action: "task.return", before: "123456789012345" }, "WIB")).toMatchObject({
      filters: { action: "task.return" },
      before: 123456789012345n,
    });
  });
});

// ---------------------------------------------------------------------------
// Timeline, labels, CSV of real rows
// ---------------------------------------------------------------------------

describe("listAuditFilterOptions", () => {
  it("offers the agency's members once each (past ones too), its cycles, SOP versions and roles, and nothing of another agency", async () => {
    const w = await setupAgency();
    await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: 2026, period: "TW1" }), w.as("KADIS", new Date()));
    // A second role for one member, and a former member: both listed once.
    await addMembership(w.users.KADIS.id, w.agency, "TIM_SAKIP");
    const former = await createUser({ name: "Mantan Pegawai" });
    await addMembership(former.id, w.agency, "BIDANG", { active: false });
    const other = await setupAgency();

    const options = await listAuditFilterOptions(w.agency.id);
    const memberIds = options.members.map((m) => m.id);
    expect(new Set(memberIds).size).toBe(memberIds.length);
    expect(memberIds.sort()).toEqual([...Object.values(w.users).map((u) => u.id), former.id].sort());
    expect(options.members.map((m) => m.name)).toEqual([...options.members.map((m) => m.name)].sort((a, b) => a.localeCompare(b, "id")));
    expect(options.cycles).toHaveLength(1);
    expect(options.cycles[0]).toMatchObject({ year: 2026, period: "TW1", sop: { nomor: SOP.nomor } });
    expect(options.sops.map((s) => s.id)).toEqual([w.sopId]);
    expect(options.roles.map((r) => r.code)).toEqual(expect.arrayContaining([...ROLE_CODES]));
    expect(memberIds).not.toContain(other.users.KADIS.id);
  });
});

describe("cycleTimeline", () => {
  it("lists every task in order, both rounds of the returned step with the reason, outputs, lateness and the cycle's own events", async () => {
    const w = await setupAgency();
    // Step 1's standard is 10 menit: 25 minutes is 15 minutes late. Step 7 (2 jam) takes 30 minutes.
    const cycleId = await runCycle(w, "TW1", new Date("2026-04-06T01:30:00Z"), { returnAt7: true, minutes: { 1: 25, 7: 30 } });
    const t = (await cycleTimeline(w.agency.id, cycleId))!;
    expect(t.sop).toMatchObject({ nomor: SOP.nomor, nama: SOP.nama, version: 1 });
    expect(t.cycle).toMatchObject({ period: "TW1", year: 2026, status: "COMPLETED" });
    expect(t.entries.map((e) => `${e.stepNumber}.${e.round}`)).toEqual(["1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "7.1", "4.2", "5.2", "6.2", "7.2", "8.1", "9.1"]);

    const at = (key: string) => t.entries.find((e) => `${e.stepNumber}.${e.round}` === key)!;
    expect(at("7.1")).toMatchObject({ outcome: "RETURNED", returnedToStep: 4, returnReason: REASON, durationMs: 30 * MINUTE, late: false });
    expect(at("7.1").actor).toMatchObject({ name: w.users.KADIS.name, nip: w.users.KADIS.nip });
    expect(at("7.2")).toMatchObject({ outcome: "APPROVED", returnReason: null, reopenedReason: null });
    expect(at("4.2")).toMatchObject({ outcome: "RESUBMITTED", reopenedReason: REASON, reopenedBy: { stepNumber: 7, round: 1, actorName: w.users.KADIS.name } });
    expect(at("1.1")).toMatchObject({ late: true, lateByMs: 15 * MINUTE, durationMs: 25 * MINUTE, standard: { amount: 10, unit: "MENIT" } });
    expect(at("2.1")).toMatchObject({ late: false, lateByMs: 0, attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Format disiapkan." });
    expect(at("4.1").checklist).toEqual([sopStep(4).kelengkapan]);
    expect(at("1.1").outputText).toBe(workFor(1).outputText);
    // Started in the order they ran.
    const starts = t.entries.map((e) => e.startedAt.getTime());
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(t.events.map((e) => e.action)).toEqual(["cycle.start", "cycle.complete"]);

    // The CSV of the timeline carries both rounds and the reason, quoted.
    const csv = toCsv(AUDIT_MESSAGES.csv.timeline, timelineCsvRows(t, "WIB"));
    expect(csv.startsWith(`${CSV_BOM}Langkah;Putaran;Kegiatan`)).toBe(true);
    expect(csv).toContain(`"${REASON.replace(/"/g, '""')}"`);
    expect(csv.split("\r\n").filter((l) => /^7;[12];/.test(l))).toHaveLength(2);
    expect(csv).toContain("Terlambat 15 menit");

    // Not in another agency, nor by a made-up id.
    const other = await createAgency();
    expect(await cycleTimeline(other.id, cycleId)).toBeNull();
    expect(await cycleTimeline(w.agency.id, "tidak-ada")).toBeNull();
    // The seeded run leaves the agency's chain intact, once the sequencer has chained it.
    await sequenceAll(db);
    expect(await verifyChain(db, chainKeyFor(w.agency.id))).toMatchObject({ ok: true, pending: 0, events: expect.any(Number) });
    expect((await verifyChain(db, chainKeyFor(w.agency.id))).events).toBeGreaterThan(10);

    // The log describes the return in words, with the cycle as context, and its CSV row keeps the reason.
    const page = await listAuditEvents(w.agency.id, { action: "task.return" });
    const [view] = await describeAuditRows(w.agency.id, page.rows);
    expect(view!.summary).toBe(`Langkah 7 putaran 1 dikembalikan ke langkah 4: ${REASON}`);
    expect(view!.actionLabel).toBe("Mengembalikan untuk perbaikan");
    expect(view!.cycleId).toBe(cycleId);
    expect(view!.context).toBe(`Siklus Triwulan I 2026 · SOP ${SOP.nomor}`);
    expect(view!.actor).toMatchObject({ name: w.users.KADIS.name, roleNames: ["Kepala Dinas"] });
    const row = csvRow(auditLogCsvRow({ ...view!, row: { ...view!.row, userAgent: null, requestId: null, hash: "h" } }, "WIB"));
    expect(row).toContain("task.return;Mengembalikan untuk perbaikan");
    expect(row).toContain(REASON.replace(/"/g, '""'));
  });
});

describe("the log names people, documents, cycles and periods", () => {
  it("shows names and plain addresses, never raw ids or IPv6-mapped addresses; the ids stay on demand", async () => {
    const w = await setupAgency();
    const kadis = w.users.KADIS;
    const [unitA, unitB] = await Promise.all(
      ["Bidang Jalan", "Sekretariat"].map((name) => db.orgUnit.create({ data: { agencyId: w.agency.id, name, kind: "BIDANG", headTitle: `Kepala ${name}` }, select: { id: true } })),
    );
    const meta = { ip: "::ffff:127.0.0.1", userAgent: "Mozilla/5.0 (Uji)", requestId: "req-1" };
    const ctx = { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta };
    await db.$transaction(async (tx) => {
      await recordAudit(tx, { action: "membership.unit_set", entityType: "User", entityId: kadis.id, data: { unitId: { before: unitA!.id, after: unitB!.id } } }, ctx);
      await recordAudit(tx, { action: "report.export", entityType: "Agency", entityId: w.agency.id, data: { report: "audit-log", params: { actorId: kadis.id, sopId: w.sopId } } }, ctx);
      await recordAudit(
        tx,
        { action: "file.download", entityType: "StoredFile", entityId: "ckfile0000000000000000000", data: { fileId: "ckfile0000000000000000000", name: "Berita acara.pdf", size: 2048, sha256: "a".repeat(64), realizationId: null, taskId: null } },
        ctx,
      );
      await recordAudit(
        tx,
        { action: "realization.verify", entityType: "Realization", entityId: "ckreal0000000000000000000", data: { indicatorId: "ckind", code: "IKU 1", year: 2026, quarter: 2, value: {}, status: { before: "SUBMITTED", after: "VERIFIED" } } },
        ctx,
      );
    });
    const { rows } = await listAuditEvents(w.agency.id, {}, { limit: 4 });
    const views = await describeAuditRows(w.agency.id, rows);
    const by = (action: string) => views.find((v) => v.action === action)!;
    const ids = [kadis.id, unitA!.id, unitB!.id, w.sopId, w.agency.id, "ckfile0000000000000000000", "ckreal0000000000000000000"];
    for (const v of views) {
      const shown = [v.actionLabel, v.summary, v.entityLabel, v.context ?? "", v.ip ?? ""].join(" | ");
      for (const id of ids) expect(shown, v.action).not.toContain(id);
      expect(shown).not.toContain("::ffff:");
      expect(v.ip).toBe("127.0.0.1");
      // On demand: as recorded.
      expect(v.rawIp).toBe("::ffff:127.0.0.1");
      expect(v.userAgent).toBe("Mozilla/5.0 (Uji)");
    }
    expect(by("membership.unit_set").summary).toBe("Unit kerja anggota: Bidang Jalan → Sekretariat");
    expect(by("membership.unit_set").entityLabel).toContain(kadis.name);
    expect(by("report.export").summary).toContain(`pelaku ${kadis.name}`);
    expect(by("report.export").summary).toContain(`SOP ${SOP.nomor} versi 1`);
    expect(by("report.export").entityLabel).toBe(w.agency.name);
    expect(by("report.export").actionLabel).toBe("Mengunduh laporan");
    expect(by("file.download").entityLabel).toBe('"Berita acara.pdf"');
    expect(by("realization.verify").entityLabel).toBe("IKU 1 TW II 2026");
  });
});

describe("slaSummary", () => {
  it("averages, worst and late share per step across cycles, in one grouped query", async () => {
    const w = await setupAgency();
    // Step 1 (10 menit): 5 and 25 minutes -> avg 15, worst 25, 1 of 2 late.
    // Step 2 (2 jam): 60 and 150 minutes -> avg 105, worst 150, 1 of 2 late.
    // Step 7 (2 jam): in TW1 twice (returned, then approved), 30 minutes each; in TW2 90 -> n 3, avg 50, worst 90, none late.
    await runCycle(w, "TW1", new Date("2026-04-06T01:30:00Z"), { returnAt7: true, minutes: { 1: 5, 2: 60, 7: 30 } });
    const tw1 = await db.measurementCycle.findFirstOrThrow({ where: { agencyId: w.agency.id, period: "TW1" }, select: { id: true } });
    const round2 = await db.cycleTask.findFirstOrThrow({ where: { cycleId: tw1.id, stepNumber: 7, round: 2 } });
    expect(round2.completedAt!.getTime() - round2.startedAt.getTime()).toBe(30 * MINUTE);
    await runCycle(w, "TW2", new Date("2026-07-06T01:30:00Z"), { minutes: { 1: 25, 2: 150, 7: 90 } });

    const rows = await slaSummary(w.agency.id);
    const step = (n: number) => rows.find((r) => r.stepNumber === n)!;
    expect(rows).toHaveLength(SOP.steps.length);
    expect(step(1)).toMatchObject({ n: 2, avgMs: 15 * MINUTE, maxMs: 25 * MINUTE, late: 1, waktuJumlah: 10, waktuSatuan: "MENIT" });
    expect(step(2)).toMatchObject({ n: 2, avgMs: 105 * MINUTE, maxMs: 150 * MINUTE, late: 1, waktuSatuan: "JAM" });
    expect(step(7)).toMatchObject({ n: 3, maxMs: 90 * MINUTE, late: 0 });
    expect(step(7).avgMs).toBeCloseTo(50 * MINUTE, 3);
    // Step 4 ran twice in TW1 and once in TW2; 5 minutes each, far inside 2 hari kerja.
    expect(step(4)).toMatchObject({ n: 3, avgMs: 5 * MINUTE, late: 0, waktuSatuan: "HARI" });
    expect(step(1)).toMatchObject({ nomor: SOP.nomor, version: 1, seriesId: w.seriesId });

    // Narrowed to the series: the same; another series id (or another agency's): nothing.
    expect(await slaSummary(w.agency.id, w.seriesId)).toEqual(rows);
    expect(await slaSummary(w.agency.id, "seri-lain")).toEqual([]);
    const other = await setupAgency();
    expect(await slaSummary(other.agency.id)).toEqual([]);
    expect(await slaSummary(other.agency.id, w.seriesId)).toEqual([]);

    // The analytics: per step across quarters, in office time; the rework round apart.
    const byStep = await slaAnalytics(w.agency.id, { by: "step" });
    expect(byStep.quarters).toEqual(["2026-TW1", "2026-TW2"]);
    const group = (n: number) => byStep.groups.find((g) => g.key === `${w.seriesId}:${n}`)!;
    expect(group(1)).toMatchObject({ n: 2, medianMs: 15 * MINUTE, p90Ms: 25 * MINUTE, standardMs: 10 * MINUTE, lateShare: 0.5, returns: 0 });
    expect(group(1).trend).toEqual({ "2026-TW1": 5 * MINUTE, "2026-TW2": 25 * MINUTE });
    // Step 4 was sent back once in TW1: its second round is time lost to returns, not the owner's median.
    expect(group(4)).toMatchObject({ n: 2, medianMs: 5 * MINUTE, returns: 1, returnMs: 5 * MINUTE });
    // Filters: a period, a year without cycles, per person (the Kepala Dinas did step 1 both times).
    expect((await slaAnalytics(w.agency.id, { by: "step", period: "TW2" })).quarters).toEqual(["2026-TW2"]);
    expect((await slaAnalytics(w.agency.id, { by: "step", year: 2025 })).groups).toEqual([]);
    const byPerson = await slaAnalytics(w.agency.id, { by: "person" });
    expect(byPerson.groups.map((g) => g.label)).toContain(w.users.KADIS.name);
    expect(await slaAnalytics(other.agency.id, { by: "unit" })).toEqual({ groups: [], quarters: [] });
    expect(parseSlaParams(new URLSearchParams("by=orang&year=abc&period=TW9"))).toEqual({ by: "step", seriesId: undefined, year: undefined, period: undefined, unitId: undefined });
  });
});

// ---------------------------------------------------------------------------
// Labels and CSV
// ---------------------------------------------------------------------------

describe("labels", () => {
  it("has an Indonesian label for every action of the event union", () => {
    const actions = ZAuditEventInput.options.flatMap((o) => {
      const a = o.shape.action as unknown as { options?: string[]; value?: string; values?: Set<string> };
      return a.options ?? (a.values ? [...a.values] : [a.value!]);
    });
    expect(new Set(AUDIT_ACTIONS)).toEqual(new Set(actions));
    for (const a of actions) expect(AUDIT_ACTION_LABELS[a as keyof typeof AUDIT_ACTION_LABELS]).toMatch(/^[A-Z]/);
  });

  it("summarises an event from its data, and falls back to the label for shapes it does not know", () => {
    expect(
      summarizeEvent({
        action: "task.return",
        entityType: "CycleTask",
        entityId: "t1",
        data: { cycleId: "c", stepNumber: 7, round: 1, status: {}, comment: "Lengkapi data", outputText: null, opened: [{ stepNumber: 4, round: 2, status: "RETURNED" }] },
      }),
    ).toBe("Langkah 7 putaran 1 dikembalikan ke langkah 4: Lengkapi data");
    expect(summarizeEvent({ action: "cycle.start", entityType: "MeasurementCycle", entityId: "c", data: { sopId: "s", nomor: "1/A", version: 2, year: 2026, period: "TW2" } })).toBe(
      "Siklus Triwulan II 2026 dimulai dengan SOP 1/A versi 2",
    );
    expect(summarizeEvent({ action: "task.return", entityType: "CycleTask", entityId: "t1", data: { bentuk: "lama" } })).toBe("Mengembalikan untuk perbaikan");
    expect(summarizeEvent({ action: "aksi.lama", entityType: "X", entityId: null, data: {} })).toBe("aksi.lama");
  });
});

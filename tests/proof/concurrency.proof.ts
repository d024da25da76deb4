/**
 * Concurrency across instances: two production servers (`next start`) on one
 * fresh PostgreSQL database, the same transition fired at both at once.
 *
 * (a) fifty approvals of one active decision task by its assigned user, 25 per
 *     server → one transition, one audit event, 49 "already handled" answers;
 * (b) the same realization submitted ~20 times across both servers, for an
 *     indicator with a draft row (update path) and one with no row yet (insert
 *     path) → one submission, one audit event each;
 * (c) ~20 starts of a cycle for one SOP period across both → exactly one cycle.
 *
 * lostTransitions: a success answer the database does not hold;
 * duplicatedTransitions: more than one transition (or audit event) applied.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";

import {
  builtActions,
  callAction,
  createDatabase,
  ensureBuild,
  requireActionId,
  signIn,
  startServer,
  type ActionResponse,
  type RunningServer,
  type TestDatabase,
  type WireActionResult,
} from "../support/server";
import { ProofRecorder } from "./report";

const rec = new ProofRecorder("concurrency", "Two servers, one database: simultaneous transitions");
let database: TestDatabase;
let servers: RunningServer[] = [];
let client: pg.Client;
let actions: Map<string, string>;

const ALREADY_HANDLED = "Tugas ini sudah ditangani.";

type ActionResult = WireActionResult;
const actionId = (key: string): string => requireActionId(actions, key);

/** Counts the answer: a 5xx or an UNEXPECTED result is a server error. */
function classify(response: ActionResponse, what: string): ActionResult | null {
  rec.add("probes");
  const result = response.result as ActionResult | undefined;
  if (response.status >= 500 || !result || result.code === "UNEXPECTED") {
    rec.fail(`${what}: HTTP ${response.status} ${result ? JSON.stringify(result) : response.body.slice(0, 200)}`, "serverErrors");
    return null;
  }
  return result;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, params);
  return Number(rows[0]!.n);
}

/** Fires every call at once (after every request is prepared) and waits for all answers. */
async function together(calls: (() => Promise<ActionResponse>)[]): Promise<ActionResponse[]> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const pending = calls.map((call) => gate.then(call));
  release();
  return Promise.all(pending);
}

beforeAll(async () => {
  await ensureBuild();
  actions = await builtActions();
  database = await createDatabase("alur_proof_concurrency");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  servers = await Promise.all([4410, 4411].map((port) => startServer({ databaseUrl: database.url, port })));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await client?.end();
  await database?.drop();
  const result = await rec.save();
  console.info(JSON.stringify(result, null, 2));
});

test("(a) fifty simultaneous approvals of one task across two servers: one transition", async () => {
  // The Lumajang Triwulan II cycle of the demo data waits for the Kepala Dinas at a decision step.
  const { rows } = await client.query<{ cycleId: string; taskId: string; stepNumber: number; kind: string }>(
    `SELECT t.id AS "taskId", t."cycleId", t."stepNumber", s.kind
       FROM "CycleTask" t JOIN "SopStep" s ON s.id = t."stepId" JOIN "Agency" a ON a.id = t."agencyId"
      WHERE a.slug = 'diskominfo-lumajang' AND t.status = 'ACTIVE'`,
  );
  expect(rows).toHaveLength(1);
  const task = rows[0]!;
  expect(["REVIEW", "APPROVAL"]).toContain(task.kind);
  const cookies = await Promise.all(servers.map((s) => signIn(s.baseUrl, "kadis@lumajang.demo")));
  expect(cookies.every(Boolean)).toBe(true);

  const id = actionId("lib/cycle/actions.ts#taskAction");
  const input = { cycleId: task.cycleId, taskId: task.taskId, event: "APPROVE" };
  const started = Date.now();
  const responses = await together(
    Array.from({ length: 50 }, (_, i) => () =>
      callAction(servers[i % 2]!.baseUrl, id, ["diskominfo-lumajang", input], { cookie: cookies[i % 2] }),
    ),
  );
  const elapsed = Date.now() - started;
  const results = responses.map((r, i) => classify(r, `approval ${i} on :${servers[i % 2]!.port}`));
  const successes = results.filter((r) => r?.ok).length;
  const handled = results.filter((r) => r && !r.ok && r.error === ALREADY_HANDLED).length;
  const others = results.filter((r) => r && !r.ok && r.error !== ALREADY_HANDLED);
  for (const other of others) rec.fail(`approval answered neither success nor "already handled": ${JSON.stringify(other)}`);

  const done = await count(`SELECT count(*) AS n FROM "CycleTask" WHERE id = $1 AND status = 'DONE' AND outcome = 'APPROVED'`, [task.taskId]);
  const next = await count(`SELECT count(*) AS n FROM "CycleTask" WHERE "cycleId" = $1 AND "stepNumber" > $2`, [task.cycleId, task.stepNumber]);
  const audits = await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'task.approve' AND "entityId" = $1`, [task.taskId]);
  rec.add("probes", 3);
  if (successes > done) rec.fail(`${successes} approvals answered success, ${done} in the database`, "lostTransitions");
  if (successes > 1 || next > 1 || audits > 1) {
    rec.fail(`one approval applied more than once: ${successes} successes, ${next} next tasks, ${audits} audit events`, "duplicatedTransitions");
  }
  if (successes !== 1 || done !== 1 || next !== 1 || audits !== 1 || handled !== 49) {
    rec.fail(`expected 1 success / 49 "already handled" / 1 transition / 1 next task / 1 audit event; got ${successes} / ${handled} / ${done} / ${next} / ${audits}`);
  }
  rec.note(`(a) 50 approvals (25 per server) in ${elapsed} ms → ${successes} success, ${handled} "already handled", ${done} transition, ${audits} audit event`);
  expect({ successes, handled, done, next, audits }).toEqual({ successes: 1, handled: 49, done: 1, next: 1, audits: 1 });
});

test("(b) one realization submitted twenty times at once across two servers: one submission", async () => {
  // IKU-2 TW II 2026 has a draft row (Bidang Bina Marga); IKU-3 has none yet (Bidang Cipta Karya).
  const cases = [
    { code: "IKU-2", user: "bidang@sumbar.demo", value: 138.5 },
    { code: "IKU-3", user: "bidang.ck@sumbar.demo", value: 91.2 },
  ];
  const id = actionId("lib/performance/actions.ts#saveRealizationAction");
  for (const c of cases) {
    const { rows } = await client.query<{ id: string; rows: string }>(
      `SELECT i.id, (SELECT count(*) FROM "Realization" r WHERE r."indicatorId" = i.id AND r.year = 2026 AND r.quarter = 2) AS rows
         FROM "Indicator" i JOIN "Agency" a ON a.id = i."agencyId"
         JOIN "StrategicGoal" g ON g.id = i."goalId" JOIN "PerformanceAgreement" p ON p.id = g."agreementId"
        WHERE a.slug = 'bmcktr-sumbar' AND i.code = $1 AND p.year = 2026`,
      [c.code],
    );
    expect(rows).toHaveLength(1);
    const indicatorId = rows[0]!.id;
    const before = Number(rows[0]!.rows);
    const cookies = await Promise.all(servers.map((s) => signIn(s.baseUrl, c.user)));
    expect(cookies.every(Boolean)).toBe(true);
    const input = { indicatorId, year: 2026, quarter: 2, value: c.value, faktorPendorong: "Uji serentak", submit: true };
    const started = Date.now();
    const responses = await together(
      Array.from({ length: 20 }, (_, i) => () =>
        callAction(servers[i % 2]!.baseUrl, id, ["bmcktr-sumbar", input], { cookie: cookies[i % 2] }),
      ),
    );
    const elapsed = Date.now() - started;
    const results = responses.map((r, i) => classify(r, `${c.code} submission ${i} on :${servers[i % 2]!.port}`));
    const successes = results.filter((r) => r?.ok).length;
    const refused = results.filter((r) => r && !r.ok);
    const messages = [...new Set(refused.map((r) => r!.error))];
    // The losers are told someone else changed it first (or that it is no longer editable), in Indonesian.
    const known = ["Data ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.", PERFORMANCE_MESSAGES.notEditable];
    for (const message of messages) if (!known.includes(message!)) rec.fail(`${c.code}: a refused submission said "${message}"`);

    const stored = await count(
      `SELECT count(*) AS n FROM "Realization" WHERE "indicatorId" = $1 AND year = 2026 AND quarter = 2 AND status = 'SUBMITTED' AND value = $2`,
      [indicatorId, c.value],
    );
    const rowsAfter = await count(`SELECT count(*) AS n FROM "Realization" WHERE "indicatorId" = $1 AND year = 2026 AND quarter = 2`, [indicatorId]);
    const audits = await count(
      `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'realization.submit' AND data->>'indicatorId' = $1 AND data->>'quarter' = '2'`,
      [indicatorId],
    );
    rec.add("probes", 3);
    if (successes > 0 && stored !== 1) rec.fail(`${c.code}: ${successes} submissions answered success, ${stored} submitted rows`, "lostTransitions");
    if (successes > 1 || audits > 1 || rowsAfter > 1) {
      rec.fail(`${c.code}: submitted more than once: ${successes} successes, ${audits} audit events, ${rowsAfter} rows`, "duplicatedTransitions");
    }
    if (successes !== 1 || refused.length !== 19 || stored !== 1 || audits !== 1 || rowsAfter !== 1) {
      rec.fail(`${c.code}: expected 1 success / 1 row / 1 audit event; got ${successes} / ${rowsAfter} / ${audits}`);
    }
    rec.note(
      `(b) ${c.code} (${before ? "draft row" : "no row yet"}) 20 submissions in ${elapsed} ms → ${successes} success, ${refused.length} refused (${messages.join(" | ")}), ${audits} audit event`,
    );
    expect({ code: c.code, successes, refused: refused.length, stored, rowsAfter, audits }).toEqual({ code: c.code, successes: 1, refused: 19, stored: 1, rowsAfter: 1, audits: 1 });
  }
});

test("(c) twenty simultaneous starts of one period across two servers: one cycle", async () => {
  const { rows } = await client.query<{ sopId: string; seriesId: string }>(
    `SELECT s.id AS "sopId", s."seriesId" FROM "Sop" s JOIN "Agency" a ON a.id = s."agencyId" WHERE a.slug = 'bmcktr-sumbar' AND s.status = 'ACTIVE'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  const sop = rows[0]!;
  const cookies = await Promise.all(servers.map((s) => signIn(s.baseUrl, "kadis@sumbar.demo")));
  expect(cookies.every(Boolean)).toBe(true);
  const id = actionId("lib/cycle/actions.ts#startCycleAction");
  const input = { sopId: sop.sopId, year: 2031, period: "TAHUNAN" };
  const started = Date.now();
  const responses = await together(
    Array.from({ length: 20 }, (_, i) => () => callAction(servers[i % 2]!.baseUrl, id, ["bmcktr-sumbar", input], { cookie: cookies[i % 2] })),
  );
  const elapsed = Date.now() - started;
  const results = responses.map((r, i) => classify(r, `start ${i} on :${servers[i % 2]!.port}`));
  const successes = results.filter((r) => r?.ok);
  const duplicateMessage = "Siklus Tahunan 2031 untuk SOP ini sudah ada.";
  const refusedDuplicate = results.filter((r) => r && !r.ok && r.error === duplicateMessage).length;
  for (const other of results.filter((r) => r && !r.ok && r.error !== duplicateMessage)) {
    rec.fail(`start answered neither success nor the duplicate message: ${JSON.stringify(other)}`);
  }
  const cycles = await client.query<{ id: string }>(`SELECT id FROM "MeasurementCycle" WHERE "seriesId" = $1 AND year = 2031 AND period = 'TAHUNAN'`, [
    sop.seriesId,
  ]);
  const tasks = await count(`SELECT count(*) AS n FROM "CycleTask" t JOIN "MeasurementCycle" c ON c.id = t."cycleId" WHERE c."seriesId" = $1 AND c.year = 2031`, [
    sop.seriesId,
  ]);
  const audits = await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'cycle.start' AND data->>'year' = '2031' AND data->>'period' = 'TAHUNAN'`, []);
  rec.add("probes", 3);
  for (const s of successes) {
    const cycleId = (s!.data as { id: string }).id;
    if (!cycles.rows.some((c) => c.id === cycleId)) rec.fail(`start answered success with cycle ${cycleId}, not in the database`, "lostTransitions");
  }
  if (cycles.rows.length > 1 || successes.length > 1 || audits > 1 || tasks > 1) {
    rec.fail(`more than one cycle for one period: ${cycles.rows.length} cycles, ${successes.length} successes, ${tasks} tasks, ${audits} audit events`, "duplicatedTransitions");
  }
  if (cycles.rows.length !== 1 || successes.length !== 1 || refusedDuplicate !== 19 || audits !== 1 || tasks !== 1) {
    rec.fail(`expected 1 cycle / 1 success / 19 duplicate / 1 task / 1 audit event; got ${cycles.rows.length} / ${successes.length} / ${refusedDuplicate} / ${tasks} / ${audits}`);
  }
  rec.note(`(c) 20 starts of Tahunan 2031 in ${elapsed} ms → ${cycles.rows.length} cycle, ${successes.length} success, ${refusedDuplicate} "sudah ada"`);
  expect({ cycles: cycles.rows.length, successes: successes.length, refusedDuplicate, tasks, audits }).toEqual({
    cycles: 1,
    successes: 1,
    refusedDuplicate: 19,
    tasks: 1,
    audits: 1,
  });
});

test("nothing counted that must stay zero", () => {
  expect(rec.failures).toEqual([]);
});

/**
 * Faults: what a crash, a database restart and a second owner of the embedded
 * database leave behind.
 *
 * (a) `kill -9` of the production server in the middle of a burst of cycle
 *     starts and step completions; restarted on the same database, every cycle
 *     is in a valid state, every success answered before the kill is stored,
 *     and every audit hash chain verifies.
 * (b) a private PostgreSQL cluster (port 5433) stopped and started again under
 *     light load: /api/health answers 503 while it is down and 200 after, and
 *     the same app process serves signed-in pages and writes again.
 * (c) the embedded database (PGlite) refuses a second owner of its folder with
 *     a clear message; the first owner's data is intact afterwards.
 */
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { verifyAllChains } from "@/lib/audit/chain";
import { sequenceAll } from "@/lib/audit/sequencer";
import { createPrismaClient } from "@/lib/db/client";
import { DataDirInUseError, startEmbeddedDatabase } from "@/lib/db/embedded";

import {
  builtActions,
  callAction,
  createDatabase,
  ensureBuild,
  requireActionId,
  signIn,
  startServer,
  type RunningServer,
  type TestDatabase,
  type WireActionResult,
} from "../support/server";
import { ProofRecorder } from "./report";

const exec = promisify(execFile);
const rec = new ProofRecorder("faults", "Crash, database restart, second owner of the embedded database");
const cleanups: (() => Promise<unknown>)[] = [];
let actions: Map<string, string>;

type ActionResult = WireActionResult;
const actionId = (key: string): string => requireActionId(actions, key);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function statusOf(url: string, cookie?: string | null, timeoutMs = 10_000): Promise<number> {
  try {
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // refused or timed out
  }
}

beforeAll(async () => {
  await ensureBuild();
  actions = await builtActions();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("[faults] cleanup", error));
  const result = await rec.save();
  console.info(JSON.stringify(result, null, 2));
});

test("(a) kill -9 in the middle of a burst: no lost transition, valid states, the audit chain verifies", async () => {
  const failuresBefore = rec.failures.length;
  const database = await createDatabase("alur_proof_faults_kill");
  cleanups.push(() => database.drop());
  let server: RunningServer = await startServer({ databaseUrl: database.url, port: 4420 });
  cleanups.push(() => server.stop());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  cleanups.push(() => client.end());

  const { rows: sops } = await client.query<{ id: string }>(
    `SELECT s.id FROM "Sop" s JOIN "Agency" a ON a.id = s."agencyId" WHERE a.slug = 'bmcktr-sumbar' AND s.status = 'ACTIVE'`,
  );
  const sopId = sops[0]!.id;
  const cookie = await signIn(server.baseUrl, "kadis@sumbar.demo");
  expect(cookie).toBeTruthy();
  const start = actionId("lib/cycle/actions.ts#startCycleAction");
  const act = actionId("lib/cycle/actions.ts#taskAction");

  // 40 lanes, each: start the yearly cycle of its own year, then complete step 1 (the disposition).
  const LANES = 40;
  const acknowledged = { starts: new Map<number, string>(), completions: new Map<string, string>() };
  let answered = 0;
  let killed = false;
  let killAt = 0;
  const lane = async (i: number) => {
    await sleep(i * 15);
    const year = 2040 + i;
    const started = await callAction(server.baseUrl, start, ["bmcktr-sumbar", { sopId, year, period: "TAHUNAN" }], { cookie }).catch(() => null);
    if (!started) return;
    answered++;
    const result = started.result as ActionResult | undefined;
    if (started.status >= 500 || result?.code === "UNEXPECTED") rec.fail(`start ${year} before the kill: HTTP ${started.status}`, "serverErrors");
    if (!result?.ok || killed) return;
    const cycleId = (result.data as { id: string }).id;
    acknowledged.starts.set(year, cycleId);
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "CycleTask" WHERE "cycleId" = $1 AND "stepNumber" = 1`, [cycleId]);
    if (!rows[0]) return; // counted below as a lost start
    const done = await callAction(
      server.baseUrl,
      act,
      ["bmcktr-sumbar", { cycleId, taskId: rows[0].id, event: "COMPLETE", outputText: `Disposisi pengukuran ${year}` }],
      { cookie },
    ).catch(() => null);
    if (!done) return;
    answered++;
    const doneResult = done.result as ActionResult | undefined;
    if (doneResult?.ok && !killed) acknowledged.completions.set(rows[0].id, cycleId);
  };
  let finished = 0;
  const burst = Array.from({ length: LANES }, (_, i) => lane(i).finally(() => finished++));
  // Kill when every start and about a quarter of the completions are answered, the rest in flight.
  const killer = (async () => {
    while (answered < LANES * 1.25 && finished < LANES) await sleep(5);
    killed = true;
    killAt = answered;
    await server.kill9();
  })();
  await Promise.all([...burst, killer]);
  rec.add("probes", answered);
  // Only answers that arrived before the kill count as acknowledged; drop any settled in the same tick after it.
  const acknowledgedStarts = acknowledged.starts.size;
  const acknowledgedCompletions = acknowledged.completions.size;

  server = await startServer({ databaseUrl: database.url, port: 4420 });

  // Every acknowledged success is stored.
  for (const [year, cycleId] of acknowledged.starts) {
    const stored = await client.query(`SELECT 1 FROM "MeasurementCycle" WHERE id = $1 AND year = $2`, [cycleId, year]);
    if (stored.rowCount !== 1) rec.fail(`start of ${year} answered success (cycle ${cycleId}), not in the database`, "lostTransitions");
  }
  for (const [taskId] of acknowledged.completions) {
    const stored = await client.query(`SELECT 1 FROM "CycleTask" WHERE id = $1 AND status = 'DONE'`, [taskId]);
    if (stored.rowCount !== 1) rec.fail(`completion of task ${taskId} answered success, not in the database`, "lostTransitions");
  }

  // Every cycle is in a valid state.
  const { rows: cycles } = await client.query<{ id: string; status: string; open: string; stale: string; tasks: string; audits: string }>(
    `SELECT c.id, c.status,
            (SELECT count(*) FROM "CycleTask" t WHERE t."cycleId" = c.id AND t.status IN ('ACTIVE', 'RETURNED')) AS open,
            (SELECT count(*) FROM "CycleTask" t WHERE t."cycleId" = c.id AND t.status IN ('ACTIVE', 'RETURNED')
               AND EXISTS (SELECT 1 FROM "CycleTask" u WHERE u."cycleId" = c.id AND u."stepNumber" = t."stepNumber" AND u.round > t.round)) AS stale,
            (SELECT count(*) FROM "CycleTask" t WHERE t."cycleId" = c.id) AS tasks,
            (SELECT count(*) FROM "AuditEvent" e WHERE e."entityId" = c.id AND e.action = 'cycle.start') AS audits
       FROM "MeasurementCycle" c`,
  );
  rec.add("probes", 1);
  let burstCycles = 0;
  let stepOneDone = 0;
  for (const c of cycles) {
    const open = Number(c.open);
    if (c.status === "ACTIVE" && open !== 1) rec.fail(`active cycle ${c.id} has ${open} open tasks (expected exactly 1)`);
    if (c.status !== "ACTIVE" && open !== 0) rec.fail(`${c.status.toLowerCase()} cycle ${c.id} still has ${open} open tasks`);
    if (Number(c.stale) > 0) rec.fail(`cycle ${c.id} has an open task of a step that already has a later round`);
    if (Number(c.tasks) === 0) rec.fail(`cycle ${c.id} has no task at all`);
  }
  const { rows: years } = await client.query<{ id: string; year: number; done1: string; step2: string; completes: string }>(
    `SELECT c.id, c.year,
            (SELECT count(*) FROM "CycleTask" t WHERE t."cycleId" = c.id AND t."stepNumber" = 1 AND t.status = 'DONE') AS done1,
            (SELECT count(*) FROM "CycleTask" t WHERE t."cycleId" = c.id AND t."stepNumber" = 2) AS step2,
            (SELECT count(*) FROM "AuditEvent" e WHERE e.action = 'task.complete' AND e.data->>'cycleId' = c.id) AS completes
       FROM "MeasurementCycle" c WHERE c.year >= 2040`,
  );
  for (const y of years) {
    burstCycles++;
    const done1 = Number(y.done1);
    stepOneDone += done1;
    // A completed step 1 is one transition: step 2 opened and one audit event, never half of it.
    if (Number(y.step2) !== done1 || Number(y.completes) !== done1) {
      rec.fail(`cycle ${y.year}: step 1 done ${done1}, step 2 tasks ${y.step2}, task.complete events ${y.completes}: a half-applied transition`);
    }
    if (Number(y.step2) > 1 || Number(y.completes) > 1) rec.fail(`cycle ${y.year}: step 1 completed more than once`, "duplicatedTransitions");
  }
  const startAudits = cycles.filter((c) => Number(c.audits) !== 1);
  for (const c of startAudits) rec.fail(`cycle ${c.id} has ${c.audits} cycle.start audit events (expected 1)`);

  // The audit hash chains verify once sequenced (decision 038): the killed server's
  // events were written unchained; a sequencer round chains every one of them.
  const prisma = createPrismaClient(database.url);
  try {
    const chained = await sequenceAll(prisma);
    rec.note(`(a) sequencer chained ${chained} waiting audit events after the kill`);
    const reports = await verifyAllChains(prisma);
    for (const report of reports) if (report.pending) rec.fail(`audit chain ${report.chainKey}: ${report.pending} events still unchained after a round`);
    for (const report of reports) if (!report.ok) rec.fail(`audit chain ${report.chainKey} broken: ${report.reason}`);
    rec.note(`(a) audit chains verified: ${reports.map((r) => `${r.chainKey.slice(0, 14)}… ${r.events} events ${r.ok ? "ok" : "BROKEN"}`).join(", ")}`);
  } finally {
    await prisma.$disconnect();
  }

  // The restarted server serves the cycles.
  const after = await signIn(server.baseUrl, "kadis@sumbar.demo");
  const page = await statusOf(`${server.baseUrl}/a/bmcktr-sumbar/cycles`, after);
  rec.add("probes", 1);
  if (page !== 200) rec.fail(`cycles page after the restart answered ${page}`, page >= 500 ? "serverErrors" : undefined);

  rec.note(
    `(a) ${LANES} lanes (start + complete step 1), kill -9 after ${killAt} answers: ${acknowledgedStarts} starts and ${acknowledgedCompletions} completions acknowledged, ` +
      `${burstCycles} burst cycles stored, ${stepOneDone} with step 1 done; ${cycles.length} cycles checked`,
  );
  // The kill must have landed mid-burst: some answers in, some lanes unfinished.
  expect(acknowledgedStarts).toBeGreaterThan(0);
  expect(acknowledgedCompletions).toBeLessThan(LANES);
  expect(rec.failures.slice(failuresBefore)).toEqual([]);
});

const PG_BIN = "/usr/lib/postgresql/15/bin";
const PRIVATE_PORT = 5433;

async function asPostgres(command: string, args: string[]) {
  return exec("runuser", ["-u", "postgres", "--", path.join(PG_BIN, command), ...args], { timeout: 120_000 });
}

test("(b) PostgreSQL stopped and started under load: 503 while down, the same app process serves again after", async () => {
  const failuresBefore = rec.failures.length;
  const dir = await mkdtemp(path.join(os.tmpdir(), "alur-proof-pg-"));
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  await chown(dir, Number((await exec("id", ["-u", "postgres"])).stdout.trim()), Number((await exec("id", ["-g", "postgres"])).stdout.trim()));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const pgOptions = `-p ${PRIVATE_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (action: string, extra: string[] = []) =>
    asPostgres("pg_ctl", [action, "-D", dataDir, "-o", pgOptions, "-l", path.join(dir, "postgres.log"), "-w", ...extra]);
  await pgCtl("start");
  cleanups.push(() => pgCtl("stop", ["-m", "immediate"]).catch(() => undefined));

  const previous = process.env.PROOF_PG_URL;
  process.env.PROOF_PG_URL = `postgres://postgres@127.0.0.1:${PRIVATE_PORT}/postgres`;
  let database: TestDatabase;
  try {
    database = await createDatabase("alur_proof_faults_restart");
  } finally {
    if (previous === undefined) delete process.env.PROOF_PG_URL;
    else process.env.PROOF_PG_URL = previous;
  }
  const server = await startServer({ databaseUrl: database.url, port: 4421 });
  cleanups.push(() => server.stop());
  const cookie = await signIn(server.baseUrl, "sekretaris@sumbar.demo");
  expect(cookie).toBeTruthy();
  const markRead = actionId("lib/cycle/actions.ts#markNotificationsReadAction");

  // Light load: a signed-in page and the health check, over and over. Each answer is judged in the
  // phase it started and ended in; one that straddles a stop or a start is not judged.
  type Phase = "before" | "stopping" | "down" | "starting" | "after" | "straddling";
  let phase: Phase = "before";
  const seen: { phase: Phase; what: "health" | "page"; status: number }[] = [];
  let loading = true;
  const probe = async (what: "health" | "page", url: string, cookie?: string | null) => {
    const at = phase;
    const status = await statusOf(url, cookie);
    seen.push({ phase: at === phase ? at : "straddling", what, status });
  };
  const loaders = [
    (async () => {
      while (loading) {
        await probe("health", `${server.baseUrl}/api/health`);
        await sleep(100);
      }
    })(),
    (async () => {
      while (loading) {
        await probe("page", `${server.baseUrl}/a/bmcktr-sumbar`, cookie);
        await sleep(150);
      }
    })(),
  ];
  await sleep(2_000);

  const stoppedAt = Date.now();
  phase = "stopping";
  await pgCtl("stop", ["-m", "fast"]);
  phase = "down";
  await sleep(4_000);
  const downHealth = [];
  for (let i = 0; i < 3; i++) downHealth.push(await statusOf(`${server.baseUrl}/api/health`));
  phase = "starting";
  await pgCtl("start");
  const restartedAt = Date.now();
  let healthyAfterMs = -1;
  while (Date.now() - restartedAt < 30_000) {
    if ((await statusOf(`${server.baseUrl}/api/health`)) === 200) {
      healthyAfterMs = Date.now() - restartedAt;
      break;
    }
    await sleep(100);
  }
  await sleep(500);
  phase = "after";
  await sleep(3_000);
  loading = false;
  await Promise.all(loaders);

  // After recovery: pages, a fresh sign-in and a write, all from the same process.
  const afterPages = [];
  for (const url of ["/a/bmcktr-sumbar", "/a/bmcktr-sumbar/cycles", "/a/bmcktr-sumbar/kinerja", "/a/bmcktr-sumbar/notifikasi"]) {
    afterPages.push({ url, status: await statusOf(`${server.baseUrl}${url}`, cookie) });
  }
  const freshCookie = await signIn(server.baseUrl, "kadis@sumbar.demo");
  const write = await callAction(server.baseUrl, markRead, ["bmcktr-sumbar", {}], { cookie });
  const writeResult = write.result as ActionResult | undefined;
  rec.add("probes", seen.length + downHealth.length + afterPages.length + 2);

  const during = seen.filter((s) => s.phase === "down");
  const downHealthAll = [...downHealth, ...during.filter((s) => s.what === "health").map((s) => s.status)];
  if (downHealthAll.some((s) => s !== 503)) rec.fail(`/api/health while PostgreSQL was down answered ${[...new Set(downHealthAll)].join(", ")} (expected 503)`);
  if (healthyAfterMs < 0) rec.fail("/api/health did not answer 200 within 30 s of PostgreSQL starting again");
  const afterErrors = seen.filter((s) => s.phase === "after" && s.status !== 200);
  for (const e of afterErrors) rec.fail(`${e.what} after recovery answered ${e.status}`, e.status >= 500 ? "serverErrors" : undefined);
  for (const p of afterPages) if (p.status !== 200) rec.fail(`${p.url} after recovery answered ${p.status}`, p.status >= 500 ? "serverErrors" : undefined);
  if (!freshCookie) rec.fail("sign-in after recovery refused");
  if (!writeResult?.ok) rec.fail(`a write after recovery failed: HTTP ${write.status} ${JSON.stringify(writeResult)}`, write.status >= 500 ? "serverErrors" : undefined);
  if (server.child.exitCode !== null || server.child.signalCode !== null) rec.fail("the app process died while PostgreSQL was down");
  const beforeErrors = seen.filter((s) => s.phase === "before" && s.status !== 200);
  for (const e of beforeErrors) rec.fail(`${e.what} before the restart answered ${e.status}`, e.status >= 500 ? "serverErrors" : undefined);

  const tally = (p: Phase, what: string) =>
    Object.entries(
      seen.filter((s) => s.phase === p && s.what === what).reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
    )
      .map(([status, n]) => `${n}×${status}`)
      .join(" ");
  rec.note(
    `(b) PostgreSQL down ${restartedAt - stoppedAt} ms; health while down: ${tally("down", "health")} (+ ${downHealth.join("/")}); pages while down: ${tally("down", "page")}; ` +
      `healthy ${healthyAfterMs} ms after start; after: health ${tally("after", "health")}, pages ${tally("after", "page")}; same app process (pid ${server.child.pid})`,
  );
  await server.stop();
  await pgCtl("stop", ["-m", "fast"]);
  expect(rec.failures.slice(failuresBefore)).toEqual([]);
});

test("(c) the embedded database refuses a second owner; the first owner's data is intact", async () => {
  const failuresBefore = rec.failures.length;
  const dir = await mkdtemp(path.join(os.tmpdir(), "alur-proof-pglite-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, "pglite");
  const first = await startEmbeddedDatabase({ dataDir });
  let firstStopped = false;
  cleanups.push(() => (firstStopped ? Promise.resolve() : first.stop()));
  const marker = `proof-${Date.now()}`;
  const writer = new pg.Client({ connectionString: first.url });
  await writer.connect();
  await writer.query(`CREATE TABLE proof_marker (id serial PRIMARY KEY, value text NOT NULL)`);
  await writer.query(`INSERT INTO proof_marker (value) VALUES ($1)`, [marker]);
  await writer.end();

  // A second process opening the folder directly, and a second `npm start` on it.
  const direct = await exec(process.execPath, ["--import", "tsx", "tests/fixtures/open-embedded.ts", dataDir], { timeout: 90_000 }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
  const app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/start.ts", "--port", "4422"], {
    env: { ...process.env, DATABASE_URL: "", ALUR_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let appOutput = "";
  app.stdout.on("data", (c: Buffer) => (appOutput += c.toString()));
  app.stderr.on("data", (c: Buffer) => (appOutput += c.toString()));
  const timer = setTimeout(() => app.kill("SIGKILL"), 90_000);
  const [appCode] = (await once(app, "exit")) as [number | null];
  clearTimeout(timer);
  rec.add("probes", 2);

  const inUse = (text: string) => text.includes("sedang dipakai oleh proses lain") && text.includes(String(process.pid));
  if (direct.code === 0 || !inUse(direct.output)) rec.fail(`a second process opened the folder (exit ${direct.code}): ${direct.output.slice(0, 300)}`);
  if (appCode === 0 || !inUse(appOutput)) rec.fail(`a second npm start was not refused clearly (exit ${appCode}): ${appOutput.slice(-300)}`);

  // The first owner still reads its row, and so does the next owner after it closed.
  const reader = new pg.Client({ connectionString: first.url });
  await reader.connect();
  const still = await reader.query<{ value: string }>(`SELECT value FROM proof_marker`);
  await reader.end();
  await first.stop();
  firstStopped = true;
  const again = await startEmbeddedDatabase({ dataDir });
  const next = new pg.Client({ connectionString: again.url });
  await next.connect();
  const reopened = await next.query<{ value: string }>(`SELECT value FROM proof_marker`);
  await next.end();
  await again.stop();
  if (still.rows.length !== 1 || still.rows[0]!.value !== marker) rec.fail(`the first owner's row changed: ${JSON.stringify(still.rows)}`);
  if (reopened.rows.length !== 1 || reopened.rows[0]!.value !== marker) rec.fail(`the row after reopening: ${JSON.stringify(reopened.rows)}`);
  rec.note(
    `(c) second owner refused: fixture exit ${direct.code} (${DataDirInUseError.name}), npm start exit ${appCode}; the first owner's row read back before and after reopening`,
  );
  expect(rec.failures.slice(failuresBefore)).toEqual([]);
});

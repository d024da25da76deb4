/**
 * The job queue across instances (docs/decisions/015-job-queue.md): two
 * production servers and two workers on one fresh PostgreSQL database, every
 * process on a controllable clock (tests/support/test-clock.mjs). A cycle is
 * started on one server and its first step done on the other; the clock then
 * jumps past twice the next step's standard. The step's reminder, late flag and
 * escalations must each be delivered exactly once, even with every alert job
 * queued twice more (a duplicate the TaskAlert key must absorb).
 *
 * lostTransitions: an alert not delivered; duplicatedTransitions: one delivered twice.
 * Ports: PROOF_JOBS_PORTS ("3304,3305" by default); database PROOF_JOBS_DB ("alur_proof_jobs").
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { builtActions, callAction, requireActionId, ROOT, signIn } from "../support/http";
import { createDatabase, ensureBuild, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { ProofRecorder } from "./report";

const rec = new ProofRecorder("jobs", "Two servers, two workers, one database: each alert once");
const PORTS = (process.env.PROOF_JOBS_PORTS ?? "3304,3305").split(",").map(Number);
const CLOCK = path.join(ROOT, "tests", "support", "test-clock.mjs");
const KINDS = ["DUE_SOON_50", "DUE_SOON_75", "LATE", "ESCALATED", "ESCALATED_HEAD"] as const;

let database: TestDatabase;
const servers: RunningServer[] = [];
let workers: ChildProcess[] = [];
let client: pg.Client;
let clockFile: string;

async function setClock(offsetMs: number) {
  await writeFile(clockFile, String(Math.round(offsetMs)));
}

function startWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "--import", pathToFileURL(CLOCK).href, "lib/cli/worker.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url, ALUR_TEST_CLOCK_FILE: clockFile, ALUR_WORKER_POLL_MS: "300", SMTP_URL: "" },
  });
  child.stderr!.on("data", (chunk: Buffer) => rec.note(`worker: ${chunk.toString().trim().slice(0, 300)}`));
  return child;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

beforeAll(async () => {
  await ensureBuild();
  clockFile = path.join(await mkdtemp(path.join(os.tmpdir(), "alur-clock-")), "offset");
  await setClock(0);
  database = await createDatabase(process.env.PROOF_JOBS_DB ?? "alur_proof_jobs");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const env = { ALUR_TEST_CLOCK_FILE: clockFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(CLOCK).href}`.trim() };
  // One at a time into the array, so afterAll stops a server that started even when the other failed.
  for (const port of PORTS) servers.push(await startServer({ databaseUrl: database.url, port, env }));
  workers = [startWorker(database.url), startWorker(database.url)];
}, 240_000);

afterAll(async () => {
  for (const w of workers) {
    if (w.exitCode === null) {
      const exited = once(w, "exit");
      w.kill("SIGTERM");
      await exited;
    }
  }
  await Promise.all(servers.map((s) => s.stop()));
  await client?.end();
  await database?.drop();
  const result = await rec.save();
  console.info(JSON.stringify(result, null, 2));
});

test("a reminder, the late flag and both escalations are each delivered once", async () => {
  const actions = await builtActions();
  const [a, b] = servers as [RunningServer, RunningServer];
  const [cookieA, cookieB] = await Promise.all([signIn(a.baseUrl, "kadis@sumbar.demo"), signIn(b.baseUrl, "kadis@sumbar.demo")]);
  expect(cookieA && cookieB).toBeTruthy();
  const [sop] = await query<{ id: string }>(
    `SELECT s.id FROM "Sop" s JOIN "Agency" a ON a.id = s."agencyId" WHERE a.slug = 'bmcktr-sumbar' AND s.status = 'ACTIVE'`,
  );
  // Server A starts a cycle nobody has run (year 2027); server B completes step 1 (the Kepala Dinas's disposition).
  const start = await callAction(a.baseUrl, requireActionId(actions, "lib/cycle/actions.ts#startCycleAction"), ["bmcktr-sumbar", { sopId: sop!.id, year: 2027, period: "TW1" }], {
    cookie: cookieA,
  });
  rec.add("probes");
  const started = start.result as { ok: boolean; data?: { id: string } } | undefined;
  expect(started?.ok, start.body.slice(0, 300)).toBe(true);
  const cycleId = started!.data!.id;
  const [step1] = await query<{ id: string }>(`SELECT id FROM "CycleTask" WHERE "cycleId" = $1 AND "stepNumber" = 1`, [cycleId]);
  const done = await callAction(
    b.baseUrl,
    requireActionId(actions, "lib/cycle/actions.ts#taskAction"),
    ["bmcktr-sumbar", { cycleId, taskId: step1!.id, event: "COMPLETE", outputText: "Nota: Sekretaris agar melaksanakan pengukuran kinerja Triwulan I 2027." }],
    { cookie: cookieB },
  );
  rec.add("probes");
  expect((done.result as { ok: boolean } | undefined)?.ok, done.body.slice(0, 300)).toBe(true);
  const [step2] = await query<{ id: string }>(`SELECT id FROM "CycleTask" WHERE "cycleId" = $1 AND "stepNumber" = 2`, [cycleId]);
  const jobs = await query<{ key: string; run_at: Date }>(`SELECT key, run_at FROM graphile_worker.jobs WHERE key LIKE $1`, [`alert:${step2!.id}:%`]);
  expect(jobs.map((j) => j.key.split(":")[2]).sort()).toEqual([...KINDS].sort());
  // Every alert queued twice more without a key: duplicates for the two workers to race on.
  for (const kind of KINDS) {
    for (let i = 0; i < 2; i++) {
      await client.query(`SELECT graphile_worker.add_job('task_alert', $1::json, run_at => $2::timestamptz)`, [
        JSON.stringify({ taskId: step2!.id, kind }),
        jobs.find((j) => j.key.endsWith(kind))!.run_at,
      ]);
    }
  }

  // Jump every process's clock past twice the standard (the last alert) and let the workers run.
  const last = Math.max(...jobs.map((j) => j.run_at.getTime()));
  await setClock(last + 60_000 - Date.now());
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [{ n }] = (await query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'taskId' = $1`, [step2!.id])) as [{ n: string }];
    if (Number(n) === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  const alerts = await query<{ kind: string; notified: number }>(`SELECT kind::text, notified FROM "TaskAlert" WHERE "taskId" = $1`, [step2!.id]);
  const notes = await query<{ kind: string; userId: string; title: string }>(`SELECT kind::text, "userId", title FROM "Notification" WHERE "taskId" = $1`, [step2!.id]);
  for (const kind of KINDS) {
    rec.add("probes");
    const rows = notes.filter((n) => n.kind === kind);
    const users = new Set(rows.map((r) => r.userId));
    const alert = alerts.filter((x) => x.kind === kind);
    if (rows.length === 0 || alert.length === 0) rec.fail(`${kind}: not delivered (${alert.length} alert rows, ${rows.length} notifications)`, "lostTransitions");
    if (alert.length > 1 || users.size !== rows.length) rec.fail(`${kind}: delivered more than once (${alert.length} alert rows, ${rows.length} notifications)`, "duplicatedTransitions");
    if (rows.some((r) => !r.title.includes("Triwulan I 2027"))) rec.fail(`${kind}: a notification does not name the cycle's period`);
  }
  rec.note(
    `alerts: ${KINDS.map((k) => `${k} ${notes.filter((n) => n.kind === k).length}`).join(", ")}; ${alerts.length} TaskAlert rows from ${jobs.length * 3} jobs on two workers`,
  );
  expect(alerts).toHaveLength(KINDS.length);
  expect(rec.failures).toEqual([]);
}, 180_000);

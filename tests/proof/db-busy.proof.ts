/**
 * A busy database pool, in the real production server (real HTTP, real PostgreSQL, no mocks).
 *
 * Every request borrows a connection from the web process's pool (DATABASE_POOL_MAX) and waits at
 * most DATABASE_CONNECT_TIMEOUT_MS for one. Here the pool has two connections and a 400 ms wait,
 * and two renders of the public verification page are held inside the database (this test locks
 * their table), so the pool is empty. Then:
 * - a download (the audit CSV, the timeline PDF) answers 503 with Retry-After and the Indonesian
 *   busy message, not a 500;
 * - a server action answers the busy message with code BUSY, and writes nothing;
 * - once the pool is free again, the same download and the same action succeed.
 * And heavy downloads are limited per process (ALUR_EXPORT_CONCURRENCY, here 1, with a wait of
 * ALUR_EXPORT_WAIT_MS): while one export is being produced, a second waits, then gets the same
 * 503 without recording an export it did not give; after the first, a third is served whole.
 */
import http from "node:http";

import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { BUSY_MESSAGE } from "@/lib/cli/render-gate.mjs";

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
import { query } from "./probe";

const PORT = Number(process.env.DB_BUSY_PORT ?? 4440);
const SLUG = "bmcktr-sumbar";
let database: TestDatabase;
let server: RunningServer;
let cookie: string;
let cycleId: string;
let sopId: string;
let startCycle: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "localhost", port: PORT, path, agent: false, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Locks `table` in one transaction; `release()` commits. */
async function lockTable(table: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/** Both pool connections held by renders waiting on a lock; `release()` lets them finish. */
async function exhaustPool(): Promise<{ release(): Promise<void> }> {
  const lock = await lockTable("SignedDocument");
  const held = [get("/v/ABCDEFGHJK"), get("/v/ABCDEFGHJL")];
  await sleep(800); // both renders are inside the database, each on one of the pool's two connections
  return {
    async release() {
      await lock.release();
      for (const answer of await Promise.all(held)) expect(answer.status).toBe(404);
    },
  };
}

const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(database.url, sql, params))[0]!.n);
const exportsRecorded = () => count(`SELECT count(*)::text AS n FROM "AuditEvent" WHERE "action" = 'report.export'`);

function expectBusy(answer: Answer) {
  expect(answer.status).toBe(503);
  expect(answer.headers["retry-after"]).toBe("5");
  expect(JSON.parse(answer.body)).toEqual({ error: BUSY_MESSAGE });
}

beforeAll(async () => {
  await ensureBuild();
  database = await createDatabase(process.env.DB_BUSY_DATABASE ?? `alur_proof_db_busy_${process.pid}`);
  server = await startServer({
    databaseUrl: database.url,
    port: PORT,
    env: { DATABASE_POOL_MAX: "2", DATABASE_CONNECT_TIMEOUT_MS: "400", ALUR_EXPORT_CONCURRENCY: "1", ALUR_EXPORT_WAIT_MS: "1000" },
  });
  cookie = (await signIn(server.baseUrl, "kadis@sumbar.demo"))!;
  expect(cookie).toBeTruthy();
  const [cycle] = await query<{ id: string; sopId: string }>(
    database.url,
    `SELECT c.id, c."sopId" FROM "MeasurementCycle" c JOIN "Agency" a ON a.id = c."agencyId" WHERE a.slug = $1 ORDER BY c."startedAt" LIMIT 1`,
    [SLUG],
  );
  cycleId = cycle!.id;
  sopId = cycle!.sopId;
  startCycle = requireActionId(await builtActions(), "lib/cycle/actions.ts#startCycleAction");
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("with the pool empty, downloads answer 503 with Retry-After and the Indonesian message, an action answers BUSY and writes nothing", async () => {
  const cyclesBefore = await count(`SELECT count(*)::text AS n FROM "MeasurementCycle"`);
  const eventsBefore = await count(`SELECT count(*)::text AS n FROM "AuditEvent"`);
  const pool = await exhaustPool();
  try {
    expectBusy(await get(`/a/${SLUG}/audit/export`, { cookie }));
    expectBusy(await get(`/a/${SLUG}/cycles/${cycleId}/timeline/pdf`, { cookie }));
    const started = await callAction(server.baseUrl, startCycle, [SLUG, { sopId, year: 2031, period: "TW1" }], { cookie });
    expect(started.status).toBe(200);
    const result = started.result as WireActionResult;
    expect(result).toMatchObject({ ok: false, code: "BUSY", error: BUSY_MESSAGE });
  } finally {
    await pool.release();
  }
  expect(await count(`SELECT count(*)::text AS n FROM "MeasurementCycle"`)).toBe(cyclesBefore);
  expect(await count(`SELECT count(*)::text AS n FROM "AuditEvent"`)).toBe(eventsBefore);
  expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace for a busy pool

  // The pool is free again: the same requests are served.
  const csv = await get(`/a/${SLUG}/audit/export`, { cookie });
  expect(csv.status).toBe(200);
  expect(csv.body.split("\n").length).toBeGreaterThan(10);
  const pdf = await get(`/a/${SLUG}/cycles/${cycleId}/timeline/pdf`, { cookie });
  expect(pdf.status).toBe(200);
  expect(pdf.headers["content-type"]).toContain("application/pdf");
  const again = await callAction(server.baseUrl, startCycle, [SLUG, { sopId, year: 2031, period: "TW1" }], { cookie });
  expect(again.result).toMatchObject({ ok: true });
}, 120_000);

test("heavy downloads are limited per process: a second waits, then gets 503 without recording an export; after the first, a third is served", async () => {
  const recorded = await exportsRecorded();
  // The first export is held while it records itself (its audit row waits for this lock).
  const lock = await lockTable("AuditEvent");
  const first = get(`/a/${SLUG}/audit/export`, { cookie });
  await sleep(800);
  const started = Date.now();
  const second = await get(`/a/${SLUG}/audit/sla/export`, { cookie });
  expectBusy(second);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900); // it waited for a place first
  await lock.release();
  const firstAnswer = await first;
  expect(firstAnswer.status).toBe(200);
  expect(firstAnswer.body.split("\n").length).toBeGreaterThan(10);
  expect(await exportsRecorded()).toBe(recorded + 1); // the refused export recorded nothing

  const third = await get(`/a/${SLUG}/audit/sla/export`, { cookie });
  expect(third.status).toBe(200);
  expect(await exportsRecorded()).toBe(recorded + 2);
}, 120_000);

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
 * - a page (the dashboard, in Chromium at a phone's width) shows the busy message with "Coba lagi",
 *   not the generic error, and its document answers 503 with Retry-After, not 500; "Coba lagi",
 *   once the pool is free, shows the page (docs/decisions/079-busy-page.md).
 * And heavy downloads are limited per process (ALUR_EXPORT_CONCURRENCY, here 1, with a wait of
 * ALUR_EXPORT_WAIT_MS): while one export is being produced, a second waits, then gets the same
 * 503 without recording an export it did not give; after the first, a third is served whole.
 */
import http from "node:http";

import { chromium } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { BUSY_MESSAGE } from "@/lib/cli/render-gate.mjs";
import { COMMON } from "@/lib/i18n/common";

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
import { CHROMIUM_LAUNCH_OPTIONS } from "../support/chromium";
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

/** A GET that fails the test if unanswered within `timeoutMs` (a request that hangs is a failure too). */
function get(path: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "localhost", port: PORT, path, agent: false, headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      })
      .on("timeout", function (this: http.ClientRequest) {
        this.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`));
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

const POOL = 2;
const CODES = ["ABCDEFGHJK", "ABCDEFGHJM", "ABCDEFGHJN", "ABCDEFGHJP", "ABCDEFGHJQ", "ABCDEFGHJR", "ABCDEFGHJS", "ABCDEFGHJT"];

/** Server connections waiting for the lock on the verification page's table. */
const lockWaiters = () =>
  count(`SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"SignedDocument"%'`);

/**
 * Every pool connection held by a render of the public verification page waiting on a lock, checked
 * in pg_stat_activity (a render that found no free connection, because the audit sequencer had one
 * for a moment, is simply followed by another). `release()` lets them finish and returns their answers.
 */
async function exhaustPool(): Promise<{ release(): Promise<Answer[]> }> {
  const lock = await lockTable("SignedDocument");
  const held: Promise<Answer>[] = [];
  for (const code of CODES) {
    if ((await lockWaiters()) >= POOL) break;
    const before = await lockWaiters();
    held.push(get(`/v/${code}`, {}, 90_000));
    for (let i = 0; i < 20 && (await lockWaiters()) === before; i++) await sleep(100);
  }
  expect(await lockWaiters()).toBe(POOL);
  return {
    async release() {
      await lock.release();
      return Promise.all(held);
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
    env: { DATABASE_POOL_MAX: String(POOL), DATABASE_CONNECT_TIMEOUT_MS: "400", ALUR_EXPORT_CONCURRENCY: "1", ALUR_EXPORT_WAIT_MS: "1000" },
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
  let csv: Answer, pdf: Answer, started: Awaited<ReturnType<typeof callAction>>;
  try {
    csv = await get(`/a/${SLUG}/audit/export`, { cookie });
    pdf = await get(`/a/${SLUG}/cycles/${cycleId}/timeline/pdf`, { cookie });
    started = await callAction(server.baseUrl, startCycle, [SLUG, { sopId, year: 2031, period: "TW1" }], { cookie });
  } finally {
    // The held renders are served once the lock goes (the page says the code is unknown).
    for (const answer of await pool.release()) expect(answer.status).toBe(200);
  }
  expectBusy(csv);
  expectBusy(pdf);
  expect(started.status).toBe(200);
  expect(started.result as WireActionResult).toMatchObject({ ok: false, code: "BUSY", error: BUSY_MESSAGE });
  expect(await count(`SELECT count(*)::text AS n FROM "MeasurementCycle"`)).toBe(cyclesBefore);
  expect(await count(`SELECT count(*)::text AS n FROM "AuditEvent"`)).toBe(eventsBefore);
  expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace for a busy pool

  // The pool is free again: the same requests are served.
  const csvAfter = await get(`/a/${SLUG}/audit/export`, { cookie });
  expect(csvAfter.status).toBe(200);
  expect(csvAfter.body.split("\n").length).toBeGreaterThan(10);
  const pdfAfter = await get(`/a/${SLUG}/cycles/${cycleId}/timeline/pdf`, { cookie });
  expect(pdfAfter.status).toBe(200);
  expect(pdfAfter.headers["content-type"]).toContain("application/pdf");
  const again = await callAction(server.baseUrl, startCycle, [SLUG, { sopId, year: 2031, period: "TW1" }], { cookie });
  expect(again.result).toMatchObject({ ok: true });
}, 120_000);

test("heavy downloads are limited per process: a second waits, then gets 503 without recording an export; after the first, a third is served", async () => {
  const recorded = await exportsRecorded();
  // The first export is held while it records itself (its audit row waits for this lock).
  const lock = await lockTable("AuditEvent");
  const first = get(`/a/${SLUG}/audit/export`, { cookie }, 90_000);
  let second: Answer, waited: number;
  try {
    await sleep(800);
    const started = Date.now();
    second = await get(`/a/${SLUG}/audit/sla/export`, { cookie }, 15_000);
    waited = Date.now() - started;
  } finally {
    await lock.release();
  }
  expectBusy(second);
  expect(waited).toBeGreaterThanOrEqual(900); // it waited for a place first
  const firstAnswer = await first;
  expect(firstAnswer.status).toBe(200);
  expect(firstAnswer.body.split("\n").length).toBeGreaterThan(10);
  expect(await exportsRecorded()).toBe(recorded + 1); // the refused export recorded nothing

  const third = await get(`/a/${SLUG}/audit/sla/export`, { cookie });
  expect(third.status).toBe(200);
  expect(await exportsRecorded()).toBe(recorded + 2);
}, 120_000);

test("a page that meets the busy pool says the server is busy (Coba lagi), answers 503 with Retry-After, logs no stack; Coba lagi shows the page once the pool is free", async () => {
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addCookies(
      cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: server.baseUrl })),
    );
    const page = await context.newPage();
    const logBefore = server.output().length;
    const pool = await exhaustPool();
    let document: Answer;
    let shown: { status: number | undefined; text: string };
    try {
      // What monitoring and a reload see: the document's status line.
      document = await get(`/a/${SLUG}`, { cookie });
      // What a Kadis on a phone sees.
      const response = await page.goto(`${server.baseUrl}/a/${SLUG}`);
      await page.getByRole("button", { name: COMMON.tryAgain }).waitFor({ timeout: 20_000 });
      shown = { status: response?.status(), text: await page.locator("main").innerText() };
    } finally {
      for (const answer of await pool.release()) expect(answer.status).toBe(200);
    }
    expect(shown.text).toContain(BUSY_MESSAGE);
    expect(shown.text).not.toContain(COMMON.errorTitle);
    expect(document.status).toBe(503);
    expect(document.headers["retry-after"]).toBe("5");
    expect(document.headers["cache-control"]).toContain("no-store");
    expect(shown.status).toBe(503);
    expect(document.body).not.toMatch(/\n\s+at /);
    const log = server.output().slice(logBefore);
    expect(log).not.toMatch(/\n\s+at /); // no stack trace for a busy pool
    expect(log).toMatch(/timeout exceeded when trying to connect/); // but the reason is logged, once per request

    // The pool is free again: "Coba lagi" asks the server again and shows the dashboard.
    await page.getByRole("button", { name: COMMON.tryAgain }).click();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator("main").innerText()).not.toContain(BUSY_MESSAGE);
  } finally {
    await browser.close();
  }
}, 120_000);

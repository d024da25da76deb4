/**
 * The render gate (lib/cli/render-gate.mjs, docs/decisions/059-render-gate.md) in the real
 * production server: `next start` through lib/cli/web-process.mjs, real HTTP, no mocks.
 *
 * With ALUR_RENDER_CONCURRENCY=1 and a queue of one: a page render held up in the database (the
 * public verification page /v/<code> while this test holds a lock on its table) takes the only
 * place; a second GET waits (no answer yet) and is served once the first is done; a third finds
 * the queue full and gets 503 with Retry-After and the Indonesian message; /api/health and a POST
 * never wait; a wait longer than the queue timeout ends in the same 503.
 */
import http from "node:http";

import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";

import { BUSY_MESSAGE } from "@/lib/cli/render-gate.mjs";

import { createDatabase, ensureBuild, startServer, type RunningServer, type TestDatabase } from "../support/server";

const PORT = Number(process.env.RENDER_GATE_PORT ?? 4430);
const TIMEOUT_MS = 4000;
let database: TestDatabase;
let server: RunningServer;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "localhost", port: PORT, path, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

/** A lock on the verification page's table: its render waits in the database until release(). */
async function holdRender(): Promise<{ answer: Promise<Answer>; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "SignedDocument" IN ACCESS EXCLUSIVE MODE');
  const answer = get("/v/ABCDEFGHJK");
  await new Promise((resolve) => setTimeout(resolve, 500)); // the render is inside Next, waiting for the lock
  return {
    answer,
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

function post(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "localhost", port: PORT, path, method: "POST", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end();
  });
}

/** The answer if it comes within `ms`, else "pending". */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), ms))]);

beforeAll(async () => {
  await ensureBuild();
  database = await createDatabase(process.env.RENDER_GATE_DATABASE ?? "alur_proof_render_gate", { seed: false });
  server = await startServer({
    databaseUrl: database.url,
    port: PORT,
    env: { ALUR_RENDER_CONCURRENCY: "1", ALUR_RENDER_QUEUE: "1", ALUR_RENDER_QUEUE_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("over the limit a GET waits, a full queue gets 503 in Indonesian, the health probe and a POST never wait", async () => {
  const first = await holdRender();
  expect(await within(first.answer, 300)).toBe("pending");
  const second = get("/api/ping");
  expect(await within(second, 1000)).toBe("pending");

  const third = await get("/api/ping");
  expect(third.status).toBe(503);
  expect(third.headers["retry-after"]).toBe("5");
  expect(third.body.trim()).toBe(BUSY_MESSAGE);

  const health = await within(get("/api/health"), 3000);
  expect(health).not.toBe("pending");
  expect((health as Answer).status).toBe(200);
  const posted = await within(post("/api/ping"), 3000);
  expect(posted).not.toBe("pending");
  expect(posted).not.toBe(503);

  await first.release();
  expect((await first.answer).status).toBe(200);
  const served = await second;
  expect(served.status).toBe(200);
}, 60_000);

test("a request that waits longer than the queue timeout gets 503 in Indonesian", async () => {
  const first = await holdRender();
  const started = Date.now();
  const waited = await get("/api/ping");
  expect(waited.status).toBe(503);
  expect(waited.body.trim()).toBe(BUSY_MESSAGE);
  expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
  await first.release();
  expect((await first.answer).status).toBe(200);
  expect((await get("/api/ping")).status).toBe(200);
}, 60_000);

/**
 * The render gate (lib/cli/render-gate.mjs, docs/decisions/059-render-gate.md) in the real
 * production server: `next start` through lib/cli/web-process.mjs, real HTTP, no mocks.
 *
 * With ALUR_RENDER_CONCURRENCY=1 and a queue of one: a page render held up in the database (the
 * public verification page /v/<code> while this test holds a lock on its table) takes the only
 * place; a second GET waits (no answer yet) and is served once the first is done; a third finds
 * the queue full and gets 503 with Retry-After and the Indonesian message; /api/health never
 * waits; a wait longer than the queue timeout ends in the same 503.
 *
 * Requests with a body (docs/decisions/085-action-gate.md): a POST waits like a GET once its body
 * is in, and a server action turned away reads the busy message as Next's client reads it (type
 * exactly text/plain); a POST whose body is still arriving holds no place (pages are served while
 * it dribbles, and it is answered once it ends); a body larger than the request's buffer (an
 * upload) passes straight through.
 */
import http from "node:http";

import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

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

/** Locks still held: released after each test, so a failed one does not keep the only place for the next. */
const held = new Set<() => Promise<void>>();

/** A lock on the verification page's table: its render waits in the database until release(). */
async function holdRender(): Promise<{ answer: Promise<Answer>; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "SignedDocument" IN ACCESS EXCLUSIVE MODE');
  const answer = get("/v/ABCDEFGHJK");
  await new Promise((resolve) => setTimeout(resolve, 500)); // the render is inside Next, waiting for the lock
  const release = async () => {
    if (!held.delete(release)) return;
    await client.query("COMMIT");
    await client.end();
  };
  held.add(release);
  return { answer, release };
}

/**
 * A POST of `body`; `parts` > 1 sends it in that many pieces, `gapMs` apart (a slow client), with its
 * Content-Length announced first. `headers` beside it (a server action's Next-Action).
 */
function post(path: string, body = "", options: { parts?: number; gapMs?: number; headers?: http.OutgoingHttpHeaders } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "localhost", port: PORT, path, method: "POST", agent: false, headers: { "content-type": "text/plain;charset=UTF-8", "content-length": Buffer.byteLength(body), ...options.headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    request.on("error", reject);
    const parts = options.parts ?? 1;
    const size = Math.ceil(body.length / parts);
    let sent = 0;
    const next = () => {
      if (sent >= body.length) return request.end();
      request.write(body.slice(sent, sent + size));
      sent += size;
      setTimeout(next, options.gapMs ?? 0);
    };
    next();
  });
}

/** What a server action posts: its id in Next-Action, its arguments as JSON (tests/support/http.ts). */
const ACTION = { "next-action": "00".repeat(21), accept: "text/x-component" };

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

afterEach(async () => {
  for (const release of [...held]) await release();
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("over the limit a GET waits, a full queue gets 503 in Indonesian, the health probe never waits", async () => {
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

test("over the limit a POST waits once its body is in, and a server action turned away reads the busy message", async () => {
  const first = await holdRender();
  const action = post("/api/ping", JSON.stringify(["slug", { taskId: "t" }]), { headers: ACTION });
  expect(await within(action, 1000)).toBe("pending");

  // The queue (one place) is the action's: the next action, and a page, are turned away.
  const turnedAway = await post("/api/ping", "[]", { headers: ACTION });
  expect(turnedAway.status).toBe(503);
  expect(turnedAway.headers["retry-after"]).toBe("5");
  // Next's client (server-action-reducer) hands the body on as the error only for exactly text/plain.
  expect(turnedAway.headers["content-type"]).toBe("text/plain");
  expect(turnedAway.body.trim()).toBe(BUSY_MESSAGE);
  expect((await get("/api/ping")).status).toBe(503);

  await first.release();
  expect((await first.answer).status).toBe(200);
  const answered = await action;
  expect(answered.status).not.toBe(503);
}, 60_000);

test("a POST whose body is still arriving holds no place: pages are served while it dribbles", async () => {
  // 20 pieces 200 ms apart: ~4 s for its body, the only place free all along.
  const slow = post("/api/ping", "x".repeat(400), { parts: 20, gapMs: 200 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < 3; i++) {
    const page = await within(get("/api/ping"), 1500);
    expect(page).not.toBe("pending");
    expect((page as Answer).status).toBe(200);
  }
  expect(await within(slow, 100)).toBe("pending");
  const answered = await slow;
  expect(answered.status).not.toBe(503);
}, 60_000);

test("a body larger than the request's buffer (an upload) passes straight through", async () => {
  const first = await holdRender();
  const upload = await within(post("/api/ping", "x".repeat(64 * 1024)), 3000);
  expect(upload).not.toBe("pending");
  expect((upload as Answer).status).not.toBe(503);
  await first.release();
  expect((await first.answer).status).toBe(200);
}, 60_000);

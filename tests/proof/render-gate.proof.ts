/**
 * The render gate (lib/cli/render-gate.mjs, docs/decisions/059-render-gate.md) in the real
 * production server: `next start` through lib/cli/web-process.mjs, real HTTP, no mocks.
 *
 * With ALUR_RENDER_CONCURRENCY=1 and a queue of one: a request whose body is still arriving
 * (a sign-in POST: NextAuth reads the form before it answers) holds the only place; a second
 * request waits (no answer yet) and is served once the first is done; a third finds the queue
 * full and gets 503 with Retry-After and the Indonesian message; /api/health never waits; a wait
 * longer than the queue timeout ends in the same 503.
 */
import http from "node:http";

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

/** A sign-in POST that sends half its body: it holds its place until finish() sends the rest. */
function slowPost(): { answer: Promise<Answer>; finish(): void } {
  const form = "csrfToken=x&email=nobody%40example.invalid&password=wrong-password";
  const request = http.request({
    host: "localhost",
    port: PORT,
    path: "/api/auth/callback/credentials",
    method: "POST",
    agent: false,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(form) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    request.on("error", reject);
  });
  request.write(form.slice(0, 10));
  return { answer, finish: () => request.end(form.slice(10)) };
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

test("over the limit a request waits, a full queue gets 503 in Indonesian, the health probe never waits", async () => {
  const first = slowPost();
  await new Promise((resolve) => setTimeout(resolve, 300)); // the first request is inside Next
  const second = get("/api/ping");
  expect(await within(second, 1000)).toBe("pending");

  const third = await get("/api/ping");
  expect(third.status).toBe(503);
  expect(third.headers["retry-after"]).toBe("5");
  expect(third.body.trim()).toBe(BUSY_MESSAGE);

  const health = await within(get("/api/health"), 3000);
  expect(health).not.toBe("pending");
  expect((health as Answer).status).toBe(200);

  first.finish();
  expect((await first.answer).status).not.toBe(503);
  const served = await second;
  expect(served.status).toBe(200);
}, 60_000);

test("a request that waits longer than the queue timeout gets 503 in Indonesian", async () => {
  const first = slowPost();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = Date.now();
  const waited = await get("/api/ping");
  expect(waited.status).toBe(503);
  expect(waited.body.trim()).toBe(BUSY_MESSAGE);
  expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
  first.finish();
  expect((await first.answer).status).not.toBe(503);
  expect((await get("/api/ping")).status).toBe(200);
}, 60_000);

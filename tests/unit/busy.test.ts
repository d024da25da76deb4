/**
 * The pieces of "a busy server says so" (lib/http/busy.ts, docs/decisions/074-busy-database.md)
 * that need no server: which errors count as a busy database, the download places, the body that
 * frees its place, the retry of a download step, and the settings' validation. The whole path,
 * in the production server with an empty pool, is tests/proof/db-busy.proof.ts.
 */
import { describe, expect, it, vi } from "vitest";

import { renderGateConfig, RenderGateConfigError } from "@/lib/cli/render-gate.mjs";
import { connectTimeoutMs, DatabaseConfigError } from "@/lib/db/pool-config";
import { BUSY_MESSAGE, busyResponse, isDatabaseBusy, onBodyDone, Places, retryWhenBusy } from "@/lib/http/busy";
import { UNEXPECTED_ERROR, unansweredMessage } from "@/lib/i18n/unexpected";

/** What pg-pool throws when no connection came free in time, as Prisma's adapter wraps it. */
const poolTimeout = () => Object.assign(new Error("driver adapter error"), { cause: new Error("timeout exceeded when trying to connect") });

describe("busy database", () => {
  it("a pool timeout and a refused connection are busy; a query's own error is not", () => {
    expect(isDatabaseBusy(poolTimeout())).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
    expect(isDatabaseBusy(new Error("Cannot read properties of undefined"))).toBe(false);
  });

  it("answers 503 with Retry-After and the Indonesian message, uncached", async () => {
    const response = busyResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ error: BUSY_MESSAGE });
    expect(BUSY_MESSAGE).toMatch(/sibuk.*coba lagi/i);
  });

  it("retries a download step while the database is busy, and only then", async () => {
    let calls = 0;
    const value = await retryWhenBusy(async () => {
      calls++;
      if (calls < 3) throw poolTimeout();
      return "rows";
    }, 4, 1);
    expect(value).toBe("rows");
    expect(calls).toBe(3);

    let failing = 0;
    await expect(retryWhenBusy(async () => {
      failing++;
      throw new Error("syntax error at or near");
    }, 4, 1)).rejects.toThrow("syntax error");
    expect(failing).toBe(1);

    let stubborn = 0;
    await expect(retryWhenBusy(async () => {
      stubborn++;
      throw poolTimeout();
    }, 3, 1)).rejects.toThrow();
    expect(stubborn).toBe(3);
  });
});

describe("an action turned away", () => {
  it("a form reads the busy message when Next's client threw the gate's answer, the generic one otherwise", () => {
    // Next's client throws the body of a text/plain error answer as the message (docs/decisions/085-action-gate.md).
    expect(unansweredMessage(new Error(`${BUSY_MESSAGE}\n`))).toBe(BUSY_MESSAGE);
    expect(unansweredMessage(new Error("An unexpected response was received from the server."))).toBe(UNEXPECTED_ERROR);
    expect(unansweredMessage(new TypeError("Failed to fetch"))).toBe(UNEXPECTED_ERROR);
    expect(unansweredMessage(undefined)).toBe(UNEXPECTED_ERROR);
  });
});

describe("download places", () => {
  it("gives places up to the limit, queues the rest in order, and refuses after the wait", async () => {
    const places = new Places(2, 50);
    const a = (await places.take())!;
    const b = (await places.take())!;
    expect(places.inUse).toBe(2);
    const order: string[] = [];
    const c = places.take().then((release) => (order.push("c"), release));
    const d = places.take().then((release) => (order.push("d"), release));
    a();
    a(); // a second release of the same place frees nothing more
    expect(await c).toBeTypeOf("function");
    expect(places.inUse).toBe(2);
    expect(await d).toBeNull(); // b is still held: d waited 50 ms and was refused
    expect(order).toEqual(["c", "d"]);
    b();
    (await c)!();
    expect(places.inUse).toBe(0);
    expect(await new Places(1, 0).take()).toBeTypeOf("function");
  });

  it("with no wait, a full process refuses at once", async () => {
    const places = new Places(1, 0);
    await places.take();
    expect(await places.take()).toBeNull();
  });

  it("a body frees its place once read to the end, or when its reader goes away", async () => {
    let freed = 0;
    const whole = onBodyDone(new Response("a,b\n1,2\n").body!, () => freed++);
    expect(await new Response(whole).text()).toBe("a,b\n1,2\n");
    expect(freed).toBe(1);

    const source = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array([65])) }); // endless
    const cut = onBodyDone(source, () => freed++);
    const reader = cut.getReader();
    await reader.read();
    await reader.cancel("client gone");
    expect(freed).toBe(2);
  });
});

describe("settings", () => {
  it("download places and the connection wait are validated with Indonesian messages", () => {
    expect(renderGateConfig({})).toMatchObject({ downloadLimit: 3, downloadWaitMs: 20_000 });
    expect(renderGateConfig({ ALUR_EXPORT_CONCURRENCY: "1", ALUR_EXPORT_WAIT_MS: "0" })).toMatchObject({ downloadLimit: 1, downloadWaitMs: 0 });
    expect(() => renderGateConfig({ ALUR_EXPORT_CONCURRENCY: "0" })).toThrow(RenderGateConfigError);
    expect(() => renderGateConfig({ ALUR_EXPORT_WAIT_MS: "lama" })).toThrow(/ALUR_EXPORT_WAIT_MS harus bilangan bulat/);
    expect(connectTimeoutMs({})).toBe(5_000);
    expect(connectTimeoutMs({ DATABASE_CONNECT_TIMEOUT_MS: "400" })).toBe(400);
    expect(() => connectTimeoutMs({ DATABASE_CONNECT_TIMEOUT_MS: "5s" })).toThrow(DatabaseConfigError);
    expect(() => connectTimeoutMs({ DATABASE_CONNECT_TIMEOUT_MS: "10" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS harus bilangan bulat/);
  });
});

describe("guardRoute", () => {
  it("lets Next's notFound() and redirect() through, answers the rest in Indonesian", async () => {
    const { guardRoute } = await import("@/lib/authz/route");
    const { notFound, redirect } = await import("next/navigation");
    await expect(guardRoute(async () => notFound())()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(guardRoute(async () => redirect("/masuk"))()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const busy = await guardRoute(async (): Promise<Response> => {
      throw Object.assign(new Error("driver adapter error"), { cause: new Error("timeout exceeded when trying to connect") });
    })();
    expect(busy.status).toBe(503);
    warn.mockRestore();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await guardRoute(async (): Promise<Response> => {
      throw new Error("relation does not exist");
    })();
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: expect.stringMatching(/Terjadi kesalahan/) });
    log.mockRestore();
  });
});

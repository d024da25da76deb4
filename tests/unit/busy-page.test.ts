/**
 * A page render that meets a busy database (docs/decisions/079-busy-page.md), the pieces that need
 * no application server: the pool throws a busy failure as a DatabaseBusyError (digest for the error
 * page, no stack, no code), and the web process writes the 500 of a request that met one as 503
 * with Retry-After (a real HTTP server here). The whole path, in the production server with an
 * empty pool and a browser, is tests/proof/db-busy.proof.ts.
 */
import http from "node:http";
import net from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { BUSY_DIGEST } from "@/lib/cli/busy.mjs";
import { answerBusyRenders, markBusyRender } from "@/lib/cli/busy-render.mjs";
import { asBusyError, busyAwarePool, DatabaseBusyError } from "@/lib/db/busy";
import { isDatabaseBusy } from "@/lib/http/busy";

const poolTimeout = () => new Error("timeout exceeded when trying to connect");

describe("a busy failure of the pool", () => {
  it("is thrown as a DatabaseBusyError: the busy digest, the reason, one line of stack, no code", () => {
    const error = asBusyError(Object.assign(new Error("driver adapter error"), { cause: poolTimeout() }));
    expect(error).toBeInstanceOf(DatabaseBusyError);
    const busy = error as DatabaseBusyError;
    expect(busy.digest).toBe(BUSY_DIGEST);
    expect(busy.message).toBe("timeout exceeded when trying to connect");
    expect(busy.stack).toBe("DatabaseBusyError: timeout exceeded when trying to connect");
    expect("code" in busy).toBe(false);
    expect(isDatabaseBusy(busy)).toBe(true);
    expect(asBusyError(busy)).toBe(busy);
  });

  it("leaves a query's own error as it is", () => {
    const unique = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    expect(asBusyError(unique)).toBe(unique);
  });
});

describe("the pool under Prisma", () => {
  const servers: { server: net.Server; sockets: net.Socket[] }[] = [];
  afterEach(async () => {
    for (const { server, sockets } of servers.splice(0)) {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /** A TCP server that accepts connections and never answers: the pool waits, then times out. */
  async function silentServer(): Promise<number> {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    servers.push({ server, sockets });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as net.AddressInfo).port;
  }

  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it("throws a DatabaseBusyError for a statement and for a transaction's connection when none comes in time", async () => {
    const pool = busyAwarePool({ connectionString: `postgresql://postgres@127.0.0.1:${await silentServer()}/none`, max: 1, connectionTimeoutMillis: 100 });
    try {
      const statement = await pool.query("SELECT 1").catch((error: unknown) => error);
      expect(statement).toBeInstanceOf(DatabaseBusyError);
      expect((statement as DatabaseBusyError).digest).toBe(BUSY_DIGEST);
      // pg-pool re-captures the stack of every error its promises reject with; it is one line again.
      expect((statement as Error).stack).not.toMatch(/\n\s+at /);
      const connection = await pool.connect().catch((error: unknown) => error);
      expect(connection).toBeInstanceOf(DatabaseBusyError);
      expect((connection as Error).stack).not.toMatch(/\n\s+at /);
    } finally {
      await pool.end();
    }
  });

  it("throws a DatabaseBusyError when the server refuses the connection", async () => {
    const pool = busyAwarePool({ connectionString: `postgresql://postgres@127.0.0.1:${await closedPort()}/none`, max: 1, connectionTimeoutMillis: 1000 });
    try {
      const error = await pool.query("SELECT 1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseBusyError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
    } finally {
      await pool.end();
    }
  });
});

describe("the status of a request that met a busy database", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
  });

  /** A server whose listener marks the request busy (deep in its async work, as a pool does) when asked, then answers `status`. */
  async function serve(): Promise<string> {
    server = http.createServer(
      answerBusyRenders(async (req, res) => {
        const url = new URL(req.url ?? "/", "http://x");
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (url.searchParams.has("busy")) await Promise.resolve().then(() => markBusyRender());
        await new Promise((resolve) => setImmediate(resolve));
        const status = Number(url.searchParams.get("status") ?? 500);
        if (url.searchParams.has("explicit")) res.writeHead(status, "Whatever", { "Content-Type": "text/plain" });
        else res.statusCode = status;
        res.write("first part, ");
        res.end("second part");
      }, 5),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as net.AddressInfo).port}`;
  }

  it("writes the 500 of a busy request as 503 with Retry-After, the body unchanged", async () => {
    const base = await serve();
    for (const query of ["?busy", "?busy&explicit"]) {
      const response = await fetch(`${base}/${query}`);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.text()).toBe("first part, second part");
    }
  });

  it("leaves every other answer alone: a 500 without a busy database, a busy request that answered 200", async () => {
    const base = await serve();
    const plain = await fetch(`${base}/`);
    expect(plain.status).toBe(500);
    expect(plain.headers.get("retry-after")).toBeNull();
    const recovered = await fetch(`${base}/?busy&status=200`);
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get("retry-after")).toBeNull();
  });

  it("keeps each request's record its own while they run at once", async () => {
    const base = await serve();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${base}/${i % 2 ? "?busy" : ""}`).then((r) => r.status)));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 503 : 500)));
  });

  it("does nothing outside a request", () => {
    expect(() => markBusyRender()).not.toThrow();
  });
});

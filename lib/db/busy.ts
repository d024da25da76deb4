import pg from "pg";

import { BUSY_DIGEST } from "@/lib/cli/busy.mjs";
import { markBusyRender } from "@/lib/cli/busy-render.mjs";

/**
 * A database that cannot serve a request for now (docs/decisions/074-busy-database.md and
 * 079-busy-page.md): the pool gave no connection in time, the server refused or dropped the
 * connection, or it is starting or shutting down. The rule is here, once; routes, actions and the
 * read replica ask it (lib/http/busy.ts isDatabaseBusy, lib/db/replica.ts), and the pool below
 * throws such failures as a DatabaseBusyError.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, kind, digest } = e as { code?: unknown; message?: unknown; kind?: unknown; digest?: unknown };
    if (digest === BUSY_DIGEST) return true;
    // Prisma: P1001 not reachable, P1002 timed out, P1008 socket timeout, P1017 connection closed, P2037 too many connections.
    if (typeof code === "string" && /^(P1001|P1002|P1008|P1017|P2037|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|08\w{3}|57P0[123])$/.test(code)) return true;
    if (typeof kind === "string" && /^(DatabaseNotReachable|SocketTimeout|ConnectionClosed|TooManyConnections)$/.test(kind)) return true;
    if (typeof message === "string" && /timeout exceeded when trying to connect|Connection terminated|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|ECONNREFUSED/i.test(message)) return true;
  }
  return false;
}

/**
 * What a busy database is thrown as, up to the page, route or action that asked: its `digest` tells
 * the error page (app/error.tsx) to show the busy message, and it carries no stack (a busy pool is
 * an operating condition, not a bug: Next logs a page's error as one line, not 15). It has no `code`
 * on purpose: Prisma's pg adapter would turn an error with a socket code into an error of its own,
 * without the digest; an error it does not know passes through Prisma unchanged.
 */
export class DatabaseBusyError extends Error {
  readonly digest = BUSY_DIGEST;

  constructor(reason: string) {
    super(reason);
    this.name = "DatabaseBusyError";
    this.trimStack();
  }

  /** One line, again: pg-pool gives every error of its promises a new stack (Error.captureStackTrace). */
  trimStack() {
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The innermost cause's last line: "timeout exceeded when trying to connect", "connect ECONNREFUSED …". */
export function failureReason(error: unknown): string {
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && (inner as { cause?: unknown })?.cause; depth++) inner = (inner as { cause: unknown }).cause;
  const text = inner instanceof Error ? inner.message : String(inner);
  return (text.split("\n").at(-1) ?? text).slice(0, 200);
}

/**
 * A failure of the pool as it is thrown on: a busy database as a DatabaseBusyError (and the request
 * being served is marked, so that a page that fails for it answers 503: lib/cli/busy-render.mjs);
 * any other error unchanged.
 */
export function asBusyError(error: unknown): unknown {
  if (!isConnectionFailure(error)) return error;
  markBusyRender();
  if (!(error instanceof DatabaseBusyError)) return new DatabaseBusyError(failureReason(error));
  error.trimStack();
  return error;
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * The pg pool under Prisma (lib/db/client.ts), whose busy failures are DatabaseBusyErrors: where a
 * busy database shows first (pg-pool's "timeout exceeded when trying to connect", a refused or
 * dropped connection), for a statement (pool.query, which connects through pool.connect) and for
 * the start of a transaction (pool.connect) alike. Nothing is added to a statement that succeeds
 * but one `.catch`.
 */
export function busyAwarePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | void;
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown> | void;
  pool.connect = ((callback?: ConnectCallback) => {
    if (callback) return connect((error, client, done) => callback(error ? (asBusyError(error) as Error) : error, client, done));
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      throw asBusyError(error);
    });
  }) as pg.Pool["connect"];
  pool.query = ((...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return query(...args);
    return (query(...args) as Promise<unknown>).catch((error: unknown) => {
      throw asBusyError(error);
    });
  }) as pg.Pool["query"];
  return pool;
}

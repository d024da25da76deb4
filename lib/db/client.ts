import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { busyAwarePool } from "./busy";
import { connectTimeoutMs } from "./pool-config";

/**
 * One Prisma client over the pg driver adapter, for PostgreSQL and for the
 * embedded PGlite server alike (lib/db/embedded.ts serves PGlite over the
 * PostgreSQL wire protocol), so there is a single code path above the adapter.
 * The pool is ours (lib/db/busy.ts): a busy database is thrown as a DatabaseBusyError, which a page's
 * error page recognises (docs/decisions/079-busy-page.md); Prisma ends it on $disconnect, as its own.
 */
export function createPrismaClient(url = databaseUrl()) {
  const pool = busyAwarePool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: connectTimeoutMs(),
    idleTimeoutMillis: 30_000,
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const transactionOptions = { maxWait: 10_000, timeout: 20_000 };
  if (process.env.ALUR_LOG_QUERIES !== "1") return new PrismaClient({ adapter, transactionOptions });
  // Opt-in, for the benchmark's statement count (tests/bench/run.ts): one stdout
  // line per statement. Off, the client is built exactly as before (no log option).
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    process.stdout.write(`[alur:query] ${event.duration}ms ${event.query.replace(/\s+/g, " ").slice(0, 300)}\n`);
  });
  return client as unknown as PrismaClient;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (embedded database) or set DATABASE_URL=postgresql://...",
    );
  }
  return url;
}

export type Db = ReturnType<typeof createPrismaClient>;
/** A Prisma client or an interactive transaction: services accept either. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { alurPrisma?: Db };

/** Lazily created so `next build` never needs a database. */
export function getDb(): Db {
  if (!globalForPrisma.alurPrisma) globalForPrisma.alurPrisma = createPrismaClient();
  return globalForPrisma.alurPrisma;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop, receiver) {
    const client = getDb();
    const value = Reflect.get(client, prop, receiver);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

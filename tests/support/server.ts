/**
 * Test and benchmark harness for the production server: fresh PostgreSQL
 * databases, `next start` processes on them, HTTP sign-in and server action
 * calls exactly as a browser makes them. Used by the proof suite
 * (tests/proof) and the benchmark (tests/bench); no mocks anywhere.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

import pg from "pg";

import { buildIfStale } from "@/lib/cli/build-state";
import { webProcessEnv } from "@/lib/cli/server-node-options";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed/demo";

import { ROOT } from "./http";

export {
  builtActions,
  callAction,
  DEMO_PASSWORD,
  parseActionResult,
  requireActionId,
  ROOT,
  signIn,
  type ActionResponse,
  type WireActionResult,
} from "./http";
/** `next start` behind the render gate, as `npm start` runs it (docs/decisions/059-render-gate.md). */
const webProcess = path.join(ROOT, "lib", "cli", "web-process.mjs");

/** The PostgreSQL server to create databases on: PROOF_PG_URL, DATABASE_URL, or the local default. */
export function adminUrl(): string {
  return process.env.PROOF_PG_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** Drops a database if it is there, connections and all (a run's own copies; the safety net of a run stopped half-way). */
export async function dropDatabase(name: string, serverUrl: string = adminUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database migrated and loaded with the demo data once per `npm run proof`
 * (tests/proof/run.ts sets it): `createDatabase` copies it instead of migrating
 * and seeding again, byte for byte what a fresh seed makes.
 */
export const SEEDED_TEMPLATE_ENV = "PROOF_SEEDED_TEMPLATE";

/**
 * Drops and creates `<name>` on the server, migrates it and (by default) loads the demo data;
 * with PROOF_SEEDED_TEMPLATE set and that database on the same server, a seeded database is a copy
 * of it (CREATE DATABASE … TEMPLATE).
 */
export async function createDatabase(name: string, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const safe = name.replace(/[^a-zA-Z0-9_]/g, "_");
  const wanted = options.seed !== false ? process.env[SEEDED_TEMPLATE_ENV]?.replace(/[^a-zA-Z0-9_]/g, "_") : undefined;
  let template: string | undefined;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // The seeded copy lives on the proof's server; another server (the faults proof's private
    // PostgreSQL) does not have it, and is migrated and seeded as before.
    if (wanted) {
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [wanted]);
      if (found.rowCount) template = wanted;
    }
    await admin.query(`DROP DATABASE IF EXISTS "${safe}" WITH (FORCE)`);
    await admin.query(template ? `CREATE DATABASE "${safe}" TEMPLATE "${template}"` : `CREATE DATABASE "${safe}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), safe);
  if (!template) await applyMigrations(url);
  if (options.seed !== false && !template) {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url; // the services the seed reuses read it
    // ...through the process-wide client (lib/db/client), created once: give them one on this database.
    const shared = globalThis as unknown as { alurPrisma?: ReturnType<typeof createPrismaClient> };
    const previousShared = shared.alurPrisma;
    shared.alurPrisma = undefined;
    const prisma = createPrismaClient(url);
    try {
      await seedDemo(prisma);
    } finally {
      await prisma.$disconnect();
      const created: { $disconnect(): Promise<void> } | undefined = Reflect.get(shared, "alurPrisma");
      await created?.$disconnect();
      shared.alurPrisma = previousShared;
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  }
  return {
    name: safe,
    url,
    drop: () => dropDatabase(safe),
  };
}

/** Runs `next build` when there is no build or the sources changed since it (the same check as `npm start`). */
export async function ensureBuild(): Promise<void> {
  const code = await buildIfStale({ root: ROOT, log: (message) => console.info(`[harness] ${message}`) });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed (stdout and stderr), for failure reports. */
  output(): string;
  /** SIGTERM and wait; SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** `kill -9`: no shutdown of any kind. */
  kill9(): Promise<void>;
}

export const TEST_AUTH_SECRET = "alur-proof-and-bench-secret-not-for-production";

/**
 * Starts `next start` (through lib/cli/web-process.mjs: the render gate, ALUR_RENDER_* from `env`
 * or this process) on a port against a database and waits for /api/health to answer 200.
 */
export async function startServer(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const baseUrl = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, [webProcess, "start", "-p", String(options.port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      NEXTAUTH_URL: baseUrl,
      ...options.env,
      // The same memory settings as `npm start` (lib/cli/server-node-options.ts: heap flags, MALLOC_ARENA_MAX); the
      // caller's NODE_OPTIONS come after the heap flags and win, the caller's MALLOC_ARENA_MAX is kept.
      ...webProcessEnv({ ...process.env, ...options.env }, options.env && "NODE_OPTIONS" in options.env ? options.env.NODE_OPTIONS : process.env.NODE_OPTIONS),
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = once(child, "exit");

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${baseUrl}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start on :${options.port} not healthy after ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    baseUrl,
    port: options.port,
    child,
    output: () => output,
    async stop() {
      if (!alive()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (!alive()) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

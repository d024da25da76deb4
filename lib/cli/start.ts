/**
 * `npm start`: the one command that runs Alur Kinerja.
 *  - without DATABASE_URL it opens the embedded database (PGlite, data in
 *    .data/pglite or ALUR_DATA_DIR) and refuses if another process owns it;
 *  - applies pending migrations, loads the demo data (ALUR_DEMO_DATA=false to skip)
 *    and prints the demo logins;
 *  - builds the app when there is no build or the sources changed since it
 *    (lib/cli/build-state.ts: a content fingerprint), then
 *    serves it with `next start` (or `next dev` with --dev) on PORT (3000), one
 *    `next start` per core by default (ALUR_WEB_PROCESSES): Node's cluster module
 *    forks them and they share the port (docs/decisions/031-every-core.md); each
 *    one behind the render gate, ALUR_RENDER_CONCURRENCY requests at a time
 *    (lib/cli/web-process.mjs, docs/decisions/059-render-gate.md), with a heap of
 *    ALUR_WEB_HEAP_MB each and MALLOC_ARENA_MAX malloc arenas each (default 2)
 *    (lib/cli/server-node-options.ts, docs/decisions/067-memory-limits.md, 073-process-memory.md);
 *  - runs the background worker (lib/cli/worker.ts: reminders, late flags,
 *    escalations, e-mail) beside it as a separate process on the same DATABASE_URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { trustFromEnv, TrustedProxyConfigError } from "@/lib/authz/client-address";
import { buildIfStale } from "@/lib/cli/build-state";
import { createPrismaClient } from "@/lib/db/client";
import { DataDirInUseError, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { connectTimeoutMs, DatabaseConfigError } from "@/lib/db/pool-config";
import { renderGateConfig, RenderGateConfigError } from "@/lib/cli/render-gate.mjs";
import { checkWebMemoryConfig, WebHeapConfigError, webProcessEnv } from "@/lib/cli/server-node-options";
import { applyMigrations } from "@/lib/db/migrate";
import { formatDemoLogins, seedDemo } from "@/lib/seed/demo";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
  },
});
const root = process.cwd();
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** `next start` behind the render gate: a bound on requests in flight per process (docs/decisions/059-render-gate.md). */
const webProcess = path.join(root, "lib", "cli", "web-process.mjs");

function log(message: string) {
  console.info(`[alur] ${message}`);
}

async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim()) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** The background worker: its own process, never inside Next (docs/decisions/015-job-queue.md). ALUR_WORKER=false skips it. */
function startNotifyWorker(env: NodeJS.ProcessEnv): ChildProcess | undefined {
  if (env.ALUR_WORKER === "false") return undefined;
  log("starting the background worker (reminders, late flags, escalations, e-mail)");
  // Like every command-line entry point, with the react-server condition (docs/decisions/011-one-source.md).
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "lib", "cli", "worker.ts")], {
    stdio: "inherit",
    env: { ...env, DATABASE_POOL_MAX: "2" },
  });
}

/** Lets the worker finish its batch (claims expire anyway), then makes sure it is gone. */
async function stopNotifyWorker(worker: ChildProcess | undefined) {
  if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, "exit");
  worker.kill("SIGTERM");
  const timer = setTimeout(() => worker.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

class StartConfigError extends Error {}

/** How many `next start` processes serve the port: ALUR_WEB_PROCESSES, else one per core the process may use. */
function webProcessCount(env: NodeJS.ProcessEnv): number {
  const raw = env.ALUR_WEB_PROCESSES?.trim();
  if (!raw) return Math.max(1, os.availableParallelism());
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new StartConfigError(`ALUR_WEB_PROCESSES harus bilangan bulat 1–64, bukan "${raw}".`);
  }
  return count;
}

/**
 * `next start` in every forked process: each one's listen() on the port is
 * handed to this primary, which accepts and passes connections round-robin
 * (Node's default on Linux), so one port spreads over every core. A process
 * that dies is replaced; one that dies within 10 s of its start, three times
 * in a row, stops the whole server (a broken build must not loop forever).
 */
function serveOnEveryCore(count: number, port: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    // execArgv: [] — not this process's tsx and react-server flags, exactly like `run`.
    cluster.setupPrimary({ exec: webProcess, args: ["start", "-p", port], execArgv: [] });
    let stopping = false;
    let quickDeaths = 0;
    const started = new Map<Worker, number>();
    const fork = () => started.set(cluster.fork(env), Date.now());
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      const timer = setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      }, 15_000);
      timer.unref();
    };
    const onSignal = (signal: NodeJS.Signals) => stop(signal);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    cluster.on("exit", (worker, code, signal) => {
      const since = started.get(worker) ?? 0;
      started.delete(worker);
      if (!stopping) {
        quickDeaths = Date.now() - since < 10_000 ? quickDeaths + 1 : 0;
        if (quickDeaths >= 3) {
          log(`a web process stopped ${quickDeaths} times right after starting (code ${code ?? signal}); stopping`);
          stop("SIGTERM");
        } else {
          log(`web process ${worker.process.pid} stopped (code ${code ?? signal}); starting another`);
          fork();
        }
      }
      if (stopping && started.size === 0) {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        resolve(quickDeaths >= 3 ? 1 : 0);
      }
    });
    for (let i = 0; i < count; i++) fork();
  });
}

async function main(): Promise<number> {
  // A proxy setting the app cannot read would fail every request (instrumentation.ts): refuse to start instead.
  let webProcesses: number;
  try {
    trustFromEnv();
    webProcesses = webProcessCount(process.env);
    renderGateConfig(process.env);
    checkWebMemoryConfig(process.env);
    connectTimeoutMs(process.env);
  } catch (error) {
    if (
      error instanceof TrustedProxyConfigError ||
      error instanceof StartConfigError ||
      error instanceof RenderGateConfigError ||
      error instanceof WebHeapConfigError ||
      error instanceof DatabaseConfigError
    ) {
      console.error(`\n[alur] ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  let embedded: EmbeddedDatabase | undefined;
  let worker: ChildProcess | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    try {
      embedded = await startEmbeddedDatabase();
    } catch (error) {
      if (error instanceof DataDirInUseError) {
        console.error(`\n${error.message}\n`);
        return 1;
      }
      throw error;
    }
    url = embedded.url;
    log(`embedded database (PGlite) in ${path.relative(root, embedded.dataDir) || embedded.dataDir}`);
  } else {
    log("database: DATABASE_URL");
  }

  try {
    // Behind PgBouncer in transaction mode the migration's session advisory lock needs a direct connection (037).
    const applied = await applyMigrations(embedded ? url : process.env.DATABASE_DIRECT_URL || url, { log });
    if (applied.length === 0) log("database schema is up to date");

    if (process.env.ALUR_DEMO_DATA !== "false") {
      process.env.DATABASE_URL = url; // the services the seed reuses read it
      const prisma = createPrismaClient(url);
      try {
        const logins = await seedDemo(prisma);
        console.info(`\n${formatDemoLogins(logins)}\n`);
      } finally {
        await prisma.$disconnect();
      }
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      // PGlite answers one query at a time: a small pool queues instead of failing.
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "4" : "10"),
      NEXTAUTH_SECRET: await authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${args.port}`,
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
      ...(embedded ? { ALUR_DB_EMBEDDED: "1" } : {}),
    };

    if (args.dev) {
      worker = startNotifyWorker(env);
      return await run([nextBin, "dev", "-p", args.port!], env);
    }
    const built = await buildIfStale({ root, env, log });
    if (built !== 0) return built;
    worker = startNotifyWorker(env);
    log(`Alur Kinerja: http://localhost:${args.port} (${webProcesses} web process${webProcesses === 1 ? "" : "es"})`);
    // Each web process's heap limit (ALUR_WEB_HEAP_MB) and malloc arenas (MALLOC_ARENA_MAX), in its environment from
    // its spawn on, shared with the bench's server (docs/decisions/067-memory-limits.md, 073-process-memory.md).
    const web: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", ...webProcessEnv(env, env.NODE_OPTIONS) };
    if (webProcesses === 1) return await run([webProcess, "start", "-p", args.port!], web);
    return await serveOnEveryCore(webProcesses, args.port!, web);
  } finally {
    await stopNotifyWorker(worker);
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("[alur] failed to start:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

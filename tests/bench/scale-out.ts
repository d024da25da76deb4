/**
 * Beyond one machine, measured on one (issue 16, direction 6; decision 037):
 * `npm run bench:scale-out [-- flags]` on the dataset of `npm run bench:seed`.
 *
 * Sets up, on this machine, what a multi-instance deployment runs:
 * - a streaming read replica of the PostgreSQL at 127.0.0.1:5432
 *   (`pg_basebackup -R -X stream` into a temporary folder, started on its own
 *   port; the primary must accept replication connections from 127.0.0.1:
 *   `host replication all 127.0.0.1/32 trust` in its pg_hba.conf);
 * - PgBouncer in transaction mode in front of both (one pool per database);
 * - two `next start` instances of the existing production build, both on
 *   PgBouncer, with DATABASE_REPLICA_URL set (the audit log and the cycle
 *   timeline read from the replica: lib/db/replica.ts);
 * - HAProxy (HTTP, round robin, health check on /api/ping) in front of them.
 *
 * Then it checks read-your-writes through the load balancer (replay paused on
 * the replica: the writer sees the cycle they just started on its timeline,
 * a reader without the write stamp gets the replica's "not found" until
 * replay resumes), runs the benchmark (tests/bench/run.ts, pages and
 * transitions) once against a single instance on the primary directly (the
 * baseline, unless --skip-baseline) and once through the load balancer,
 * prints both with the load average, and tears everything down.
 *
 * Results: .bench/scale-out.json and .bench/scale-out.md.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { ROOT, builtActions, ensureBuild, signIn, startServer, type RunningServer } from "@/tests/support/server";

const { values: flags } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/alur_bench" },
    duration: { type: "string", default: "10" },
    "transition-seconds": { type: "string", default: "15" },
    "page-connections": { type: "string", default: "8" },
    connections: { type: "string", default: "32" },
    "base-port": { type: "string", default: "3140" },
    "skip-baseline": { type: "boolean", default: false },
    "replica-test": { type: "string" },
    only: { type: "string", default: "pages,transitions" },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.info(`npm run bench:scale-out [-- flags]
  --database-url <url>     the bench database on the primary (default alur_bench; seed it with npm run bench:seed)
  --duration <s>           seconds per page (10)     --transition-seconds <s> (15)
  --page-connections <n>   (8)   --connections <n> transitions' clients (32)
  --base-port <n>          HAProxy on n, the instances on n+1 and n+2, PgBouncer n+3, the replica n+5 (3140)
  --only <parts>           passed to the benchmark (pages,transitions)
  --skip-baseline          only the scaled-out run
  --replica-test <url>     only start the replica, run tests/integration/replica.test.ts with DATABASE_URL=<url>
                           (a database on the primary, created if missing), and remove the replica`);
  process.exit(0);
}

const BASE = Number(flags["base-port"]);
const PORTS = { haproxy: BASE, a: BASE + 1, b: BASE + 2, pgbouncer: BASE + 3, baseline: BASE + 4, replica: BASE + 5 };
const direct = new URL(flags["database-url"]!);
const dbName = direct.pathname.slice(1);
const log = (line: string) => console.info(`[scale-out] ${line}`);
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** PostgreSQL and PgBouncer refuse to run as root: run them as the postgres account then. */
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];

function run(cmd: string, args: string[], what: string) {
  const [c, a] = asPostgres(cmd, args);
  const r = spawnSync(c, a, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed (${c} ${a.join(" ")}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

function which(cmd: string): string {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} is not installed (Debian: apt-get install -y haproxy pgbouncer postgresql)`);
  return r.stdout.trim();
}

const pgBin = (tool: string) => {
  const dir = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" }).stdout?.trim();
  return dir ? path.join(dir, tool) : which(tool);
};

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const urlOn = (port: number, database = dbName) => `postgresql://postgres@127.0.0.1:${port}/${database}`;

// ---------------------------------------------------------------------------
// Set-up and tear-down
// ---------------------------------------------------------------------------

const work = mkdtempSync(path.join(os.tmpdir(), "alur-scale-out-"));
/** Files the postgres account must own when we run as root. */
const giveToPostgres = (file: string) => {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout);
  chownSync(file, id("-u"), id("-g"));
};
giveToPostgres(work);
const replicaDir = path.join(work, "replica");
const teardown: (() => Promise<void> | void)[] = [];
let tornDown = false;
async function tearDown() {
  if (tornDown) return;
  tornDown = true;
  for (const step of teardown.reverse()) await Promise.resolve(step()).catch((e: unknown) => log(`tear-down: ${String(e)}`));
  rmSync(work, { recursive: true, force: true });
  log("torn down");
}
process.on("SIGINT", () => void tearDown().then(() => process.exit(130)));

async function startReplica() {
  const rules = await query<{ n: number }>(urlOn(5432, "postgres"), `SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND (address IS NULL OR address = '127.0.0.1')`);
  if (!rules[0]?.n) throw new Error("the primary refuses replication connections: add `host replication all 127.0.0.1/32 trust` to its pg_hba.conf and reload");
  const t0 = Date.now();
  run(pgBin("pg_basebackup"), ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "-c", "fast"], "pg_basebackup");
  // Debian keeps the configuration outside the data folder: give the replica its own.
  const files = {
    "postgresql.conf": [
      `port = ${PORTS.replica}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${work}'`,
      "hot_standby = on",
      "max_connections = 100",
      "shared_buffers = 128MB",
      // A long page read on the replica is not cancelled by replay (an auditor's page may lag a little instead).
      "max_standby_streaming_delay = 30s",
      "hot_standby_feedback = on",
      `include_if_exists = '${path.join(replicaDir, "postgresql.auto.conf")}'`,
    ].join("\n"),
    "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(replicaDir, name), `${text}\n`);
    giveToPostgres(path.join(replicaDir, name));
  }
  run(pgBin("pg_ctl"), ["-D", replicaDir, "-l", path.join(work, "replica.log"), "-w", "-t", "60", "start"], "starting the replica");
  teardown.push(() => void run(pgBin("pg_ctl"), ["-D", replicaDir, "-m", "fast", "-w", "stop"], "stopping the replica"));
  const size = (await query<{ s: string }>(urlOn(PORTS.replica, "postgres"), `SELECT pg_size_pretty(sum(pg_database_size(datname))) AS s FROM pg_database`))[0]!.s;
  const recovery = (await query<{ r: boolean }>(urlOn(PORTS.replica, "postgres"), "SELECT pg_is_in_recovery() AS r"))[0]!.r;
  if (!recovery) throw new Error("the replica is not in recovery");
  log(`replica on port ${PORTS.replica}: pg_basebackup of ${size} in ${((Date.now() - t0) / 1000).toFixed(1)} s, streaming`);
}

async function startPgBouncer() {
  const ini = path.join(work, "pgbouncer.ini");
  const users = path.join(work, "userlist.txt");
  writeFileSync(users, `"postgres" ""\n`);
  writeFileSync(
    ini,
    [
      "[databases]",
      `${dbName} = host=127.0.0.1 port=5432 dbname=${dbName}`,
      `${dbName}_replica = host=127.0.0.1 port=${PORTS.replica} dbname=${dbName}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${PORTS.pgbouncer}`,
      `unix_socket_dir = ${work}`,
      "auth_type = trust",
      `auth_file = ${users}`,
      // Transaction mode: a server connection is lent for one transaction. Prisma's pg adapter sends
      // unnamed statements (no statementNameGenerator), which transaction pooling allows.
      "pool_mode = transaction",
      "max_client_conn = 400",
      "default_pool_size = 20",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(work, "pgbouncer.log")}`,
      `pidfile = ${path.join(work, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  for (const f of [ini, users]) giveToPostgres(f);
  run(which("pgbouncer"), ["-d", ini], "starting PgBouncer");
  teardown.push(() => {
    const pid = Number(readFileSync(path.join(work, "pgbouncer.pid"), "utf8"));
    if (pid) process.kill(pid, "SIGTERM");
  });
  for (let i = 0; i < 50; i++) {
    const ok = await query(urlOn(PORTS.pgbouncer), "SELECT 1").then(() => true, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await query(urlOn(PORTS.pgbouncer, `${dbName}_replica`), "SELECT 1");
  log(`PgBouncer (transaction mode) on port ${PORTS.pgbouncer}: ${dbName} → primary, ${dbName}_replica → replica`);
}

async function startHaproxy(): Promise<ChildProcess> {
  const cfg = path.join(work, "haproxy.cfg");
  writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 2000",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  option forwardfor",
      "  option http-keep-alive",
      "frontend web",
      `  bind 127.0.0.1:${PORTS.haproxy}`,
      "  default_backend app",
      "backend app",
      "  balance roundrobin",
      "  option httpchk GET /api/ping",
      `  server a 127.0.0.1:${PORTS.a} check inter 2s`,
      `  server b 127.0.0.1:${PORTS.b} check inter 2s`,
      "",
    ].join("\n"),
  );
  const child = spawn(which("haproxy"), ["-f", cfg, "-db"], { stdio: ["ignore", "ignore", "pipe"] });
  teardown.push(async () => {
    child.kill("SIGTERM");
    if (child.exitCode === null) await once(child, "exit");
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORTS.haproxy}/api/ping`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`HAProxy (round robin, health check /api/ping) on port ${PORTS.haproxy} → ${PORTS.a}, ${PORTS.b}`);
  return child;
}

// ---------------------------------------------------------------------------
// Read-your-writes through the load balancer, replay paused on the replica
// ---------------------------------------------------------------------------

async function readYourWrites(baseUrl: string) {
  const actions = await builtActions();
  const startId = actions.get("lib/cycle/actions.ts#startCycleAction");
  if (!startId) throw new Error("startCycleAction is not in the build");
  // An agency with a period of 2026 still free, and its head.
  const [target] = await query<{ slug: string; sopId: string; nip: string; period: string }>(
    flags["database-url"]!,
    `SELECT a.slug, s.id AS "sopId", u.nip, p.period FROM "Agency" a
     JOIN "Sop" s ON s."agencyId" = a.id AND s.status = 'ACTIVE'
     JOIN "Membership" m ON m."agencyId" = a.id JOIN "Role" r ON r.id = m."roleId" AND r.code = 'KADIS' JOIN "User" u ON u.id = m."userId"
     CROSS JOIN unnest(ARRAY['TW1','TW2','TW3','TW4','TAHUNAN']) AS p(period)
     WHERE a.id LIKE 'bag%' AND NOT EXISTS (SELECT 1 FROM "MeasurementCycle" c WHERE c."agencyId" = a.id AND c.year = 2026 AND c.period::text = p.period AND c.status <> 'CANCELLED')
     ORDER BY a.id DESC LIMIT 1`,
  );
  if (!target) throw new Error("no agency with a free 2026 period for the read-your-writes check");
  const session = await signIn(baseUrl, target.nip);
  if (!session) throw new Error(`sign-in refused for ${target.nip}`);
  const replica = urlOn(PORTS.replica, dbName);
  await query(replica, "SELECT pg_wal_replay_pause()");
  try {
    const response = await fetch(`${baseUrl}/a/${target.slug}/cycles`, {
      method: "POST",
      redirect: "manual",
      headers: { accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "next-action": startId, origin: baseUrl, cookie: session },
      body: JSON.stringify([target.slug, { sopId: target.sopId, year: 2026, period: target.period }]),
    });
    const body = await response.text();
    // The stamp must not make the action re-render the page (a cookie set inside an action would: 037).
    const revalidated = response.headers.get("x-action-revalidated");
    const stamp = response.headers.getSetCookie().map((l) => l.split(";")[0]!).find((c) => c.startsWith("alur_wrote_at="));
    const [cycle] = await query<{ id: string }>(
      flags["database-url"]!,
      `SELECT c.id FROM "MeasurementCycle" c JOIN "Agency" a ON a.id = c."agencyId" WHERE a.slug = $1 AND c.year = 2026 AND c.period::text = $2 AND c.status = 'ACTIVE'`,
      [target.slug, target.period],
    );
    if (!cycle) throw new Error(`the cycle was not started: ${response.status} ${body.slice(0, 300)}`);
    const timeline = `${baseUrl}/a/${target.slug}/cycles/${cycle.id}/timeline`;
    // Both instances answer (round robin): ask four times each way.
    const writer: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < 4; i++) {
      writer.push((await fetch(timeline, { headers: { cookie: `${session}; ${stamp}` } })).status);
      other.push((await fetch(timeline, { headers: { cookie: session } })).status);
    }
    await query(replica, "SELECT pg_wal_replay_resume()");
    let afterResume = 0;
    for (let i = 0; i < 50 && afterResume !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      afterResume = (await fetch(timeline, { headers: { cookie: session } })).status;
    }
    const result = {
      agency: target.slug,
      writeStamp: stamp ?? null,
      actionRevalidated: revalidated,
      actionResponseBytes: body.length,
      writerWithStamp: writer,
      withoutStampWhileReplayPaused: other,
      withoutStampAfterResume: afterResume,
      ok: Boolean(stamp) && (revalidated === null || revalidated === "0") && writer.every((s) => s === 200) && other.every((s) => s === 404) && afterResume === 200,
    };
    log(
      `read-your-writes: action answered ${body.length} bytes, x-action-revalidated ${revalidated ?? "absent"}, ${stamp ? "with the write stamp" : "NO write stamp"}; the writer's timeline ${writer.join("/")}; ` +
        `without the stamp, replay paused: ${other.join("/")} (the replica's view); after resume: ${afterResume} → ${result.ok ? "ok" : "FAILED"}`,
    );
    return result;
  } finally {
    await query(replica, "SELECT pg_wal_replay_resume()").catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// The benchmark, once per set-up
// ---------------------------------------------------------------------------

async function bench(label: string, extra: string[]) {
  const args = [
    "--conditions=react-server",
    "tests/bench/run.ts",
    "--only",
    flags.only!,
    "--database-url",
    flags["database-url"]!,
    "--duration",
    flags.duration!,
    "--transition-seconds",
    flags["transition-seconds"]!,
    "--page-connections",
    flags["page-connections"]!,
    "--connections",
    flags.connections!,
    ...extra,
  ];
  log(`${label}: tsx ${args.join(" ")} (load average ${loadAverage()})`);
  const child = spawn(process.execPath, [createRequire(import.meta.url).resolve("tsx/cli"), ...args], { cwd: ROOT, stdio: "inherit", env: process.env });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${label}: the benchmark exited with ${code}`);
  const file = path.join(ROOT, ".bench", `scale-out-${label}.json`);
  await copyFile(path.join(ROOT, ".bench", "results.json"), file);
  return JSON.parse(await readFile(file, "utf8")) as BenchResults;
}

interface PageResult {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  cpuMsPerRequest: number;
  loadAverage: number;
  non2xx: number;
  errors: number;
}
interface BenchResults {
  pages?: { bare: PageResult; empty: PageResult; pages: PageResult[] };
  transitions?: { app: { perSecond: number; p95: number; transitions: number; failed: number; lost: number }; pgbench: { tps: number } };
}

function table(baseline: BenchResults | null, scaled: BenchResults, check: Awaited<ReturnType<typeof readYourWrites>>, cpu: Record<string, number>) {
  const fmt = (p: PageResult | undefined) =>
    p ? `${p.rps} req/s, p50 ${p.p50} / p95 ${p.p95} ms, CPU ${p.cpuMsPerRequest} ms/req, load ${p.loadAverage}${p.non2xx || p.errors ? `, ${p.non2xx} non-2xx, ${p.errors} errors` : ""}` : "-";
  const rows: string[][] = [];
  const all = (r: BenchResults | null) => (r?.pages ? [r.pages.bare, r.pages.empty, ...r.pages.pages] : []);
  const names = all(scaled).map((p) => p.name);
  for (const name of names) {
    const b = all(baseline).find((p) => p.name === name);
    const s = all(scaled).find((p) => p.name === name)!;
    rows.push([name, fmt(b), fmt(s), b ? `${((s.rps / b.rps) * 100).toFixed(0)} %` : ""]);
  }
  const tr = (r: BenchResults | null) =>
    r?.transitions ? `${r.transitions.app.perSecond}/s (p95 ${r.transitions.app.p95} ms), ${r.transitions.app.transitions} ok, ${r.transitions.app.failed} failed, ${r.transitions.app.lost} lost; pgbench ${r.transitions.pgbench.tps} tps` : "-";
  if (scaled.transitions) {
    rows.push([
      "step transitions (server action)",
      tr(baseline),
      tr(scaled),
      baseline?.transitions ? `${((scaled.transitions.app.perSecond / baseline.transitions.app.perSecond) * 100).toFixed(0)} %` : "",
    ]);
  }
  rows.push(["read-your-writes (replay paused)", "", `action response ${check.actionResponseBytes} bytes, revalidated: ${check.actionRevalidated ?? "no"}; writer ${check.writerWithStamp.join("/")}, other ${check.withoutStampWhileReplayPaused.join("/")}, after resume ${check.withoutStampAfterResume}`, check.ok ? "met" : "**missed**"]);
  rows.push(["CPU of the pieces during the scaled run (ms)", "", Object.entries(cpu).map(([k, v]) => `${k} ${v}`).join(", "), ""]);
  return [
    "| Measure | One instance, primary directly | Two instances + HAProxy + PgBouncer + replica | Scaled ÷ one |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** CPU (user + system, ms) of a set of processes, from /proc. */
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10;
}
/** A process and its descendants. */
function tree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean)) out.push(...tree(Number(child)));
    }
  } catch {
    // gone
  }
  return out;
}

/** The integration test of read-your-writes against a real replica (no app servers, no load balancer). */
async function replicaTest(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const exists = await query(urlOn(5432, "postgres"), "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.length) await query(urlOn(5432, "postgres"), `CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await startReplica();
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--project", "integration", "tests/integration/replica.test.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, TEST_REPLICA_PORT: String(PORTS.replica) },
  });
  const [code] = (await once(child, "exit")) as [number | null];
  process.exitCode = code ?? 1;
}

async function main() {
  if (flags["replica-test"]) return replicaTest(flags["replica-test"]);
  for (const tool of ["haproxy", "pgbouncer"]) which(tool);
  await mkdir(path.join(ROOT, ".bench"), { recursive: true });
  await ensureBuild();
  const started = new Date().toISOString();
  log(`load average at the start: ${loadAverage()} (${os.cpus().length} cores; other work on the machine competes: read the load beside each figure)`);

  const baseline = flags["skip-baseline"] ? null : await bench("baseline", ["--port", String(PORTS.baseline)]);

  await startReplica();
  await startPgBouncer();
  const haproxyUrl = `http://127.0.0.1:${PORTS.haproxy}`;
  const instances: RunningServer[] = [];
  for (const port of [PORTS.a, PORTS.b]) {
    const server = await startServer({
      databaseUrl: urlOn(PORTS.pgbouncer),
      port,
      env: {
        ...process.env,
        ALUR_BENCH: "1",
        DATABASE_REPLICA_URL: urlOn(PORTS.pgbouncer, `${dbName}_replica`),
        NEXTAUTH_URL: haproxyUrl,
        ALUR_TRUSTED_PROXIES: "loopback",
      },
    });
    instances.push(server);
    teardown.push(() => server.stop());
  }
  log(`instances on ${PORTS.a} and ${PORTS.b} (DATABASE_URL → PgBouncer, DATABASE_REPLICA_URL → PgBouncer → replica)`);
  const haproxy = await startHaproxy();
  const check = await readYourWrites(haproxyUrl);

  const pieces = {
    haproxy: [haproxy.pid!],
    pgbouncer: [Number(readFileSync(path.join(work, "pgbouncer.pid"), "utf8"))],
    // The replica's postmaster (first line of postmaster.pid) and its backends, walreceiver, startup process.
    "replica postgres": tree(Number(readFileSync(path.join(replicaDir, "postmaster.pid"), "utf8").split("\n")[0])),
  };
  const cpuBefore = Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, cpuOf(v)]));
  const replicaBefore = (await query<{ n: string }>(urlOn(PORTS.replica, dbName), `SELECT sum(xact_commit)::text AS n FROM pg_stat_database WHERE datname = $1`, [dbName]))[0]!.n;
  const scaled = await bench("scaled", ["--external-url", haproxyUrl, "--server-pids", instances.map((s) => s.child.pid!).join(",")]);
  const replicaAfter = (await query<{ n: string }>(urlOn(PORTS.replica, dbName), `SELECT sum(xact_commit)::text AS n FROM pg_stat_database WHERE datname = $1`, [dbName]))[0]!.n;
  // Backends come and go: the replica's tree is read again (a backend that ended during the run is not counted).
  pieces["replica postgres"] = tree(pieces["replica postgres"][0]!);
  const cpu = Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, cpuOf(v) - (cpuBefore[k] ?? 0)]));
  // Bytes of WAL the replica has still to replay (0: caught up), right after the run.
  const primaryLsn = (await query<{ lsn: string }>(flags["database-url"]!, "SELECT pg_current_wal_lsn()::text AS lsn"))[0]!.lsn;
  const behind = (await query<{ b: string | null }>(urlOn(PORTS.replica, dbName), "SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text AS b", [primaryLsn]))[0]!.b;
  const lag = `${Math.max(0, Number(behind ?? 0))} bytes of WAL behind`;
  log(`replica: ${Number(replicaAfter) - Number(replicaBefore)} transactions served during the run; at the end ${lag}`);

  const md = `# Scale-out benchmark (${started})\n\n${table(baseline, scaled, check, cpu)}\n\nReplica: ${Number(replicaAfter) - Number(replicaBefore)} read transactions during the scaled run; at the end ${lag}. Load average at the end: ${loadAverage()}.\n`;
  writeFileSync(path.join(ROOT, ".bench", "scale-out.json"), JSON.stringify({ started, baseline, scaled, readYourWrites: check, cpu, replicaTransactions: Number(replicaAfter) - Number(replicaBefore) }, null, 2));
  writeFileSync(path.join(ROOT, ".bench", "scale-out.md"), md);
  console.info(`\n${md}`);
  if (!check.ok) process.exitCode = 1;
}

try {
  await main();
} finally {
  await tearDown();
}

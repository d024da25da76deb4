/**
 * The benchmark of issue #8: `npm run bench [-- flags]`, on the dataset of
 * `npm run bench:seed` (tests/bench/seed.ts).
 *
 * 1. Builds if stale, starts the production server (`next start`) on the bench
 *    database, signs in as the heavy agency's head (demo account), warms up.
 * 2. Throughput: autocannon, `--page-connections` (8) clients, `--duration` s per
 *    route: two floors, the bare route /api/ping (no database, no session) and
 *    the empty page /bench/kosong (an App Router page behind the same session
 *    check, no data; served with ALUR_BENCH=1), then the main pages of the heavy
 *    agency. req/s, p50/p95/p99, ratio to the empty page against issue 16's
 *    targets (≥ 50 %, the dashboard ≥ 75 %, p95 ≤ 100 ms).
 * 3. Step transitions/s through the real server action (taskAction over HTTP as
 *    React sends it) on many cycles at once, checked against the database
 *    (tasks DONE and task.* audit events: none lost), against pgbench running a
 *    three-statement transaction on the same PostgreSQL and against a third
 *    floor, an empty server action behind the same door (lib/bench/actions.ts);
 *    the SQL statements of one transition (ALUR_LOG_QUERIES=1, one at a time).
 * 4. SQL statements per page: a second server with ALUR_LOG_QUERIES=1, one
 *    sequential request at a time, on the full and on a small dataset
 *    (`--small-database-url`, seeded with `--scale 0.1`, if it exists), and the
 *    writes among them (INSERT/UPDATE/DELETE: none belongs on a page's path).
 * 5. First-load JS per route from the build manifests (gzip).
 * 6. Server RSS: idle, peak under load, and a soak of `--soak-seconds` at 32
 *    clients sampled every 5 s (slope of the last half).
 *
 * Results: .bench/results.json and .bench/results.md, and a summary table.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import autocannon from "autocannon";
import pg from "pg";

import { FIRST_LOAD_JS_BUDGET_KB, firstLoadJs, servedJs } from "./first-load-js";
import { ROOT, builtActions, callAction, ensureBuild, signIn, startServer, type RunningServer } from "@/tests/support/server";

const { values: flags } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/alur_bench" },
    "small-database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/alur_bench_small" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    "soak-seconds": { type: "string", default: "600" },
    "transition-seconds": { type: "string", default: "15" },
    port: { type: "string", default: "4210" },
    "page-connections": { type: "string", default: "8" },
    only: { type: "string" },
    routes: { type: "string" },
    "node-options": { type: "string" },
    "cpu-profile": { type: "string" },
    // Measure servers started elsewhere (tests/bench/scale-out.ts: a load balancer in front of several instances).
    "external-url": { type: "string" },
    "server-pids": { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.info(`npm run bench [-- flags]   (dataset: npm run bench:seed [-- --database-url … --scale 0.1])
  --database-url <url>        bench database (default alur_bench)
  --small-database-url <url>  second dataset for "statements constant in data size" (default alur_bench_small, skipped if absent)
  --only <parts>              comma list of: pages, transitions, statements, js, soak, instances, transition-statements (default all but the last two)
  --routes <words>            comma list: measure only the main pages whose name contains one of them (e.g. "timeline,recap")
  --duration <s>              seconds per page under load (10)
  --page-connections <n>      clients for the page measurements (8: issue 16's p95 target is at 8 clients)
  --connections <n>           clients for transitions, pgbench and the soak (32)
  --transition-seconds <s>    (15)   --soak-seconds <s> (600)   --port <n> (4210)   --node-options <s>
  --cpu-profile <dir>         a V8 CPU profile of the server per measured page (<dir>/<page>.cpuprofile, tests/bench/cpu-profile-preload.mjs);
                              summarise one with: npx tsx tests/bench/profile-summary.ts <file>
  --external-url <url> --server-pids <pid,pid>   pages/transitions against servers already running there
                              (e.g. a load balancer: tests/bench/scale-out.ts); server CPU and RSS summed over those pids,
                              the soak also prints each one's RSS
ALUR_WEB_HEAP_MB=<MB> npm run bench …   another heap limit for the server (docs/decisions/067-memory-limits.md)
Statements mode: --only statements prints the statements and the writes of each page, one request at a time.`);
  process.exit(0);
}
// The empty page (/bench/kosong), the second floor, is served only with this (every server started here inherits it).
process.env.ALUR_BENCH = "1";
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const PAGE_CONNECTIONS = Number(flags["page-connections"]);
const SOAK = Number(flags["soak-seconds"]);
const TRANSITION_SECONDS = Number(flags["transition-seconds"]);
const PORT = Number(flags.port);
const ROUTE_FILTER = (flags.routes ?? "").split(",").map((w) => w.trim()).filter(Boolean);
const HEAVY_SLUG = "bmcktr-sumbar";
const HEAD_LOGIN = "kadis@sumbar.demo";
const BIDANG_LOGIN = "bidang@sumbar.demo";
const PROFILE_DIR = flags["cpu-profile"] ? path.resolve(flags["cpu-profile"]) : undefined;
const parts = new Set((flags.only ?? "pages,transitions,statements,js,soak").split(","));

const log = (line: string) => console.info(`[bench] ${line}`);
const servers: RunningServer[] = [];
const cleanup = async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** The measured server's environment: --node-options, and the profiler's preload with --cpu-profile. */
function serverEnv(): Record<string, string | undefined> | undefined {
  const nodeOptions = [
    flags["node-options"] ?? (PROFILE_DIR ? process.env.NODE_OPTIONS : undefined),
    PROFILE_DIR ? `--import ${path.join(ROOT, "tests", "bench", "cpu-profile-preload.mjs")}` : undefined,
  ].filter(Boolean).join(" ");
  if (!nodeOptions) return undefined;
  return { ...process.env, NODE_OPTIONS: nodeOptions, ...(PROFILE_DIR ? { ALUR_CPU_PROFILE_DIR: PROFILE_DIR } : {}) };
}

/** One server's pid, or several servers' (external mode): their figures are summed. */
type Pids = number | number[];

/** The server's processes: `next start` and its descendants (it may fork next-server). */
async function processTree(pid: Pids): Promise<number[]> {
  if (Array.isArray(pid)) return (await Promise.all(pid.map(processTree))).flat();
  const out = [pid];
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    for (const child of children.split(/\s+/).filter(Boolean)) out.push(...(await processTree(Number(child))));
  }
  return out;
}

/**
 * RSS of the server's processes (VmRSS), and its parts from /proc/<pid>/status: anonymous
 * memory (the V8 heap, buffers, WebAssembly memory) and file-backed pages (the node binary and
 * the mapped code, shared with any other node process on the machine).
 */
async function rssMb(pid: Pids): Promise<{ total: number; anon: number; file: number; largest: number; processes: number; perProcess: Record<string, number> }> {
  const perProcess: Record<string, number> = {};
  let total = 0;
  let largest = 0;
  let anon = 0;
  let file = 0;
  for (const p of await processTree(pid)) {
    const status = await readFile(`/proc/${p}/status`, "utf8").catch(() => "");
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    const name = (await readFile(`/proc/${p}/cmdline`, "utf8").catch(() => "")).replace(/\0/g, " ").trim().slice(0, 60);
    perProcess[`${p} ${name}`] = Math.round(field("VmRSS"));
    total += field("VmRSS");
    largest = Math.max(largest, field("VmRSS"));
    anon += field("RssAnon");
    file += field("RssFile") + field("RssShmem");
  }
  const processes = Object.keys(perProcess).length;
  return { total: Math.round(total), anon: Math.round(anon), file: Math.round(file), largest: Math.round(largest), processes, perProcess };
}

/** Least-squares slope of [x, y] points (per unit of x); 0 for fewer than two points. */
function slopePerSecond(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  return points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / Math.max(1e-9, points.reduce((a, [x]) => a + (x - mx) ** 2, 0));
}

/** CPU time (user + system) the server's processes have used, in ms (from /proc/<pid>/stat; 100 ticks a second). */
async function cpuMs(pid: Pids): Promise<number> {
  let ticks = 0;
  for (const p of await processTree(pid)) {
    const stat = await readFile(`/proc/${p}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * 10;
}

const loadAverage = async () => Number((await readFile("/proc/loadavg", "utf8")).split(" ")[0]);

interface LoadResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  bytesPerRequest: number;
  /** Server CPU per request (ms): robust to other load on the machine. */
  cpuMsPerRequest: number;
  /** 1-minute load average at the end (2 cores: above 2 means others compete for the CPU). */
  loadAverage: number;
}

/** Waits until the server is idle (under 50 ms CPU in a second, at most 30 s): work left from timed-out requests is not charged to the next route. */
async function settle(pid: Pids) {
  for (let i = 0; i < 30; i++) {
    const before = await cpuMs(pid);
    await new Promise((r) => setTimeout(r, 1000));
    if ((await cpuMs(pid)) - before < 50) return;
  }
}

/**
 * The Accept header Chromium sends when it navigates to a page: a page is measured as the
 * document a browser asks for (decision 075: a document request's long HTML strings travel
 * once, in the markup; a client router's payload fetch sends no such header).
 */
const DOCUMENT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

async function load(name: string, baseUrl: string, urlPath: string, cookie: string | null, pid: Pids, seconds = DURATION, connections = PAGE_CONNECTIONS): Promise<LoadResult> {
  await settle(pid);
  const profiling = PROFILE_DIR !== undefined && typeof pid === "number";
  if (profiling) process.kill(pid, "SIGUSR2");
  const cpuBefore = await cpuMs(pid);
  const instance = autocannon({
    url: `${baseUrl}${urlPath}`,
    connections,
    duration: seconds,
    headers: cookie ? { cookie, accept: DOCUMENT_ACCEPT } : {},
  }) as Tracker;
  // autocannon's summary has no p95: every response's time, for exact percentiles.
  const times: number[] = [];
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const cpu = (await cpuMs(pid)) - cpuBefore;
  if (profiling) await collectProfile(pid, name);
  times.sort((a, b) => a - b);
  const r: LoadResult = {
    cpuMsPerRequest: Math.round((cpu / Math.max(1, result.requests.total)) * 10) / 10,
    loadAverage: await loadAverage(),
    name,
    path: urlPath,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    p99: Math.round(percentile(times, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    bytesPerRequest: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  };
  log(`${name.padEnd(26)} ${String(r.rps).padStart(8)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  non2xx ${r.non2xx}  errors ${r.errors}  server CPU ${r.cpuMsPerRequest} ms/req  load ${r.loadAverage}`);
  return r;
}

/**
 * Stops the server's profiler (the second SIGUSR2 of a window) and files what it wrote under
 * the page's name. Its writing costs CPU, after the window's CPU was read; settle() waits for it.
 */
async function collectProfile(pid: number, name: string) {
  const dir = PROFILE_DIR!;
  const before = new Set(await readdir(dir).catch(() => [] as string[]));
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 600; i++) {
    const written = (await readdir(dir).catch(() => [] as string[])).find((f) => /^profile-\d+\.cpuprofile$/.test(f) && !before.has(f));
    if (written) {
      const target = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}.cpuprofile`);
      await rename(path.join(dir, written), target);
      log(`CPU profile: ${path.relative(ROOT, target)}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`CPU profile of ${name}: not written within 60 s`);
}

/** autocannon returns its tracker (an EventEmitter that is also a promise); its types only say Promise. */
type Tracker = Promise<autocannon.Result> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

// ---------------------------------------------------------------------------
// The dataset: ids of what the pages show
// ---------------------------------------------------------------------------

async function pageTargets(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const agency = (await c.query(`SELECT id FROM "Agency" WHERE slug = $1`, [HEAVY_SLUG])).rows[0] as { id: string };
    // The demo's completed Triwulan I 2026 cycle (with a return): the richest history.
    const cycle = (
      await c.query(`SELECT id FROM "MeasurementCycle" WHERE "agencyId" = $1 AND year = 2026 AND period = 'TW1'`, [agency.id])
    ).rows[0] as { id: string };
    const sop = (await c.query(`SELECT id FROM "Sop" WHERE "agencyId" = $1 AND status = 'ACTIVE'`, [agency.id])).rows[0] as { id: string };
    const audit = (
      await c.query(`SELECT count(*)::int AS n, min(id)::text AS lo, max(id)::text AS hi FROM "AuditEvent" WHERE "agencyId" = $1`, [agency.id])
    ).rows[0] as { n: number; lo: string; hi: string };
    // A keyset cursor ~90 % of the way down the agency's log.
    const deep = (
      await c.query(`SELECT id::text FROM "AuditEvent" WHERE "agencyId" = $1 ORDER BY id ASC OFFSET $2 LIMIT 1`, [agency.id, Math.floor(audit.n / 10)])
    ).rows[0] as { id: string };
    const base = `/a/${HEAVY_SLUG}`;
    return {
      agencyId: agency.id,
      auditEvents: audit.n,
      /** The second floor: an App Router page behind the session check, no data. */
      empty: { name: "empty page (session only)", path: "/bench/kosong", route: "/bench/kosong/page", login: HEAD_LOGIN },
      routes: [
        { name: "dashboard / inbox", path: `${base}`, route: "/a/[agencySlug]/page", login: HEAD_LOGIN },
        { name: "cycle page", path: `${base}/cycles/${cycle.id}`, route: "/a/[agencySlug]/cycles/[cycleId]/page" },
        { name: "cycle timeline", path: `${base}/cycles/${cycle.id}/timeline`, route: "/a/[agencySlug]/cycles/[cycleId]/timeline/page" },
        { name: "audit log, first page", path: `${base}/audit`, route: "/a/[agencySlug]/audit/page" },
        { name: "audit log, deep page", path: `${base}/audit?before=${deep.id}`, route: "/a/[agencySlug]/audit/page" },
        { name: "realization recap", path: `${base}/kinerja/rekap?tahun=2026&tw=1`, route: "/a/[agencySlug]/kinerja/rekap/page" },
        { name: "SOP document", path: `${base}/sops/${sop.id}`, route: "/a/[agencySlug]/sops/[sopId]/page" },
        { name: "realization form (Bidang)", path: `${base}/kinerja/realisasi?tahun=2026&tw=1`, route: "/a/[agencySlug]/kinerja/realisasi/page", login: BIDANG_LOGIN },
      ]
        .map((r) => ({ login: HEAD_LOGIN, ...r }))
        .filter((r) => !ROUTE_FILTER.length || ROUTE_FILTER.some((word) => r.name.includes(word))),
    };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------
// Statements per page (ALUR_LOG_QUERIES=1)
// ---------------------------------------------------------------------------

/**
 * The SQL of one `[alur:query] <duration>ms <sql>` line (lib/db/client.ts). Prisma logs fractional
 * durations ("2.21ms"): a prefix this does not strip would hide every write from WRITE, so it
 * throws instead of passing silently.
 */
function statementText(line: string): string {
  const match = /^\[alur:query\] [\d.]+ms (.*)$/.exec(line);
  if (!match) throw new Error(`statements: unexpected query log line: ${line.slice(0, 120)}`);
  return match[1]!.slice(0, 160);
}

/** A statement that changes data (BEGIN/COMMIT of a read-only transaction are not writes). */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|MERGE|SELECT\s+graphile_worker\.add_job)\b/i;

/** One session per distinct login of the routes (a route whose login is refused is skipped, with a note). */
async function signInAll(baseUrl: string, routes: { login: string }[]) {
  const cookies = new Map<string, string>();
  for (const login of new Set(routes.map((r) => r.login))) {
    const cookie = await signIn(baseUrl, login);
    if (cookie) cookies.set(login, cookie);
    else log(`sign-in refused for ${login}: its pages are skipped`);
  }
  if (!cookies.has(HEAD_LOGIN)) throw new Error("sign-in refused");
  return cookies;
}

async function statementsPerPage(databaseUrl: string, port: number) {
  const targets = await pageTargets(databaseUrl);
  const server = await startServer({ databaseUrl, port, env: { ...process.env, ALUR_LOG_QUERIES: "1" } });
  servers.push(server);
  try {
    const cookies = await signInAll(server.baseUrl, [targets.empty, ...targets.routes]);
    const counts: Record<string, number[]> = {};
    const writes: Record<string, number> = {};
    const statements: Record<string, string[]> = {};
    for (const route of [targets.empty, ...targets.routes]) {
      const cookie = cookies.get(route.login);
      if (!cookie) continue;
      const warm = await fetch(`${server.baseUrl}${route.path}`, { headers: { cookie } });
      await warm.text();
      if (warm.status !== 200) {
        log(`statements: ${route.path} answers ${warm.status} as ${route.login}: skipped`);
        continue;
      }
      counts[route.name] = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const before = server.output().length;
        const response = await fetch(`${server.baseUrl}${route.path}`, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`${route.path}: ${response.status}`);
        await new Promise((r) => setTimeout(r, 300));
        const lines = server.output().slice(before).split("\n").filter((l) => l.startsWith("[alur:query]"));
        counts[route.name]!.push(lines.length);
        statements[route.name] = lines.map(statementText);
        writes[route.name] = Math.max(writes[route.name] ?? 0, statements[route.name]!.filter((l) => WRITE.test(l)).length);
      }
    }
    return { auditEvents: targets.auditEvents, counts, writes, statements };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------
// Step transitions through the server action vs pgbench
// ---------------------------------------------------------------------------

const PERIODS = ["TW2", "TW3", "TW4", "TAHUNAN"] as const;

/**
 * `withView`: after each acknowledged action, the view the user then sees: the
 * cycle page's RSC payload, which the client's router.refresh() fetches
 * (decision 027: the action answers its result only). Measures the loop.
 */
async function transitions(
  instances: RunningServer[],
  databaseUrl: string,
  connections = CONNECTIONS,
  options: { withView?: boolean; pid?: Pids; seconds?: number; onTransition?: (phase: "before" | "after", kind: "task" | "start") => void } = {},
) {
  const server = instances[0]!;
  let turn = 0;
  const next = () => instances[turn++ % instances.length]!.baseUrl;
  const actions = await builtActions();
  const taskActionId = actions.get("lib/cycle/actions.ts#taskAction");
  const startActionId = actions.get("lib/cycle/actions.ts#startCycleAction");
  if (!taskActionId || !startActionId) throw new Error("taskAction/startCycleAction not in the build's server reference manifest");
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const agencyCount = connections * 2;
  // Two sessions per agency: the head (steps 1 and 7, the approval) and an
  // operator holding the other SOP roles (given here: SEKRETARIS's user also
  // gets TIM_SAKIP, BIDANG and SUBBAG_PERENCANAAN), so maker-checker holds.
  const agencies = (
    await c.query<{ id: string; slug: string; sopId: string }>(
      `SELECT a.id, a.slug, s.id AS "sopId" FROM "Agency" a JOIN "Sop" s ON s."agencyId" = a.id AND s.status = 'ACTIVE'
       WHERE a.id LIKE 'bag%'
       -- agencies with the least 2026 work done first, so a second run on the same database still finds work
       ORDER BY (SELECT count(*) FROM "CycleTask" t WHERE t."agencyId" = a.id AND t."startedAt" > now() - interval '30 days'), a.id LIMIT $1`,
      [agencyCount],
    )
  ).rows;
  await c.query(
    `INSERT INTO "Membership" (id, "userId", "agencyId", "roleId", "updatedAt")
     SELECT 'bop' || md5(m."userId" || r.id), m."userId", m."agencyId", r.id, now()
     FROM "Membership" m JOIN "Role" sr ON sr.id = m."roleId" AND sr.code = 'SEKRETARIS'
     JOIN "Role" r ON r."agencyId" = m."agencyId" AND r.code IN ('TIM_SAKIP', 'BIDANG', 'SUBBAG_PERENCANAAN')
     WHERE m."agencyId" = ANY($1) ON CONFLICT DO NOTHING`,
    [agencies.map((a) => a.id)],
  );
  const people = (
    await c.query<{ agencyId: string; code: string; nip: string }>(
      `SELECT DISTINCT ON (m."agencyId", r.code) m."agencyId", r.code, u.nip FROM "Membership" m JOIN "Role" r ON r.id = m."roleId" JOIN "User" u ON u.id = m."userId"
       WHERE m."agencyId" = ANY($1) AND r.code IN ('KADIS', 'SEKRETARIS') ORDER BY m."agencyId", r.code, m.id`,
      [agencies.map((a) => a.id)],
    )
  ).rows;
  log(`transitions: signing in ${people.length} users of ${agencies.length} agencies`);
  const sessions = new Map<string, string>();
  for (let i = 0; i < people.length; i += 8) {
    await Promise.all(
      people.slice(i, i + 8).map(async (p) => {
        const cookie = await signIn(server.baseUrl, p.nip);
        if (!cookie) throw new Error(`sign-in refused for ${p.nip}`);
        sessions.set(`${p.agencyId}/${p.code}`, cookie);
      }),
    );
  }
  const steps = new Map<string, { kind: string; executor: string; kelengkapan: string }>();
  for (const row of (
    await c.query(`SELECT st.number, st.kind, st.kelengkapan, r.code FROM "SopStep" st JOIN "Role" r ON r.id = st."executorRoleId" WHERE st."sopId" = $1`, [agencies[0]!.sopId])
  ).rows) {
    steps.set(String(row.number), { kind: row.kind, executor: row.code, kelengkapan: row.kelengkapan });
  }
  const countSql = `SELECT (SELECT count(*)::int FROM "CycleTask" WHERE "agencyId" = ANY($1) AND status = 'DONE') AS done,
                           (SELECT count(*)::int FROM "AuditEvent" WHERE "agencyId" = ANY($1) AND action LIKE 'task.%') AS audited`;
  const before = (await c.query(countSql, [agencies.map((a) => a.id)])).rows[0] as { done: number; audited: number };

  let ok = 0;
  let failed = 0;
  let started = 0;
  const failures: string[] = [];
  const latencies: number[] = [];
  const deadline = Date.now() + (options.seconds ?? TRANSITION_SECONDS) * 1000;
  // --cpu-profile: the server's profile of the measured window (decision 084), as for a page.
  const profiling = PROFILE_DIR !== undefined && typeof options.pid === "number";
  if (profiling) process.kill(options.pid as number, "SIGUSR2");
  const cpuBefore = options.pid ? await cpuMs(options.pid) : 0;
  // Database transactions (pg_stat_database: each statement outside a transaction counts as one).
  const xactSql = `SELECT (xact_commit + xact_rollback)::bigint AS "x" FROM pg_stat_database WHERE datname = current_database()`;
  await c.query("SELECT pg_stat_clear_snapshot()");
  const xactBefore = Number((await c.query(xactSql)).rows[0].x);
  let lookups = 0;
  const t0 = Date.now();
  const lookup = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  async function worker(mine: typeof agencies) {
    for (const agency of mine) {
      const queue: (typeof PERIODS)[number][] = [...PERIODS];
      for (;;) {
        if (Date.now() > deadline) return;
        // What the cycle page shows the user: the open task of the agency's running cycle.
        lookups++;
        const open = (
          await lookup.query(
            `SELECT t.id, t."cycleId", t."stepNumber", t.status FROM "CycleTask" t JOIN "MeasurementCycle" c ON c.id = t."cycleId"
             WHERE c."agencyId" = $1 AND c.status = 'ACTIVE' AND t.status IN ('ACTIVE', 'RETURNED') LIMIT 1`,
            [agency.id],
          )
        ).rows[0] as { id: string; cycleId: string; stepNumber: number; status: string } | undefined;
        if (!open) {
          const period = queue.shift();
          if (!period) break;
          options.onTransition?.("before", "start");
          const r = await callAction(next(), startActionId!, [agency.slug, { sopId: agency.sopId, year: 2026, period }], {
            cookie: sessions.get(`${agency.id}/KADIS`),
          });
          options.onTransition?.("after", "start");
          if ((r.result as { ok?: boolean } | undefined)?.ok) started++;
          else if (r.status !== 200) throw new Error(`start ${agency.slug} ${period}: ${r.status} ${r.body.slice(0, 300)}`);
          // else: that period's cycle exists already (an earlier run): the next period
          continue;
        }
        const step = steps.get(String(open.stepNumber))!;
        const decision = step.kind === "REVIEW" || step.kind === "APPROVAL";
        const cookie = sessions.get(`${agency.id}/${step.executor === "KADIS" ? "KADIS" : "SEKRETARIS"}`);
        // Posted to the cycle page, as the browser does (the action answers its result only; the refresh is the client's: decision 027).
        const t = performance.now();
        const base = next();
        options.onTransition?.("before", "task");
        const r = await callAction(
          base,
          taskActionId!,
          [
            agency.slug,
            {
              cycleId: open.cycleId,
              taskId: open.id,
              event: decision ? "APPROVE" : open.status === "RETURNED" ? "RESUBMIT" : "COMPLETE",
              outputText: "Hasil langkah (bench)",
              checklist: step.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean),
              attendees: ["Sekretaris", "Tim SAKIP"],
              decisions: "Lanjut.",
              // The archive step records the e-SAKIP upload (a day of the agency's zone, not after today).
              esakipUploadedAt: new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" }),
              esakipReference: "BENCH-ESAKIP",
            },
          ],
          { cookie, path: `/a/${agency.slug}/cycles/${open.cycleId}` },
        );
        options.onTransition?.("after", "task");
        if ((r.result as { ok?: boolean } | undefined)?.ok && options.withView) {
          const view = await fetch(`${base}/a/${agency.slug}/cycles/${open.cycleId}`, { headers: { cookie: cookie!, RSC: "1" } });
          await view.arrayBuffer();
          if (view.status !== 200) throw new Error(`cycle page after the action: ${view.status}`);
        }
        latencies.push(performance.now() - t);
        if ((r.result as { ok?: boolean } | undefined)?.ok) ok++;
        else {
          failed++;
          if (failures.length < 5) failures.push(`${r.status} ${r.body.slice(0, 200)}`);
          if (failed > 50) throw new Error(`too many failed transitions: ${failures.join(" | ")}`);
        }
      }
    }
  }
  const groups = Array.from({ length: connections }, (_, i) => agencies.filter((_, k) => k % connections === i));
  await Promise.all(groups.map(worker));
  const seconds = (Date.now() - t0) / 1000;
  // Server CPU per acknowledged transition: steadier than the rate on a shared machine.
  const cpuPerTransition = options.pid ? Math.round(((await cpuMs(options.pid)) - cpuBefore) / Math.max(1, ok) * 10) / 10 : null;
  if (profiling) await collectProfile(options.pid as number, options.withView ? "transitions-with-view" : "transitions");
  await lookup.end();
  // The statistics reach pg_stat_database when a backend goes idle (within a second).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await c.query("SELECT pg_stat_clear_snapshot()");
  const xactPerTransition = Math.round(((Number((await c.query(xactSql)).rows[0].x) - xactBefore - lookups - 2) / Math.max(1, ok)) * 10) / 10;
  const after = (await c.query(countSql, [agencies.map((a) => a.id)])).rows[0] as { done: number; audited: number };
  await c.end();
  latencies.sort((a, b) => a - b);
  const app = {
    transitions: ok,
    failed,
    failures,
    cyclesStarted: started,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round((ok / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    cpuMsPerTransition: cpuPerTransition,
    // The server's database transactions per acknowledged transition (the bench's own lookups taken out).
    dbTransactionsPerTransition: xactPerTransition,
    loadAverage: await loadAverage(),
    tasksDone: after.done - before.done,
    auditEvents: after.audited - before.audited,
    // Acknowledged transitions without their DONE task or their audit event (or the reverse).
    lost: Math.abs(ok - (after.done - before.done)) + Math.abs(ok - (after.audited - before.audited)),
  };
  log(`transitions: ${ok} ok, ${failed} failed in ${app.seconds} s = ${app.perSecond}/s (p50 ${app.p50} ms, p95 ${app.p95} ms; server CPU ${app.cpuMsPerTransition ?? "–"} ms and ${app.dbTransactionsPerTransition} database transactions each, load ${app.loadAverage}); DB: +${app.tasksDone} tasks DONE, +${app.auditEvents} task audit events`);
  return app;
}

/**
 * The third floor: an empty server action behind the same door as the step
 * transition (lib/bench/actions.ts: session, membership, permission, the same
 * input parsed; served with ALUR_BENCH=1), posted over HTTP exactly as the
 * transitions are (callAction, to its page), `connections` clients for the
 * same time. What the framework allows a write on this machine.
 */
async function emptyActions(server: RunningServer, cookie: string, connections: number, pid: Pids | undefined) {
  const actions = await builtActions();
  const id = actions.get("lib/bench/actions.ts#benchEmptyAction");
  if (!id) throw new Error("benchEmptyAction not in the build's server reference manifest");
  const input = {
    cycleId: "bench-floor",
    taskId: "bench-floor",
    event: "COMPLETE",
    outputText: "Hasil langkah (bench)",
    checklist: ["Dokumen"],
    attendees: ["Sekretaris", "Tim SAKIP"],
    decisions: "Lanjut.",
    esakipUploadedAt: new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" }),
    esakipReference: "BENCH-ESAKIP",
  };
  const call = () => callAction(server.baseUrl, id, [HEAVY_SLUG, input], { cookie, path: "/bench/aksi" });
  for (let i = 0; i < 20; i++) {
    const r = await call();
    if (!(r.result as { ok?: boolean } | undefined)?.ok) throw new Error(`empty action: ${r.status} ${r.body.slice(0, 300)}`);
  }
  if (pid !== undefined) await settle(pid);
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const cpuBefore = pid !== undefined ? await cpuMs(pid) : 0;
  const t0 = Date.now();
  const deadline = t0 + TRANSITION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        const r = await call();
        latencies.push(performance.now() - t);
        if ((r.result as { ok?: boolean } | undefined)?.ok) ok++;
        else failed++;
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  const cpu = pid !== undefined ? Math.round((((await cpuMs(pid)) - cpuBefore) / Math.max(1, ok)) * 10) / 10 : null;
  latencies.sort((a, b) => a - b);
  const floor = {
    calls: ok,
    failed,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round((ok / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    cpuMsPerCall: cpu,
    loadAverage: await loadAverage(),
  };
  log(`floor 3, empty action (session check): ${ok} ok, ${failed} failed = ${floor.perSecond}/s (p50 ${floor.p50} ms, p95 ${floor.p95} ms; server CPU ${floor.cpuMsPerCall ?? "–"} ms each, load ${floor.loadAverage})`);
  return floor;
}

/**
 * SQL statements per step transition: a server with ALUR_LOG_QUERIES=1, one
 * client (one transition at a time), every statement the server logs from the
 * action's start to the next one's counted to it (so the audit sequencer's
 * work after the commit is included, amortised); the cycle starts are left out.
 */
async function statementsPerTransition(databaseUrl: string, port: number) {
  const server = await startServer({ databaseUrl, port, env: { ...process.env, ALUR_LOG_QUERIES: "1" }, timeoutMs: 180_000 });
  servers.push(server);
  try {
    let carry = "";
    let current: string[] = [];
    let kind: "task" | "start" | null = null;
    const perTransition: string[][] = [];
    server.child.stdout!.on("data", (chunk: Buffer) => {
      const text = carry + chunk.toString();
      const lines = text.split("\n");
      carry = lines.pop() ?? "";
      for (const l of lines) if (l.startsWith("[alur:query]")) current.push(l.replace(/^\[alur:query\] [\d.]+ms\s*/, "").slice(0, 160));
    });
    const close = () => {
      if (kind === "task") perTransition.push(current);
      current = [];
    };
    await transitions([server], databaseUrl, 1, {
      seconds: 8,
      onTransition: (phase, k) => {
        if (phase !== "before") return;
        close();
        kind = k;
      },
    });
    await new Promise((r) => setTimeout(r, 1000));
    close();
    const counts = perTransition.map((l) => l.length).sort((a, b) => a - b);
    const writes = perTransition.map((l) => l.filter((x) => WRITE.test(x)).length);
    const mean = Math.round((counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)) * 10) / 10;
    const result = {
      transitions: counts.length,
      mean,
      median: percentile(counts, 50),
      min: counts[0] ?? 0,
      max: counts.at(-1) ?? 0,
      writesMean: Math.round((writes.reduce((a, b) => a + b, 0) / Math.max(1, writes.length)) * 10) / 10,
      // A typical one (the median count): what a transition says to the database.
      sample: perTransition.find((l) => l.length === percentile(counts, 50)) ?? [],
    };
    await writeFile(path.join(ROOT, ".bench", "transition-statements.json"), JSON.stringify(perTransition, null, 1));
    log(`statements per transition: mean ${result.mean}, median ${result.median} (min ${result.min}, max ${result.max}) over ${result.transitions} transitions, writes ${result.writesMean}`);
    for (const line of result.sample) log(`    ${line}`);
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * pgbench on a database of its own with the shape of a transition (three
 * statements). `oneChain`: issue 16's reference: every client also advances the
 * one audit chain head of one agency (an upsert of one row), the database's
 * limit for one agency's chained writes.
 */
async function pgbench(seconds: number, options: { oneChain?: boolean } = {}) {
  const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
  // Named after the bench database: two benchmarks on one server (h5_bench, h6_bench…) must not drop each other's.
  const name = `${new URL(flags["database-url"]!).pathname.slice(1).replace(/[^a-zA-Z0-9_]/g, "_")}_pgbench`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const c = new pg.Client({ connectionString: adminUrl.replace(/\/postgres$/, `/${name}`) });
  await c.connect();
  // The shape of a transition: tasks keyed like CycleTask, an audit table with its indexes.
  await c.query(`
    CREATE TABLE task (id bigserial PRIMARY KEY, cycle_id int NOT NULL, step int NOT NULL, status text NOT NULL, completed_at timestamptz, output text, data jsonb NOT NULL DEFAULT '{}');
    CREATE INDEX ON task (cycle_id, status);
    CREATE TABLE audit (id bigserial PRIMARY KEY, chain_key text NOT NULL, seq int NOT NULL, action text NOT NULL, entity_id text, data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), hash text NOT NULL);
    CREATE INDEX ON audit (chain_key, id DESC);
    CREATE TABLE chain_head (chain_key text PRIMARY KEY, seq int NOT NULL, hash text NOT NULL);
    INSERT INTO task (cycle_id, step, status) SELECT g, 1, 'ACTIVE' FROM generate_series(1, 100000) g;`);
  await c.query(`VACUUM ANALYZE`);
  await c.end();
  const script = path.join(ROOT, ".bench", options.oneChain ? "transition-one-chain.pgbench.sql" : "transition.pgbench.sql");
  await writeFile(
    script,
    [
      "\\set cid random(1, 100000)",
      "BEGIN;",
      "UPDATE task SET status = 'DONE', completed_at = now(), output = 'Hasil langkah', data = '{\"checklist\":[\"a\",\"b\"]}' WHERE id = :cid;",
      "INSERT INTO task (cycle_id, step, status) VALUES (:cid, 2, 'ACTIVE');",
      "INSERT INTO audit (chain_key, seq, action, entity_id, data, hash) VALUES ('agency:' || :cid, 1, 'task.complete', :cid::text, '{\"stepNumber\":1}', md5(:cid::text));",
      ...(options.oneChain
        ? ["INSERT INTO chain_head (chain_key, seq, hash) VALUES ('agency:1', 1, md5(:cid::text)) ON CONFLICT (chain_key) DO UPDATE SET seq = chain_head.seq + 1, hash = EXCLUDED.hash;"]
        : []),
      "END;",
      "",
    ].join("\n"),
  );
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("pgbench", ["-n", "-h", "127.0.0.1", "-U", "postgres", "-c", String(CONNECTIONS), "-j", "2", "-T", String(seconds), "-f", script, name]);
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`pgbench exit ${code}: ${out}`))));
  });
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? 0);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1] ?? 0);
  const drop = new pg.Client({ connectionString: adminUrl });
  await drop.connect();
  await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await drop.end();
  log(`pgbench (3-statement transaction${options.oneChain ? " + one agency's chain head" : ""}, ${CONNECTIONS} clients): ${tps} tps, latency avg ${latency} ms`);
  return { tps: Math.round(tps), latencyAvgMs: latency };
}

// ---------------------------------------------------------------------------
// Two instances on one database (stateless check)
// ---------------------------------------------------------------------------

/**
 * Two `next start` processes on the same database: a session made on A is
 * accepted by B (JWT, no server-side session store), and transitions sent
 * alternately to A and B all land (counted in the database).
 */
async function twoInstances(databaseUrl: string) {
  const a = await startServer({ databaseUrl, port: PORT + 3 });
  servers.push(a);
  const b = await startServer({ databaseUrl, port: PORT + 4 });
  servers.push(b);
  try {
    const targets = await pageTargets(databaseUrl);
    const cookie = await signIn(a.baseUrl, HEAD_LOGIN);
    if (!cookie) throw new Error("sign-in refused");
    const onB = await fetch(`${b.baseUrl}${targets.routes[0]!.path}`, { headers: { cookie }, redirect: "manual" });
    const both = await transitions([a, b], databaseUrl, 16);
    return { sessionFromAAcceptedByB: onB.status === 200, statusOnB: onB.status, transitions: both };
  } finally {
    await a.stop();
    await b.stop();
  }
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  await mkdir(path.join(ROOT, ".bench"), { recursive: true });
  await ensureBuild();
  const databaseUrl = flags["database-url"]!;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: (await readFile("/proc/cpuinfo", "utf8")).match(/^processor/gm)?.length, memGb: Math.round(Number(/MemTotal:\s+(\d+)/.exec(await readFile("/proc/meminfo", "utf8"))?.[1]) / 1048576) },
    settings: { nodeOptions: flags["node-options"] ?? null, webHeapMb: process.env.ALUR_WEB_HEAP_MB ?? "default", mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? "default", duration: DURATION, connections: CONNECTIONS, soakSeconds: SOAK, transitionSeconds: TRANSITION_SECONDS, poolMax: process.env.DATABASE_POOL_MAX ?? "10" },
  };
  const targets = await pageTargets(databaseUrl);
  results.dataset = { databaseUrl, heavyAgencyAuditEvents: targets.auditEvents };

  if (parts.has("js")) {
    results.firstLoadJs = await firstLoadJs([...new Set(targets.routes.map((r) => r.route))]);
    for (const [route, v] of Object.entries(results.firstLoadJs as Record<string, { gzipKb: number }>)) log(`first-load JS ${route}: ${v.gzipKb} kB gzip`);
  }

  if (parts.has("statements")) {
    const full = await statementsPerPage(databaseUrl, PORT + 1);
    let small: Awaited<ReturnType<typeof statementsPerPage>> | null = null;
    const probe = new pg.Client({ connectionString: flags["small-database-url"] });
    const exists = await probe.connect().then(() => true, () => false);
    if (exists) await probe.end();
    if (exists) small = await statementsPerPage(flags["small-database-url"]!, PORT + 2);
    results.statements = { full, small };
    for (const route of [targets.empty, ...targets.routes]) {
      if (!full.counts[route.name]) continue;
      log(`statements ${route.name.padEnd(26)} full ${full.counts[route.name]!.join("/")}   small ${small?.counts[route.name]?.join("/") ?? "-"}   writes ${full.writes[route.name]}`);
      for (const line of full.statements[route.name] ?? []) log(`    ${line}`);
    }
  }

  // Only the statements of one transition (a quick check while working on the write path).
  if (parts.has("transition-statements")) results.transitionStatements = await statementsPerTransition(databaseUrl, PORT + 5);
  if (parts.has("instances")) {
    results.instances = await twoInstances(databaseUrl);
    log(`two instances: ${JSON.stringify(results.instances)}`);
  }
  if (!["pages", "transitions", "soak"].some((p) => parts.has(p))) return finish(results);
  const external = flags["external-url"];
  const server: RunningServer = external
    ? ({ baseUrl: external, port: Number(new URL(external).port), stop: async () => undefined } as unknown as RunningServer)
    : await startServer({ databaseUrl, port: PORT, env: serverEnv(), timeoutMs: 180_000 });
  if (!external) servers.push(server);
  const pid: Pids = external ? (flags["server-pids"] ?? "").split(",").filter(Boolean).map(Number) : server.child.pid!;
  if (external) results.external = { url: external, serverPids: pid };
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idleCold = await rssMb(pid);
    const cookies = await signInAll(server.baseUrl, [targets.empty, ...targets.routes]);
    const cookie = cookies.get(HEAD_LOGIN)!;
    // Warm-up: every route a few times (compiles nothing in production, fills V8's JIT and the pool).
    const unusable = new Set<string>();
    for (const route of [{ path: "/api/ping", login: HEAD_LOGIN, name: "bare" }, targets.empty, ...targets.routes]) {
      if (!cookies.has(route.login)) continue;
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${server.baseUrl}${route.path}`, { headers: { cookie: cookies.get(route.login)!, accept: DOCUMENT_ACCEPT } });
        await r.text();
        if (r.status === 200) continue;
        // The floors and the dashboard must answer; another page of a dataset that lacks it is skipped, with a note.
        if (route === targets.routes[0] || !targets.routes.includes(route as (typeof targets.routes)[number])) throw new Error(`${route.path}: ${r.status}`);
        log(`${route.path} answers ${r.status} as ${route.login}: skipped`);
        unusable.add(route.name);
        break;
      }
    }
    await autocannon({ url: `${server.baseUrl}${targets.routes[0]!.path}`, connections: CONNECTIONS, duration: 3, headers: { cookie } });
    if (parts.has("js")) {
      const served: Record<string, { files: number; gzipKb: number }> = {};
      for (const route of targets.routes) if (cookies.has(route.login)) served[route.name] = await servedJs(server.baseUrl, route.path, cookies.get(route.login)!);
      results.servedJs = served;
      for (const [name, v] of Object.entries(served)) log(`JS referenced by the served page ${name}: ${v.gzipKb} kB gzip (${v.files} files)`);
    }
    const idle = await rssMb(pid);
    results.rss = { idleAfterStart: idleCold, idleWarm: idle };
    log(`RSS idle: ${idleCold.total} MB after start (anonymous ${idleCold.anon}, file-backed ${idleCold.file}), ${idle.total} MB warm (anonymous ${idle.anon}, file-backed ${idle.file}) (${JSON.stringify(idle.perProcess)})`);

    let peak = idle.total;
    let peakAnon = idle.anon;
    let peakProcess = idle.largest;
    // Which part of the bench the server's RSS peaked in (issue 16): one maximum per part, sampled every second.
    let part = "warm";
    const peakByPart: Record<string, { total: number; largestProcess: number }> = {};
    const sampler = setInterval(
      () =>
        void rssMb(pid).then((r) => {
          peak = Math.max(peak, r.total);
          peakAnon = Math.max(peakAnon, r.anon);
          peakProcess = Math.max(peakProcess, r.largest);
          const own = (peakByPart[part] ??= { total: 0, largestProcess: 0 });
          own.total = Math.max(own.total, r.total);
          own.largestProcess = Math.max(own.largestProcess, r.largest);
        }),
      1000,
    );
    const during = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      part = name;
      try {
        return await run();
      } finally {
        log(`RSS peak during ${name}: ${peakByPart[name]?.total ?? "–"} MB`);
        part = "between";
      }
    };
    if (parts.has("pages")) {
      part = "pages";
      const bare = await load("bare route /api/ping", server.baseUrl, "/api/ping", null, pid);
      const empty = await load(targets.empty.name, server.baseUrl, targets.empty.path, cookie, pid);
      const pages: (LoadResult & { ratio: number; ofBare: number; target: number })[] = [];
      for (const route of targets.routes) {
        if (!cookies.has(route.login) || unusable.has(route.name)) continue;
        const r = await load(route.name, server.baseUrl, route.path, cookies.get(route.login)!, pid);
        pages.push({
          ...r,
          ratio: Math.round((r.rps / empty.rps) * 1000) / 1000,
          ofBare: Math.round((r.rps / bare.rps) * 1000) / 1000,
          target: route.name.startsWith("dashboard") ? 0.75 : 0.5,
        });
      }
      results.pages = { connections: PAGE_CONNECTIONS, bare, empty: { ...empty, ofBare: Math.round((empty.rps / bare.rps) * 1000) / 1000 }, pages };
      log(`RSS peak during pages: ${peakByPart.pages?.total ?? "–"} MB`);
      part = "between";
    }
    if (parts.has("transitions")) {
      const floor = await during("empty actions", () => emptyActions(server, cookie, CONNECTIONS, external ? undefined : pid));
      const app = await during("transitions", () => transitions([server], databaseUrl, CONNECTIONS, { pid }));
      log("transitions with the view the user then sees (the cycle page's refresh after each action):");
      const loop = await during("loop", () => transitions([server], databaseUrl, CONNECTIONS, { withView: true, pid }));
      const bench = await pgbench(TRANSITION_SECONDS);
      const oneChain = await pgbench(TRANSITION_SECONDS, { oneChain: true });
      results.transitions = {
        app,
        loop,
        pgbench: bench,
        pgbenchOneChain: oneChain,
        ratio: Math.round((app.perSecond / bench.tps) * 1000) / 1000,
        ratioOneChain: Math.round((app.perSecond / oneChain.tps) * 1000) / 1000,
        emptyAction: floor,
        ratioEmptyAction: Math.round((app.perSecond / Math.max(0.1, floor.perSecond)) * 1000) / 1000,
        statements: external ? null : await statementsPerTransition(databaseUrl, PORT + 5),
      };
    }
    clearInterval(sampler);
    (results.rss as Record<string, unknown>).peakByPart = peakByPart;
    (results.rss as Record<string, unknown>).peakUnderLoad = peak;
    (results.rss as Record<string, unknown>).peakAnonUnderLoad = peakAnon;
    (results.rss as Record<string, unknown>).peakProcessUnderLoad = peakProcess;
    (results.rss as Record<string, unknown>).processes = idle.processes;
    log(`RSS peak under load: ${peak} MB in total over ${idle.processes} process${idle.processes === 1 ? "" : "es"}, largest process ${peakProcess} MB (anonymous ${peakAnon} MB)`);

    if (parts.has("soak") && SOAK > 0) {
      log(`soak: ${SOAK} s at ${CONNECTIONS} clients over the data pages`);
      // rss: the sum over the server's processes (what the host pays); largest: its biggest single process (what one heap limit bounds).
      const samples: { t: number; rss: number; largest: number; perProcess: Record<string, number> }[] = [];
      const soakStart = Date.now();
      const every = setInterval(
        () => void rssMb(pid).then((r) => samples.push({ t: (Date.now() - soakStart) / 1000, rss: r.total, largest: r.largest, perProcess: r.perProcess })),
        5000,
      );
      const soakTimes: number[] = [];
      const soakCpuBefore = await cpuMs(pid);
      const soakLoadBefore = await loadAverage();
      const instance = autocannon({
        url: server.baseUrl,
        connections: CONNECTIONS,
        duration: SOAK,
        // A browser's page load, as the pages part: the long server-made HTML travels once (decision 075).
        headers: { cookie, accept: DOCUMENT_ACCEPT },
        requests: targets.routes.filter((r) => r.login === HEAD_LOGIN).map((r) => ({ method: "GET" as const, path: r.path })),
      }) as Tracker;
      instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => soakTimes.push(responseTime));
      const result = await instance;
      const soakCpu = (await cpuMs(pid)) - soakCpuBefore;
      soakTimes.sort((a, b) => a - b);
      clearInterval(every);
      const half = samples.filter((s) => s.t >= SOAK / 2);
      const slope = slopePerSecond(half.map((s) => [s.t, s.rss]));
      const soak = {
        seconds: SOAK,
        requests: result.requests.total,
        rps: result.requests.average,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        p95: Math.round(percentile(soakTimes, 95)),
        // The server's CPU per answered request and the machine's load: req/s alone say little on a shared machine.
        cpuMsPerRequest: Math.round(soakCpu / Math.max(1, result.requests.total)),
        serverCpuShare: Math.round((soakCpu / (SOAK * 1000)) * 100) / 100,
        loadAverage: [soakLoadBefore, await loadAverage()],
        processes: Object.keys(samples[0]?.perProcess ?? {}).length,
        rssStart: samples[0]?.rss,
        rssMax: Math.max(...samples.map((s) => s.rss)),
        rssEnd: samples.at(-1)?.rss,
        slopeLastHalfMbPerMin: Math.round(slope * 60 * 100) / 100,
        // Each process on its own: start → max → end and its last-half slope.
        perProcess: Object.fromEntries(
          Object.keys(samples[0]?.perProcess ?? {}).map((name) => {
            const own = samples.map((s) => s.perProcess[name] ?? 0);
            const ownSlope = slopePerSecond(half.map((s) => [s.t, s.perProcess[name] ?? 0]));
            return [name, { start: own[0], max: Math.max(...own), end: own.at(-1), slopeLastHalfMbPerMin: Math.round(ownSlope * 60 * 100) / 100 }];
          }),
        ),
        largestProcessMax: Math.max(...samples.map((s) => s.largest)),
        samples,
      };
      (results.rss as Record<string, unknown>).soak = soak;
      peakByPart.soak = { total: soak.rssMax, largestProcess: soak.largestProcessMax };
      peak = Math.max(peak, soak.rssMax);
      (results.rss as Record<string, unknown>).peakUnderLoad = peak;
      log(`soak: ${soak.requests} requests (${soak.non2xx} non-2xx, ${soak.errors} errors/timeouts), p95 ${soak.p95} ms, server CPU ${soak.cpuMsPerRequest} ms/req (${soak.serverCpuShare} cores), load ${soak.loadAverage.join(" → ")}, RSS (sum of ${soak.processes} process${soak.processes === 1 ? "" : "es"}) ${soak.rssStart} → max ${soak.rssMax} → ${soak.rssEnd} MB, slope of the last half ${soak.slopeLastHalfMbPerMin} MB/min; per process: ${Object.entries(soak.perProcess).map(([name, p]) => `${name.split(" ")[0]} ${p.start} → max ${p.max} → ${p.end} MB (${p.slopeLastHalfMbPerMin} MB/min)`).join(", ")}`);
    }
  } finally {
    await server.stop();
  }
  await finish(results);
}

async function finish(results: Record<string, unknown>) {
  const md = report(results);
  await writeFile(path.join(ROOT, ".bench", "results.json"), JSON.stringify(results, null, 2));
  await writeFile(path.join(ROOT, ".bench", "results.md"), md);
  console.info(`\n${md}`);
}

function report(results: Record<string, unknown>): string {
  const rows: string[][] = [];
  const yes = (ok: boolean) => (ok ? "met" : "**missed**");
  const pages = results.pages as
    | { connections: number; bare: LoadResult; empty: LoadResult & { ofBare: number }; pages: (LoadResult & { ratio: number; ofBare: number; target: number })[] }
    | undefined;
  if (pages) {
    const { bare, empty } = pages;
    rows.push(["floor 1: bare route /api/ping", `${bare.rps} req/s, p50 ${bare.p50} / p95 ${bare.p95} ms; server CPU ${bare.cpuMsPerRequest} ms/req, load avg ${bare.loadAverage}`, "reference", ""]);
    rows.push([
      "floor 2: empty page behind the session check",
      `${empty.rps} req/s (${(empty.ofBare * 100).toFixed(1)} % of bare), p50 ${empty.p50} / p95 ${empty.p95} ms; server CPU ${empty.cpuMsPerRequest} ms/req, load avg ${empty.loadAverage}${empty.non2xx || empty.errors ? `, ${empty.non2xx} non-2xx, ${empty.errors} errors` : ""}`,
      "reference (pages are measured against it)",
      "",
    ]);
    for (const p of pages.pages) {
      rows.push([
        p.name,
        `${p.rps} req/s = **${(p.ratio * 100).toFixed(1)} % of the empty page** (${(p.ofBare * 100).toFixed(1)} % of bare), p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms; server CPU ${p.cpuMsPerRequest} ms/req (empty ${empty.cpuMsPerRequest}), ${Math.round(p.bytesPerRequest / 1024)} kB, load avg ${p.loadAverage}${p.non2xx || p.errors ? `, ${p.non2xx} non-2xx, ${p.errors} errors` : ""}`,
        `≥ ${p.target * 100} % of empty, p95 ≤ 100 ms at ${pages.connections} clients`,
        `${yes(p.ratio >= p.target)} / ${yes(p.requests > 0 && p.p95 <= 100 && p.non2xx === 0 && p.errors === 0)}`,
      ]);
    }
  }
  const tr = results.transitions as
    | {
        app: { perSecond: number; lost: number; transitions: number; failed: number; p95: number; cpuMsPerTransition?: number | null; dbTransactionsPerTransition?: number; loadAverage?: number };
        loop?: { perSecond: number; p50: number; p95: number; lost: number; cpuMsPerTransition?: number | null };
        pgbench: { tps: number };
        pgbenchOneChain?: { tps: number };
        ratio: number;
        ratioOneChain?: number;
        emptyAction?: { perSecond: number; p50: number; p95: number; cpuMsPerCall: number | null; loadAverage: number; failed: number };
        ratioEmptyAction?: number;
        statements?: { mean: number; median: number; min: number; max: number; writesMean: number; transitions: number } | null;
      }
    | undefined;
  if (tr?.emptyAction) {
    const f = tr.emptyAction;
    rows.push([
      "floor 3: empty server action behind the session check",
      `${f.perSecond}/s, p50 ${f.p50} / p95 ${f.p95} ms; server CPU ${f.cpuMsPerCall ?? "–"} ms/call, load avg ${f.loadAverage}${f.failed ? `, ${f.failed} failed` : ""}`,
      "reference (transitions are also measured against it)",
      "",
    ]);
  }
  if (tr) {
    // Issue 16's reference is pgbench's one-chain figure (three statements + one agency's chain head).
    const ratio = tr.ratioOneChain ?? tr.ratio;
    rows.push([
      "step transitions (server action)",
      `${tr.app.perSecond}/s (p95 ${tr.app.p95} ms, server CPU ${tr.app.cpuMsPerTransition ?? "–"} ms and ${tr.app.dbTransactionsPerTransition ?? "–"} database transactions each, load avg ${tr.app.loadAverage ?? "–"}) vs pgbench one chain ${tr.pgbenchOneChain?.tps ?? "–"} tps = ${(ratio * 100).toFixed(1)} % (spread over chains: ${tr.pgbench.tps} tps = ${(tr.ratio * 100).toFixed(1)} %)${tr.ratioEmptyAction !== undefined ? `; **${(tr.ratioEmptyAction * 100).toFixed(1)} % of the empty action** (floor 3)` : ""}${tr.statements ? `; ${tr.statements.mean} SQL statements each (median ${tr.statements.median}, ${tr.statements.writesMean} writes)` : ""}; ${tr.app.transitions} ok, ${tr.app.failed} failed, ${tr.app.lost} lost`,
      "≥ 30 % of pgbench one chain, none lost",
      `${yes(ratio >= 0.3)} / ${yes(tr.app.lost === 0 && (tr.loop?.lost ?? 0) === 0)}`,
    ]);
    if (tr.loop) {
      rows.push([
        "user-visible loop (action + the cycle page's refresh)",
        `${tr.loop.perSecond}/s, p50 ${tr.loop.p50} / p95 ${tr.loop.p95} ms, server CPU ${tr.loop.cpuMsPerTransition ?? "–"} ms each, ${tr.loop.lost} lost`,
        "reported beside the transitions",
        "",
      ]);
    }
  }
  const inst = results.instances as { sessionFromAAcceptedByB: boolean; transitions: { perSecond: number; transitions: number; lost: number } } | undefined;
  if (inst) {
    rows.push([
      "two instances, one database",
      `session from A accepted by B: ${inst.sessionFromAAcceptedByB ? "yes" : "no"}; ${inst.transitions.transitions} transitions alternating A/B (${inst.transitions.perSecond}/s), ${inst.transitions.lost} lost`,
      "stateless, none lost",
      yes(inst.sessionFromAAcceptedByB && inst.transitions.lost === 0),
    ]);
  }
  type TStatements = { auditEvents: number; counts: Record<string, number[]>; writes: Record<string, number> };
  const st = results.statements as { full: TStatements; small: TStatements | null } | undefined;
  if (st) {
    for (const [name, counts] of Object.entries(st.full.counts)) {
      const full = Math.max(...counts);
      const small = st.small?.counts[name] ? Math.max(...st.small.counts[name]) : null;
      const writes = st.full.writes[name] ?? 0;
      rows.push([
        `statements: ${name}`,
        `${full}, ${writes} writes (heavy agency ${st.full.auditEvents} audit events)${small !== null ? ` vs ${small} (${st.small!.auditEvents})` : ""}`,
        "constant, ≤ 6, no write",
        `${yes(small === null || small === full)} / ${yes(full <= 6)} / ${yes(writes === 0)}`,
      ]);
    }
  }
  const js = results.firstLoadJs as Record<string, { gzipKb: number }> | undefined;
  if (js) for (const [route, v] of Object.entries(js)) rows.push([`first-load JS ${route} (build manifests)`, `${v.gzipKb} kB gzip`, `≤ ${FIRST_LOAD_JS_BUDGET_KB} kB`, yes(v.gzipKb <= FIRST_LOAD_JS_BUDGET_KB)]);
  const served = results.servedJs as Record<string, { gzipKb: number; files: number }> | undefined;
  if (served) for (const [name, v] of Object.entries(served)) rows.push([`JS the served page references: ${name}`, `${v.gzipKb} kB gzip (${v.files} files)`, `≤ ${FIRST_LOAD_JS_BUDGET_KB} kB`, yes(v.gzipKb <= FIRST_LOAD_JS_BUDGET_KB)]);
  const rss = results.rss as
    | {
        idleWarm: { total: number; processes: number };
        peakUnderLoad: number;
        peakProcessUnderLoad: number;
        peakByPart?: Record<string, { total: number }>;
        soak?: { seconds: number; processes: number; rssStart: number; rssEnd: number; rssMax: number; largestProcessMax: number; slopeLastHalfMbPerMin: number; non2xx: number };
      }
    | undefined;
  if (rss) {
    // The target is for the whole server: the sum over its processes (one process when the bench starts its own).
    const over = rss.idleWarm.processes > 1 ? ` (sum of ${rss.idleWarm.processes} processes; largest ${rss.peakProcessUnderLoad} MB)` : " (one process)";
    rows.push(["RSS idle / peak under load", `${rss.idleWarm.total} MB / ${rss.peakUnderLoad} MB${over}`, "≤ 400 MB (issue 16)", yes(rss.peakUnderLoad <= 400)]);
    const byPart = Object.entries(rss.peakByPart ?? {}).filter(([name]) => name !== "warm" && name !== "between");
    if (byPart.length > 0) rows.push(["RSS peak per part", byPart.map(([name, p]) => `${name} ${p.total} MB`).join(", "), "≤ 400 MB each", yes(byPart.every(([, p]) => p.total <= 400))]);
    if (rss.soak) {
      const flat = rss.soak.slopeLastHalfMbPerMin <= 1; // levelled off: not growing in the second half
      const soakOver = rss.soak.processes > 1 ? `, sum of ${rss.soak.processes} processes, largest ${rss.soak.largestProcessMax} MB` : ", one process";
      rows.push([
        `RSS soak (${rss.soak.seconds} s)`,
        `${rss.soak.rssStart} → max ${rss.soak.rssMax} → ${rss.soak.rssEnd} MB${soakOver}, last-half slope ${rss.soak.slopeLastHalfMbPerMin} MB/min`,
        "flat (last-half slope ≤ 1 MB/min)",
        yes(flat),
      ]);
    }
  }
  const table = ["| Measure | Result | Target | Status |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  return `# Benchmark results (${results.date as string})\n\nPages: ${PAGE_CONNECTIONS} clients, ${DURATION} s per route; transitions and soak: ${CONNECTIONS} clients; machine ${JSON.stringify(results.machine)}.\n\n${table}\n`;
}

try {
  await main();
} finally {
  await cleanup();
}

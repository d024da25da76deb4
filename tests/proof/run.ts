/**
 * `npm run proof`: builds the app when stale, migrates and seeds one database
 * that every module's database is copied from, runs every proof module (the
 * vitest "proof" project) and then the accessibility journeys in Chromium, and
 * prints one table of what was tried and what went wrong. Exits non-zero when a
 * module failed, did not report, or counted anything that must stay zero.
 *
 * Order (docs/decisions/089-proof-order.md): the malformed-input module, the
 * longest and about one core's work, runs in a vitest process of its own beside
 * a second one that runs the other modules one at a time; the accessibility
 * journeys (two Playwright workers, both cores) run after both. The two vitest
 * runs share no port, no database and no file; the other modules' output streams
 * as it comes, the malformed module's is kept in .proof/malformed.log and printed
 * in one piece when it ends. PROOF_SERIAL=1 runs every module one at a time, then
 * the journeys. Each run's wall time and the machine's busy core-seconds
 * meanwhile (/proc/stat) are printed.
 *
 * Needs PostgreSQL (PROOF_PG_URL, DATABASE_URL, or 127.0.0.1:5432): two
 * production servers share one database in the concurrency proof. The seeded
 * database and the accessibility server's are named per run (pid and time) and
 * dropped at the end, so two runs on one PostgreSQL do not collide on them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { createDatabase, dropDatabase, ensureBuild, SEEDED_TEMPLATE_ENV } from "../support/server";
import { clearResults, MUST_BE_ZERO, readResults, type ProofCounts, type ProofResult } from "./report";

/** Every module that must report; a missing one fails the run. */
const EXPECTED = ["registry", "tenant", "roles", "malformed", "uploads", "websec", "concurrency", "faults", "jobs", "a11y"];

/** Busy core-seconds of the whole machine since boot (/proc/stat; every process, not only ours). */
function machineBusy(): number {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Ran {
  code: number;
  wall: number;
  busy: number;
}

/** The runs in progress: an interrupt of this process alone (a CI job's SIGTERM) stops them too. */
const running = new Set<ChildProcess>();

/** Runs a command; with `log`, its output goes to that file instead of this terminal. */
async function run(label: string, command: string, args: string[], log?: string): Promise<Ran> {
  const started = Date.now();
  const busyBefore = machineBusy();
  const out = log ? createWriteStream(log) : undefined;
  if (out) await once(out, "open");
  const child = spawn(command, args, { stdio: out ? ["ignore", out, out] : "inherit", env: { ...process.env, PROOF: "1" } });
  running.add(child);
  const [code] = (await once(child, "exit")) as [number | null];
  running.delete(child);
  out?.end();
  const ran = { code: code ?? 1, wall: (Date.now() - started) / 1000, busy: machineBusy() - busyBefore };
  console.info(
    `[proof] ${label}: exit ${ran.code}, ${ran.wall.toFixed(0)} s wall; the machine was busy ${ran.busy.toFixed(0)} core-s meanwhile ` +
      `(${(ran.busy / ran.wall).toFixed(2)} cores, every process on it)`,
  );
  return ran;
}

const COLUMNS: [keyof ProofCounts, string][] = [
  ["probes", "probes"],
  ["payloads", "payloads"],
  ["leaks", "leaks"],
  ["forbiddenSuccesses", "forbidden ok"],
  ["serverErrors", "5xx"],
  ["rowsChangedByRefused", "rows changed"],
  ["lostTransitions", "lost"],
  ["duplicatedTransitions", "duplicated"],
  ["pagesScanned", "a11y pages"],
  ["a11ySeriousCritical", "a11y serious"],
];

function table(results: ProofResult[]): string {
  const header = ["module", ...COLUMNS.map(([, label]) => label), "result"];
  const rows = results.map((r) => [
    r.module,
    ...COLUMNS.map(([key]) => String(r.counts[key] ?? 0)),
    r.failures.length === 0 && MUST_BE_ZERO.every((k) => !r.counts[k]) ? "PASS" : "FAIL",
  ]);
  const totals = COLUMNS.map(([key]) => String(results.reduce((sum, r) => sum + (r.counts[key] ?? 0), 0)));
  rows.push(["TOTAL", ...totals, rows.every((row) => row.at(-1) === "PASS") ? "PASS" : "FAIL"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

await clearResults();
await mkdir(".proof", { recursive: true });
await ensureBuild();
const only = process.argv.slice(2);
const runA11y = only.length === 0 || only.some((f) => f.includes("a11y"));
const serial = process.env.PROOF_SERIAL === "1";
// Per run, so that two runs on one PostgreSQL (two worktrees, two CI jobs) do not drop each other's.
const suffix = `${process.pid}_${Date.now().toString(36)}`;
process.env.A11Y_DATABASE = `alur_proof_a11y_${suffix}`;
const templateName = `alur_proof_seeded_${suffix}`;
// Both databases are dropped by name, so an interrupt during the seed (the longest step before the
// modules start) leaves nothing behind either; the handlers are in place before anything is created.
const cleanUp = async () => {
  await dropDatabase(templateName).catch(() => {});
  await dropDatabase(process.env.A11Y_DATABASE!).catch(() => {});
};
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // `on`, not `once`: Ctrl-C reaches this process from the terminal and again through npm and tsx,
  // and a second signal with no handler left would end it before the databases are dropped.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // A terminal's Ctrl-C reaches the children anyway; a signal sent to this process alone must too.
    for (const child of running) child.kill(signal);
    // Dropping a database in use ends the seed's connections; their errors are the interrupt's echo.
    const quiet = () => {};
    process.on("uncaughtException", quiet).on("unhandledRejection", quiet);
    void cleanUp().finally(() => {
      console.info(`[proof] ${signal}: the run's databases were dropped`);
      process.exit(130);
    });
  });
}
// Migrated and seeded once; every module's database (and the accessibility server's) is a copy.
const template = await createDatabase(templateName);
process.env[SEEDED_TEMPLATE_ENV] = template.name;
const MALFORMED = "tests/proof/malformed.proof.ts";
const malformedLog = path.resolve(".proof", "malformed.log");
let vitestCode: number;
let a11yCode = 0;
const phaseStart = Date.now();
const busyStart = machineBusy();
try {
  const vitest = ["node_modules/vitest/vitest.mjs", "run", "--project", "proof"];
  const a11yArgs = ["node_modules/@playwright/test/cli.js", "test", "-c", "tests/proof/playwright.config.ts"];
  // Filters naming accessibility files are the Playwright run's, not vitest's.
  const filters = only.filter((f) => !f.includes("a11y"));
  // The malformed module beside the others when both are to run (all of them, or filters naming both).
  const others = filters.filter((f) => !f.includes("malformed"));
  const split = !serial && (only.length === 0 || (others.length > 0 && others.length < filters.length));
  if (only.length > 0 && filters.length === 0) {
    vitestCode = 0;
  } else if (split) {
    const malformedRun = async () => {
      const ran = await run("proof module malformed (vitest, beside the others)", process.execPath, [...vitest, MALFORMED], malformedLog);
      console.info(`\n===== malformed module: output (.proof/malformed.log) =====\n${await readFile(malformedLog, "utf8")}===== end of the malformed module's output =====\n`);
      return ran.code;
    };
    const codes = await Promise.all([malformedRun(), run("proof modules but malformed (vitest, one at a time)", process.execPath, [...vitest, "--exclude", MALFORMED, ...others]).then((r) => r.code)]);
    vitestCode = codes.find((code) => code !== 0) ?? 0;
  } else {
    vitestCode = (await run("proof modules (vitest, one at a time)", process.execPath, [...vitest, ...filters])).code;
  }
  if (runA11y) a11yCode = (await run("accessibility journeys (Playwright)", process.execPath, a11yArgs)).code;
} finally {
  await cleanUp();
}
// Interrupted: the signal handler ends the process once the databases are dropped; no report.
if (interrupted) await new Promise(() => {});
const wall = (Date.now() - phaseStart) / 1000;
const busy = machineBusy() - busyStart;
console.info(`[proof] modules and journeys: ${wall.toFixed(0)} s wall, machine busy ${busy.toFixed(0)} core-s (${(busy / wall).toFixed(2)} cores)`);

const results = await readResults();
console.info(`\nProof suite\n\n${table(results)}\n`);
for (const r of results) {
  for (const note of r.notes) console.info(`  ${r.module}: ${note}`);
}
const problems: string[] = [];
for (const r of results) for (const failure of r.failures) problems.push(`${r.module}: ${failure}`);
const expected = only.length === 0 ? EXPECTED : [];
for (const name of expected) if (!results.some((r) => r.module === name)) problems.push(`${name}: the module did not report`);
if (vitestCode !== 0) problems.push(`vitest proof project exited with ${vitestCode}`);
if (a11yCode !== 0) problems.push(`accessibility journeys exited with ${a11yCode}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.info("\nAll proofs passed.");

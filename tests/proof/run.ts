/**
 * `npm run proof`: builds the app when stale, migrates and seeds one database
 * that every module's database is copied from, runs every proof module (the
 * vitest "proof" project, then the accessibility journeys in Chromium), and
 * prints one table of what was tried and what went wrong. Exits non-zero when
 * a module failed, did not report, or counted anything that must stay zero.
 *
 * Needs PostgreSQL (PROOF_PG_URL, DATABASE_URL, or 127.0.0.1:5432): two
 * production servers share one database in the concurrency proof.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";

import { createDatabase, ensureBuild, SEEDED_TEMPLATE_ENV } from "../support/server";
import { clearResults, MUST_BE_ZERO, readResults, type ProofCounts, type ProofResult } from "./report";

/** Every module that must report; a missing one fails the run. */
const EXPECTED = ["registry", "tenant", "roles", "malformed", "uploads", "websec", "concurrency", "faults", "jobs", "a11y"];

async function run(command: string, args: string[]): Promise<number> {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, PROOF: "1" } });
  const [code] = (await once(child, "exit")) as [number | null];
  return code ?? 1;
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
await ensureBuild();
const only = process.argv.slice(2);
// Migrated and seeded once; every module's database (and the accessibility server's) is a copy.
const template = await createDatabase("alur_proof_seeded");
process.env[SEEDED_TEMPLATE_ENV] = template.name;
let vitestCode: number;
let a11yCode = 0;
try {
  vitestCode = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", "proof", ...only]);
  if (only.length === 0 || only.some((f) => f.includes("a11y"))) {
    a11yCode = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "tests/proof/playwright.config.ts"]);
  }
} finally {
  await template.drop();
}

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

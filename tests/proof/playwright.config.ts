import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_LAUNCH_OPTIONS } from "../support/chromium";

import { A11Y_PORT } from "./a11y/support";

// One database per run (two runs on one PostgreSQL must not drop each other's). Set here, in
// the runner, before the workers and the web server start: they inherit it.
process.env.A11Y_DATABASE ??= `alur_proof_a11y_${process.pid}_${Date.now().toString(36)}`;

/** Workers for the read-only page scans: A11Y_WORKERS, else 2 (the CI machine's cores). */
const WORKERS = Number(process.env.A11Y_WORKERS ?? 2);

/**
 * The accessibility and small-screen journeys of the proof suite (`npm run
 * proof`, module "a11y"): axe-core on every page of every journey, signed in as
 * each role, at desktop width and at 390 px; the approve / return-for-revision
 * journey with the keyboard only. Debian's Chromium (/usr/bin/chromium), the
 * production build started by `npm start` (one web process per core) on a
 * fresh PostgreSQL database of its own (tests/proof/a11y/serve.ts).
 *
 * Two projects (docs/decisions/062-ci-proof-overlap.md): "pages" scans read
 * only, one test per role, in parallel on WORKERS workers; "keyboard" writes
 * (it starts and decides cycles of the agency the pages show), so it runs
 * after every scan, and the scans always see the seeded data.
 */
export default defineConfig({
  testDir: "a11y",
  // A hang guard, not a speed limit: with two workers beside the proof modules on two cores, one
  // role's 21–33 pages at two widths take several minutes on a quiet machine (A11Y_TEST_TIMEOUT_MS).
  timeout: Number(process.env.A11Y_TEST_TIMEOUT_MS ?? 900_000),
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./a11y/global-setup.ts",
  globalTeardown: "./a11y/global-teardown.ts",
  outputDir: "../../.proof/a11y-artifacts",
  use: {
    baseURL: `http://localhost:${A11Y_PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    { name: "pages", testMatch: "pages.spec.ts", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "keyboard", testMatch: "keyboard-journey.spec.ts", dependencies: ["pages"], use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: `node --import tsx tests/proof/a11y/serve.ts ${A11Y_PORT}`,
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    url: `http://localhost:${A11Y_PORT}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    // Stopped like `npm start` is (its web processes end and are reaped), not killed: its CPU time then
    // counts in the runner's rusage (/usr/bin/time), and nothing is left behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});

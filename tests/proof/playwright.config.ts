import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_LAUNCH_OPTIONS } from "../support/chromium";

import { A11Y_PORT } from "./a11y/support";

/**
 * The accessibility and small-screen journeys of the proof suite (`npm run
 * proof`, module "a11y"): axe-core on every page of every journey, signed in as
 * each role, at desktop width and at 390 px; the approve / return-for-revision
 * journey with the keyboard only. Debian's Chromium (/usr/bin/chromium), one
 * worker, the production build started by `npm start` on a fresh PostgreSQL
 * database "alur_proof_a11y" (tests/proof/a11y/serve.ts).
 */
export default defineConfig({
  testDir: "a11y",
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node --import tsx tests/proof/a11y/serve.ts ${A11Y_PORT}`,
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    url: `http://localhost:${A11Y_PORT}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

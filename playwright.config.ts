import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests drive Debian's Chromium (/usr/bin/chromium; Playwright
 * cannot download browsers here) against the production build started by
 * `npm start`, on a fresh embedded database (or DATABASE_URL when set).
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    // A failing test keeps its trace: every action with the page's DOM before and after it, the
    // network and the console. Not the screencast filmstrip: encoding a frame for every paint of every
    // page cost the browser more CPU than the journeys' own checks (docs/decisions/063-journey-duration.md).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node --import tsx tests/e2e/serve.ts ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

/**
 * How Playwright starts Debian's Chromium here (tests/e2e and the proof suite's
 * accessibility journeys): /usr/bin/chromium, headless, no background network
 * (this machine's closed network refuses it, many connections at a time).
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

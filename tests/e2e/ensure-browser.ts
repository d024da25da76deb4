/**
 * End-to-end tests use Debian's Chromium (test tools cannot download their
 * own browsers here). Installs it when missing and we may (root with apt),
 * otherwise explains how.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const browser = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(browser)) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.info("[e2e] installing Debian's chromium (apt-get install -y chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.error(`[e2e] Chromium not found at ${browser}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

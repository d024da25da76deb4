/**
 * Shared by the accessibility specs: the server and database they run on, axe
 * scans with the WCAG 2.1 A/AA tags, the 390 px checks, and the partial result
 * each spec file writes under .proof/a11y-parts (global-teardown.ts merges the
 * parts into the "a11y" proof result).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** The accessibility server's port: A11Y_PORT, else 4400. */
export const A11Y_PORT = Number(process.env.A11Y_PORT ?? 4400);
/**
 * The accessibility server's database, one per run so that two runs on one PostgreSQL do not drop
 * each other's: A11Y_DATABASE, which tests/proof/playwright.config.ts sets once in the runner
 * (its workers, its web server and its global set-up and teardown inherit it).
 */
export function a11yDatabase(): string {
  const name = process.env.A11Y_DATABASE;
  if (!name) throw new Error("A11Y_DATABASE is not set (tests/proof/playwright.config.ts sets it)");
  return name.replace(/[^a-zA-Z0-9_]/g, "_");
}
export const PARTS_DIR = path.resolve(process.cwd(), ".proof", "a11y-parts");
export const SHOTS_DIR = path.resolve(process.cwd(), ".proof", "a11y-screens");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
export const DEMO_PASSWORD = "AlurKinerja2026";

export function pgAdminUrl(): string {
  return process.env.PROOF_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export function a11yDatabaseUrl(): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${a11yDatabase()}`;
  return url.toString();
}

/** A 390 px phone (iPhone 12 size) in Chromium. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
} as const;

/**
 * What one spec file found in one Playwright worker; written to
 * .proof/a11y-parts/<name>.<worker>.json (a file whose tests run in parallel has one part per worker).
 */
export class A11yPart {
  pagesScanned = 0;
  a11ySeriousCritical = 0;
  probes = 0;
  readonly failures: string[] = [];
  readonly notes: string[] = [];

  constructor(readonly name: string) {}

  /** Runs axe-core on the page as it is now; counts and names every serious or critical violation. */
  async scan(page: Page, label: string): Promise<number> {
    // resultTypes: only violations are needed in full (passes and incomplete are summarised), much faster on big pages.
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).analyze();
    this.pagesScanned++;
    let found = 0;
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      found += v.nodes.length;
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
      this.failures.push(`${label}: axe ${v.impact} ${v.id} (${v.nodes.length}×: ${targets}) ${v.help}`);
    }
    this.a11ySeriousCritical += found;
    return found;
  }

  /** At 390 px: no horizontal scroll of the page, every visible button inside the screen. */
  async checkPhone(page: Page, label: string): Promise<void> {
    this.probes++;
    const layout = await page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      const width = window.innerWidth;
      const offscreen: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>("button, [role=button], input[type=submit]")) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || el.closest("[aria-hidden=true], [hidden], [inert]")) continue;
        // Inside a horizontally scrolling region (wide tables) a button may sit off to the side.
        let scrolled = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const ox = getComputedStyle(p).overflowX;
          if (ox === "auto" || ox === "scroll" || ox === "hidden") scrolled = true;
        }
        if (!scrolled && (rect.left < -1 || rect.right > width + 1)) offscreen.push(`${el.textContent?.trim().slice(0, 40) || el.getAttribute("aria-label")} (${Math.round(rect.left)}–${Math.round(rect.right)})`);
      }
      return { scrollWidth: scroller.scrollWidth, width, offscreen };
    });
    if (layout.scrollWidth > layout.width) this.failures.push(`${label} at 390 px: the page scrolls sideways (scrollWidth ${layout.scrollWidth} > ${layout.width})`);
    for (const b of layout.offscreen) this.failures.push(`${label} at 390 px: button outside the screen: ${b}`);
  }

  async save(workerIndex: number): Promise<void> {
    await mkdir(PARTS_DIR, { recursive: true });
    await writeFile(path.join(PARTS_DIR, `${this.name}.${workerIndex}.json`), JSON.stringify(this, null, 2));
  }
}

/** A fresh browser context signed in through the sign-in form. */
export async function signedInContext(browser: Browser, identifier: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  await expect(page.locator("main").first()).toBeVisible();
  return { context, page };
}

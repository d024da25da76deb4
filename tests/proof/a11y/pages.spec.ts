import { mkdir } from "node:fs/promises";
import path from "node:path";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { A11yPart, PHONE, SHOTS_DIR, signedInContext } from "./support";

/**
 * Every page of every journey, signed in as each role of Dinas BMCKTR Sumatera
 * Barat (and the platform administrator, and the sign-in page signed out):
 * axe-core WCAG 2.1 A/AA at desktop width; at 390 px the page must not scroll
 * sideways and no button may sit outside the screen, and for the roles that
 * work on a phone (Kepala Dinas, Sekretaris; README) axe runs at 390 px too.
 * Pages a role may not open (404) are listed, not scanned.
 *
 * Read-only: the tests (one per role) run in parallel across the workers
 * (tests/proof/playwright.config.ts), each in its own signed-in contexts; the
 * keyboard journey, which writes, runs after them. The 390 px context reuses
 * the desktop context's session instead of signing in a second time.
 */

test.describe.configure({ mode: "parallel" });

const AGENCY = "/a/bmcktr-sumbar";
const part = new A11yPart("pages");

const ROLES = [
  { role: "Kepala Dinas", email: "kadis@sumbar.demo", phoneScan: true },
  { role: "Sekretaris", email: "sekretaris@sumbar.demo", phoneScan: true },
  { role: "Bidang", email: "bidang@sumbar.demo" },
  { role: "Tim SAKIP", email: "tim.sakip@sumbar.demo" },
  { role: "Subbag Perencanaan", email: "subbag.perencanaan@sumbar.demo" },
  { role: "Auditor", email: "auditor@sumbar.demo" },
  { role: "Administrator", email: "admin@sumbar.demo" },
];

/** The agency's pages, with the ids of the running cycle and the SOP in force found from the lists. */
async function agencyPages(page: Page): Promise<string[]> {
  await page.goto(`${AGENCY}/cycles`);
  const running = page.getByTestId("cycle-list").getByRole("link").filter({ hasText: "Berjalan" }).first();
  const cycle = new URL((await running.getAttribute("href"))!, "http://x").pathname;
  const done = new URL((await page.getByTestId("cycle-list").getByRole("link").filter({ hasText: "Selesai" }).first().getAttribute("href"))!, "http://x").pathname;
  await page.goto(`${AGENCY}/sops`);
  const sopHref = await page.locator(`main a[href^="${AGENCY}/sops/"]`).evaluateAll((links) =>
    links.map((a) => a.getAttribute("href")!).find((h) => /\/sops\/[a-z0-9]+$/.test(h) && !h.endsWith("/new") && !h.endsWith("/import")),
  );
  const sop = sopHref!;
  return [
    AGENCY,
    `${AGENCY}/cycles`,
    cycle,
    `${cycle}/timeline`,
    done,
    `${done}/timeline`,
    `${AGENCY}/sops`,
    sop,
    `${sop}/edit`,
    `${sop}/compare`,
    `${AGENCY}/sops/new`,
    `${AGENCY}/sops/import`,
    `${AGENCY}/kinerja`,
    `${AGENCY}/kinerja/realisasi?tahun=2026&tw=2`,
    `${AGENCY}/kinerja/verifikasi?tahun=2026&tw=2`,
    `${AGENCY}/kinerja/rekap`,
    `${AGENCY}/kinerja/impor`,
    `${AGENCY}/kinerja/lkjip`,
    `${AGENCY}/pohon-kinerja`,
    `${AGENCY}/pohon-kinerja/pk`,
    `${AGENCY}/pohon-kinerja/lintas`,
    `${AGENCY}/lke`,
    `${AGENCY}/tindak-lanjut`,
    `${AGENCY}/tanda-tangan`,
    `${AGENCY}/plt`,
    `${AGENCY}/jam-kerja`,
    `${AGENCY}/notifikasi`,
    `${AGENCY}/anggota`,
    `${AGENCY}/peran`,
    `${AGENCY}/unit`,
    `${AGENCY}/audit`,
    `${AGENCY}/audit/sla`,
    `${AGENCY}/audit/verifikasi`,
  ];
}

/** Opens a page; false when the role may not see it (404/403). A 5xx is a failure. */
async function open(page: Page, url: string, label: string): Promise<boolean> {
  const response = await page.goto(url);
  const status = response?.status() ?? 0;
  if (status >= 500) part.failures.push(`${label}: ${url} answered ${status}`);
  if (status !== 200) return false;
  await page.locator("main").first().waitFor();
  return true;
}

async function scanAll(email: string, role: string, urls: (page: Page) => Promise<string[]>, browser: Browser, phoneScan: boolean) {
  const desktop = await signedInContext(browser, email);
  const phoneContext = await browser.newContext({ ...PHONE, storageState: await desktop.context.storageState() });
  const phone = { context: phoneContext, page: await phoneContext.newPage() };
  const list = await urls(desktop.page);
  const skipped: string[] = [];
  const timings: [string, number][] = [];
  let scanned = 0;
  for (const url of list) {
    const label = `${role} ${url}`;
    const started = Date.now();
    if (!(await open(desktop.page, url, label))) {
      skipped.push(url.replace(AGENCY, ""));
      continue;
    }
    await part.scan(desktop.page, label);
    expect(await open(phone.page, url, `${label} (390 px)`)).toBe(true);
    if (phoneScan) await part.scan(phone.page, `${label} (390 px)`);
    await part.checkPhone(phone.page, label);
    timings.push([url.replace(AGENCY, "") || "/", Date.now() - started]);
    scanned++;
  }
  const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([u, ms]) => `${u} ${(ms / 1000).toFixed(1)} s`);
  part.notes.push(`${role}: ${scanned} pages scanned${phoneScan ? " at both widths" : ", checked at 390 px"}${skipped.length ? `; not open to the role: ${skipped.join(", ")}` : ""}; slowest: ${slowest.join(", ")}`);
  return { desktop, phone, list };
}

test.afterAll(async ({}, testInfo) => {
  await part.save(testInfo.workerIndex);
});

for (const { role, email, phoneScan = false } of ROLES) {
  test(`${role}: every page passes axe (WCAG 2.1 AA) and fits a 390 px screen`, async ({ browser }) => {
    const before = part.failures.length;
    const { desktop, phone, list: urls } = await scanAll(email, role, agencyPages, browser, phoneScan);
    if (role === "Kepala Dinas" || role === "Sekretaris") {
      // A few phone screenshots to look at.
      await mkdir(SHOTS_DIR, { recursive: true });
      const slug = role === "Kepala Dinas" ? "kadis" : "sekretaris";
      for (const [name, url] of [["dashboard", AGENCY], ["cycle", urls[2]!], ["realisasi", `${AGENCY}/kinerja/realisasi?tahun=2026&tw=2`]] as const) {
        await phone.page.goto(url);
        await phone.page.screenshot({ path: path.join(SHOTS_DIR, `${slug}-${name}.png`), fullPage: false });
      }
    }
    await desktop.context.close();
    await phone.context.close();
    expect(part.failures.slice(before)).toEqual([]);
  });
}

test("platform administrator: /admin and the sign-in page pass axe at both widths", async ({ browser }) => {
  const before = part.failures.length;
  // /admin, one agency's page, and that agency's administration seen in (audited) oversight.
  const platformPages = async (page: Page) => {
    await page.goto("/admin");
    const manage = await page.getByRole("link", { name: /^Kelola Dinas Bina Marga/ }).getAttribute("href");
    return ["/admin", "/admin/lke", manage!, `${AGENCY}/anggota`, `${AGENCY}/peran`, `${AGENCY}/unit`];
  };
  const { desktop, phone } = await scanAll("admin@alurkinerja.demo", "Administrator Platform", platformPages, browser, true);
  await desktop.context.close();
  await phone.context.close();
  for (const options of [{}, PHONE]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto("/masuk");
    await expect(page.getByLabel("NIP atau email")).toBeVisible();
    const label = `signed out /masuk${options === PHONE ? " (390 px)" : ""}`;
    await part.scan(page, label);
    if (options === PHONE) await part.checkPhone(page, "signed out /masuk");
    // A refused sign-in shows its message; that state is scanned too.
    await page.getByLabel("NIP atau email").fill("tidak.ada@contoh.go.id");
    await page.getByLabel("Kata sandi").fill("salah-sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByText("NIP/email atau kata sandi salah, atau akun tidak aktif.")).toBeVisible();
    await part.scan(page, `${label} after a refused sign-in`);
    await context.close();
  }
  expect(part.failures.slice(before)).toEqual([]);
});

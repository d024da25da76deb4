/**
 * Issue #15 items 1 and 3 on a 390 × 844 phone, in Chromium (docs/decisions/023-desk-first.md):
 * - Decision first: the Kepala Dinas of an agency nobody seeded (Dinas Perikanan, set up by
 *   tests/e2e/fresh-agencies-setup.ts with its Triwulan I 2026 cycle waiting for the head's
 *   signature) signs in, taps the task in the inbox, finds "Setujui (Ya)" on screen without
 *   scrolling, with the draft to read as a PDF that opens in the browser, and approves:
 *   three taps after sign-in.
 * - Task and work are one: Tim SAKIP's home lists the values waiting for verification, a link
 *   to them (the demo agency, whose Triwulan II 2026 has values sent); a Bidang member's data
 *   input task (the Perikanan's step 7) links to their unit's realization form.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { DRAFT_SK_PDF, freshMember, PERIKANAN, PERIKANAN_UNIT } from "../fixtures/fresh-agencies";
import { keepScreenshot, signIn } from "./helpers";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

async function phone(browser: Browser, who: string): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, who);
  return page;
}

test("the Kepala Dinas approves from the inbox in three taps, the buttons on screen without scrolling", async ({ browser }, testInfo) => {
  const page = await phone(browser, freshMember(PERIKANAN, "KEPALA_DINAS").email);
  // Sign-in lands on the inbox (one agency): the task is listed there.
  await expect(page).toHaveURL(new RegExp(`/a/${PERIKANAN.slug}$`));
  let taps = 0;
  const task = page.getByTestId("my-tasks").getByRole("link").filter({ hasText: "Langkah 6" }).filter({ hasText: "Triwulan I 2026" });
  await expect(task).toBeVisible();
  await task.tap();
  taps++;
  await page.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(page.url()).pathname;

  const panel = page.getByTestId("action-panel");
  await expect(panel).toContainText("Langkah 6");
  const approve = page.getByRole("button", { name: "Setujui (Ya)" });
  const giveBack = page.getByRole("button", { name: "Kembalikan (Tidak)" });
  // Above the fold at 390 × 844, before any scroll.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(approve).toBeInViewport();
  await expect(giveBack).toBeInViewport();
  await expect(page.getByLabel("Alasan pengembalian / catatan")).toBeInViewport();
  // No sideways scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // What is decided on, from whom, with the draft as a PDF that opens in the browser (not a download).
  // "Tidak" returns to the Sekretaris' check of step 5, which wrote nothing and passed on the draft
  // of step 3: the draft is the work under review (decision 030), never "Tidak ada output tertulis".
  const underReview = page.getByTestId("under-review");
  await expect(underReview).toContainText("Langkah 3 · Kasubag Program");
  await expect(underReview).not.toContainText("Tidak ada output tertulis");
  const view = underReview.getByTestId("decision-documents").getByTestId("file-view");
  await expect(view).toBeInViewport();
  await expect(view).toContainText(DRAFT_SK_PDF);
  const href = await view.getAttribute("href");
  expect(href).toMatch(/\/files\/[A-Za-z0-9_-]+\?lihat=1$/);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^inline; filename="draft-sk-tim-pengukuran\.pdf"/);
  // Chrome's PDF viewer is an <embed>: the viewer link's policy lets it in.
  expect(pdf.headers()["content-security-policy"]).toContain("object-src 'self'");
  // The download link of the same file still downloads.
  const download = await page.request.get(href!.replace("?lihat=1", ""));
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);

  // The rest of the cycle is folded below.
  await expect(page.getByTestId("fold-history")).not.toHaveAttribute("open", "");
  await expect(page.getByTestId("fold-flow")).not.toHaveAttribute("open", "");
  await keepScreenshot(page, { path: testInfo.outputPath("cycle-decision-390.png") });
  await keepScreenshot(page, { path: testInfo.outputPath("cycle-decision-390-full.png"), fullPage: true });

  // The same page at desktop width.
  const desktop = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desktop, freshMember(PERIKANAN, "KEPALA_DINAS").email);
  await desktop.goto(cycleUrl);
  await expect(desktop.getByRole("button", { name: "Setujui (Ya)" })).toBeInViewport();
  await keepScreenshot(desktop, { path: testInfo.outputPath("cycle-decision-1280.png") });
  await desktop.context().close();

  await approve.tap();
  taps++;
  await page.getByRole("button", { name: "Ya, setujui" }).tap();
  taps++;
  await expect(page.getByText("Disetujui. Pekerjaan diteruskan.")).toBeVisible();
  await expect(panel).toHaveCount(0);
  expect(taps).toBeLessThanOrEqual(3);
  await page.context().close();
});

test("Tim SAKIP's home lists the values waiting for verification, and the link opens them", async ({ browser }) => {
  const page = await phone(browser, "tim.sakip@sumbar.demo");
  const waiting = page.getByTestId("my-work").locator('a[data-kind="SUBMITTED"]');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText(/\d+ nilai menunggu verifikasi · TW II 2026/);
  const count = Number((await waiting.textContent())!.match(/(\d+) nilai/)![1]);
  await expect(waiting).toHaveAttribute("href", "/a/bmcktr-sumbar/kinerja/verifikasi?tahun=2026&tw=2#menunggu-verifikasi");
  expect(count).toBeGreaterThan(0);
  await waiting.tap();
  await page.waitForURL(/\/kinerja\/verifikasi\?tahun=2026&tw=2#menunggu-verifikasi$/);
  const awaiting = page.getByTestId("awaiting-verification");
  await expect(awaiting.locator('[data-testid^="review-"][aria-labelledby]')).toHaveCount(count);
  await expect(awaiting.getByRole("button", { name: /Verifikasi/ }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});

test("a Bidang member's data-input task opens their unit's realization form", async ({ browser }) => {
  const page = await phone(browser, freshMember(PERIKANAN, "TIM_PENGUKURAN").email);
  const item = page.getByTestId("my-tasks").locator("li").filter({ hasText: "Langkah 7" }).filter({ hasText: "Triwulan III 2026" });
  await expect(item).toBeVisible();
  const fill = item.getByTestId("task-fill-realization");
  await expect(fill).toHaveAttribute("href", `/a/${PERIKANAN.slug}/kinerja/realisasi?tahun=2026&tw=3`);

  // From the task itself too: the cycle page's panel has the same link, on screen.
  await item.getByRole("link").first().tap();
  await page.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const open = page.getByTestId("action-panel").getByTestId("open-realization-form");
  await expect(open).toBeInViewport();
  await expect(open).toHaveAttribute("href", `/a/${PERIKANAN.slug}/kinerja/realisasi?tahun=2026&tw=3`);
  await open.tap();
  await page.waitForURL(/\/kinerja\/realisasi\?tahun=2026&tw=3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Realisasi Triwulan III 2026");
  await expect(page.getByText(`Unit kerja Anda: ${PERIKANAN_UNIT}`)).toBeVisible();
  await page.context().close();
});

/**
 * Issue #15 item 4, "Files as outputs", in Chromium (docs/decisions/026-file-versions.md), on
 * the Dinas Perikanan (an agency nobody seeded, tests/e2e/fresh-agencies-setup.ts): its
 * Triwulan IV 2026 draft (step 3) was sent as a PDF and returned by the Sekretaris.
 * - The Kasubag Program uploads the revised draft on the task panel (it becomes "Versi 2")
 *   and sends the revision.
 * - The Kasubag Umum, checking the format at step 4, sees in "Pekerjaan yang diputuskan" the
 *   current version 2 beside "Versi sebelumnya (putaran 1)" with who uploaded it and when,
 *   both opening inline in the browser.
 * - The timeline lists both rounds' files with their version.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { freshMember, PERIKANAN, VERSIONED_DRAFT } from "../fixtures/fresh-agencies";
import { keepScreenshot, signIn } from "./helpers";

const PDF_V2 = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% revisi keanggotaan\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
const DRAFTER = freshMember(PERIKANAN, "KASUBAG_PROGRAM");

async function member(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, freshMember(PERIKANAN, code).email);
  return page;
}

async function openTw4(page: Page) {
  await page.goto(`/a/${PERIKANAN.slug}/cycles`);
  await page.getByTestId("cycle-list").getByRole("link").filter({ hasText: /Triwulan IV 2026/ }).click();
  await page.waitForURL(/\/cycles\/[a-z0-9]+$/);
  return new URL(page.url()).pathname;
}

test("a returned draft re-done with a new file: the reviewer sees version 2 beside version 1, the timeline keeps both", async ({ browser }, testInfo) => {
  // Two members, an upload and a resubmission on a loaded machine.
  test.setTimeout(180_000);
  // The Kasubag Program revises the returned draft and attaches the new file.
  const drafter = await member(browser, "KASUBAG_PROGRAM");
  const cycleUrl = await openTw4(drafter);
  const panel = drafter.getByTestId("action-panel");
  await expect(panel.getByTestId("returned-alert")).toContainText(VERSIONED_DRAFT.returnReason);
  const files = panel.getByTestId("task-files");
  await expect(files).toContainText("Belum ada berkas pada putaran ini.");
  // The version being replaced is at hand, to open and edit.
  await expect(files.getByTestId("task-files-previous")).toContainText("Versi 1 (putaran 1), yang akan diganti:");
  await expect(files.getByTestId("task-files-previous").getByTestId("file-view")).toContainText(`Baca ${VERSIONED_DRAFT.v1}`);
  await expect(files).toContainText("menjadi Versi 2");
  await files.getByLabel("Pilih berkas…").setInputFiles({ name: VERSIONED_DRAFT.v2, mimeType: "application/pdf", buffer: PDF_V2 });
  await files.getByRole("button", { name: "Unggah berkas" }).click();
  await expect(files).toContainText("Berkas putaran ini (Versi 2)");
  await expect(files.getByTestId("task-files-current").getByTestId("file-view")).toContainText(VERSIONED_DRAFT.v2);
  await drafter.getByRole("button", { name: "Kirim ulang perbaikan" }).click();
  await expect(drafter.getByTestId("action-panel")).toHaveCount(0);
  await drafter.context().close();

  // The Kasubag Umum (step 4, whose "Tidak" returns to step 3) decides on the revision.
  const reviewer = await member(browser, "KASUBAG_UMUM");
  await reviewer.goto(cycleUrl);
  const underReview = reviewer.getByTestId("under-review");
  await expect(underReview).toContainText("Langkah 3 · putaran 2");
  const current = underReview.getByTestId("version-current");
  const previous = underReview.getByTestId("version-previous");
  await expect(current).toContainText("Versi terkini: Versi 2 (putaran 2)");
  await expect(current).toContainText(`Diunggah oleh ${DRAFTER.name}`);
  await expect(previous).toContainText("Versi sebelumnya (putaran 1)");
  await expect(previous).toContainText("Versi 1");
  await expect(previous).toContainText(new RegExp(`Diunggah oleh ${DRAFTER.name}, \\d{1,2} \\p{L}+ \\d{4} \\d{2}\\.\\d{2} WITA`, "u"));
  // Side by side on a desktop.
  const [c, p] = await Promise.all([current.boundingBox(), previous.boundingBox()]);
  expect(Math.abs(c!.y - p!.y)).toBeLessThan(2);
  expect(p!.x).toBeGreaterThan(c!.x);
  // Each opens in the browser's PDF viewer, like the current documents.
  for (const [box, name] of [
    [current, VERSIONED_DRAFT.v2],
    [previous, VERSIONED_DRAFT.v1],
  ] as const) {
    const view = box.getByTestId("file-view");
    await expect(view).toContainText(`Baca ${name}`);
    await expect(view).toHaveAttribute("target", "_blank");
    const href = await view.getAttribute("href");
    const pdf = await reviewer.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(new RegExp(`^inline; filename="${name.replace(/\./g, "\\.")}"`));
  }
  // The current file is read there, not listed a second time among the documents.
  await expect(underReview.getByText(`Baca ${VERSIONED_DRAFT.v2}`)).toHaveCount(1);
  await expect(reviewer.getByRole("button", { name: "Setujui (Ya)" })).toBeVisible();
  await keepScreenshot(reviewer, { path: testInfo.outputPath("file-versions-reviewer.png") });

  // The timeline keeps every round's files with their version.
  await reviewer.goto(`${cycleUrl}/timeline`);
  const round1 = reviewer.getByTestId("timeline-3-1").getByTestId("timeline-files");
  const round2 = reviewer.getByTestId("timeline-3-2").getByTestId("timeline-files");
  await expect(round1).toContainText("Berkas keluaran · Versi 1");
  await expect(round1).toContainText(VERSIONED_DRAFT.v1);
  await expect(round2).toContainText("Berkas keluaran · Versi 2");
  await expect(round2).toContainText("Menggantikan Versi 1 (putaran 1)");
  await expect(round2).toContainText(VERSIONED_DRAFT.v2);
  await reviewer.context().close();
});

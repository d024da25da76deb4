import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";

import { expect, test, type Locator, type Page } from "@playwright/test";

import { DRAFT_SK_OUTPUT, freshMember, KEPEGAWAIAN, PERIKANAN } from "../fixtures/fresh-agencies";

import { signIn, signOut } from "./helpers";

/**
 * Two agencies nobody seeded (tests/fixtures/fresh-agencies.ts, set up by
 * tests/e2e/fresh-agencies-setup.ts) read, print and run their SOPs as their own paper
 * says: the paste import's guesses with their reasons, the printed columns and KET (on
 * screen and in the PDF), the reviewer's view of the work under review, and an Evaluasi
 * Kinerja Internal cycle without the Perjanjian Kinerja panel.
 */

/** Every word of the element's text lies on one line: no word broken inside itself. */
async function brokenWords(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => {
    const broken: string[] = [];
    for (const el of elements) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\u200b/]+\/?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

async function openSop(page: Page, slug: string, nama: string): Promise<Locator> {
  await page.goto(`/a/${slug}/sops`);
  await page.getByRole("link", { name: nama }).first().click();
  const doc = page.getByTestId("sop-document");
  await expect(doc).toBeVisible();
  return doc;
}

test("the paste import says why it guessed: a team inside the object is no executor, an invitation is no meeting; one click accepts or corrects", async ({ page }) => {
  await signIn(page, freshMember(PERIKANAN, "ADMIN").email);
  await page.goto(`/a/${PERIKANAN.slug}/sops/import?tab=paste`);
  await page.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(PERIKANAN.table);
  await page.getByRole("button", { name: "Baca tabel" }).click();
  const review = page.getByTestId("paste-review");
  await expect(review).toBeVisible();

  const step3 = review.getByTestId("paste-step-3");
  await expect(step3.getByTestId("paste-kegiatan")).toHaveText("Menyusun draft SK Tim Pengukuran Kinerja:\n- susunan keanggotaan\n- uraian tugas", { useInnerText: true });
  const executor3 = step3.getByTestId("guess-executorRoleCode");
  await expect(executor3.getByTestId("guess-value")).toHaveText("Kasubag Program");
  await expect(executor3.getByTestId("guess-because")).toHaveText(
    "(karena tanda “X” di kolom “Kasubag Program”; “tim pengukuran kinerja” disebut di dalam uraian kegiatan, bukan sebagai pelaksananya)",
  );
  await expect(step3.getByTestId("paste-executor-note")).toHaveText("cocok dengan daftar peran");
  // The decision two steps back to another role, with the words that said so.
  const no5 = review.getByTestId("paste-step-5").getByTestId("guess-noStepNumber");
  await expect(no5.getByTestId("guess-value")).toHaveText("langkah 3");
  await expect(no5.getByTestId("guess-because")).toHaveText("(karena kata “kembali ke langkah 3”)");
  // One click accepts.
  await no5.getByRole("button", { name: "Terima" }).click();
  await expect(no5).toContainText("Diterima");

  await signOut(page);
  await signIn(page, freshMember(KEPEGAWAIAN, "ADMIN").email);
  await page.goto(`/a/${KEPEGAWAIAN.slug}/sops/import?tab=paste`);
  await page.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(KEPEGAWAIAN.table);
  await page.getByRole("button", { name: "Baca tabel" }).click();
  const invitation = page.getByTestId("paste-step-2");
  await expect(invitation.getByTestId("paste-kind")).toHaveText("Penyampaian/Unggah Dokumen");
  await expect(invitation.getByTestId("guess-kind").getByTestId("guess-because")).toHaveText("(karena kata “menginformasikan … untuk menghadiri rapat”)");
  const meeting = page.getByTestId("paste-step-3");
  await expect(meeting.getByTestId("paste-kind")).toHaveText("Rapat/Pembahasan");
  await expect(meeting.getByTestId("guess-kind").getByTestId("guess-because")).toHaveText("(karena kata “rapat”)");
  // One choice corrects: the invitation becomes a disposition.
  await invitation.getByLabel("Koreksi jenis langkah langkah 2").selectOption("DISPOSITION");
  await expect(invitation.getByTestId("paste-kind")).toHaveText("Perintah/Disposisi");
  await expect(invitation.getByTestId("guess-kind")).toContainText("Dikoreksi");
});

test("the printed procedure table: executor columns in first-use order, KET whole words with its route, the signer's full title, and the PDF says the same", async ({ page }, testInfo) => {
  await signIn(page, freshMember(PERIKANAN, "TIM_PENGUKURAN").email);
  const doc = await openSop(page, PERIKANAN.slug, "Pengukuran Kinerja dengan SK Tim");
  const firstTable = doc.getByTestId("sop-procedure-table").first();
  const order = await firstTable.locator("th[data-role]").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-role")));
  // The pasted header had Kasubag Umum, Tim Pengukuran and Kasubag Program in that order; the steps use them otherwise.
  expect(order).toEqual(["KEPALA_DINAS", "SEKRETARIS", "KASUBAG_PROGRAM", "KASUBAG_UMUM", "TIM_PENGUKURAN"]);
  await expect(doc.locator('tr[data-step="5"] [data-field="route"]')).toHaveText("Ya: lanjut ke langkah 6 / Tidak: kembali ke langkah 3");
  await expect(doc.locator('tr[data-step="4"] [data-field="route"]')).toHaveText("Ya: lanjut ke langkah 5 / Tidak: kembali ke langkah 3");
  await expect(doc.locator('[data-field="disahkanJabatan"]')).toHaveText("Kepala Dinas Perikanan Kabupaten Tanah Laut");
  expect(await brokenWords(doc.locator("th[data-role]"))).toEqual([]);
  expect(await brokenWords(doc.locator('[data-field="keterangan"]'))).toEqual([]);

  // Outgoing and incoming off-page connectors are drawn differently.
  const connectors = doc.locator("[data-connector]");
  if ((await connectors.count()) > 0) {
    const fills = await connectors.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-direction")}:${e.querySelector("polygon")?.getAttribute("fill")}`));
    for (const f of fills) expect(f === "out:currentColor" || f === "in:none", f).toBe(true);
  }

  await page.emulateMedia({ media: "print" });
  expect(await brokenWords(doc.locator("th[data-role]"))).toEqual([]);
  expect(await brokenWords(doc.locator('[data-field="keterangan"]'))).toEqual([]);
  const sheets = await doc.getByTestId("sop-sheet").count();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const file = testInfo.outputPath("sop-diskan-tala.pdf");
  await writeFile(file, pdf);
  await testInfo.attach("sop-diskan-tala.pdf", { path: file, contentType: "application/pdf" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
  expect(pages, "the identity page and one page per procedure sheet").toBe(1 + sheets);

  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  const words = text.split(/\s+/);
  // Three decisions, each with its route in KET, every word whole.
  expect(words.filter((w) => w === "Tidak:").length).toBeGreaterThanOrEqual(3);
  expect(words.filter((w) => w === "kembali").length).toBeGreaterThanOrEqual(3);
  expect(words.filter((w) => w === "langkah").length).toBeGreaterThanOrEqual(6);
  for (const fragment of ["Tida", "k:", "kem", "bali", "lang", "kah", "Kasub", "Kepegawai"]) expect(words, fragment).not.toContain(fragment);
  expect(words).toContain("Kepegawaian");

  // Column order on paper: in the header rows, each executor's words start further right.
  const lines = text.split("\n");
  const headerStart = lines.findIndex((l) => /PELAKSANA/.test(l));
  const headerEnd = lines.findIndex((l, i) => i > headerStart && /Mendisposisikan/.test(l));
  const header = lines.slice(headerStart, headerEnd);
  const column = (word: RegExp) => Math.min(...header.map((l) => l.search(word)).filter((i) => i >= 0));
  const xs = [/\bKepala\b/, /\bSekretaris\b/, /\bProgram\b/, /\bUmum\b/, /\bTim\b/].map(column);
  expect(xs.every((x) => Number.isFinite(x))).toBe(true);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
});

test("at the Sekretaris' check (step 5) the reviewer first sees the Draft SK of step 3, not step 4's unwritten check", async ({ page }) => {
  await signIn(page, freshMember(PERIKANAN, "SEKRETARIS").email);
  await page.goto(`/a/${PERIKANAN.slug}/cycles`);
  // Triwulan II 2026 (desk-phone.spec.ts has Triwulan I and III of the same SOP).
  await page.getByTestId("cycle-list").getByRole("link").filter({ hasText: /Triwulan II 2026/ }).click();
  const underReview = page.getByTestId("under-review");
  await expect(underReview).toBeVisible();
  await expect(underReview).toContainText("Pekerjaan yang diputuskan");
  await expect(underReview).toContainText("Langkah 3");
  await expect(underReview).toContainText(DRAFT_SK_OUTPUT);
  await expect(underReview).not.toContainText("Tidak ada output tertulis");
  // It comes before the rest of what the check covers (step 4, which wrote nothing), folded below the decision.
  const [reviewY, restY] = await Promise.all([underReview.boundingBox(), page.getByTestId("reviewed-fold").boundingBox()]);
  expect(reviewY!.y).toBeLessThan(restY!.y);
  await page.getByTestId("reviewed-fold").locator("summary").first().click();
  await expect(page.getByTestId("reviewed-work")).toBeVisible();
  await expect(page.getByTestId("reviewed-work")).toContainText("Langkah 4");
  // A Pengukuran Kinerja cycle: no "own outputs" card in place of its PK panel.
  await expect(page.getByTestId("cycle-outputs")).toHaveCount(0);
});

test("an Evaluasi Kinerja Internal cycle shows its own outputs, not the Perjanjian Kinerja panel", async ({ page }) => {
  await signIn(page, freshMember(KEPEGAWAIAN, "KABID").email);
  await page.goto(`/a/${KEPEGAWAIAN.slug}/cycles`);
  await page.getByTestId("cycle-list").getByRole("link").first().click();
  const outputs = page.getByTestId("cycle-outputs");
  await expect(outputs).toBeVisible();
  await expect(outputs).toContainText("Notulen rapat evaluasi kinerja internal Triwulan II");
  await expect(outputs).toContainText("Setiap bidang menyusun rencana tindak lanjut dalam 2 hari kerja.");
  await expect(page.getByTestId("step-recap")).toHaveCount(0);
  await expect(page.getByText(/belum terverifikasi/)).toHaveCount(0);
});

test("a joint step (rapat bersama Kepala Bidang) is drawn in the executor's and the participant's columns, joined by a line, on screen, on paper and on the cycle page", async ({ page }, testInfo) => {
  await signIn(page, freshMember(KEPEGAWAIAN, "KABID").email);
  const doc = await openSop(page, KEPEGAWAIAN.slug, "Evaluasi Kinerja Internal Triwulanan");
  // The participant's role has its own column, in first-use order (step 3: Sekretaris, then Kepala Bidang).
  const order = await doc.getByTestId("sop-procedure-table").first().locator("th[data-role]").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-role")));
  expect(order).toEqual(["KEPALA_BADAN", "KASUBAG_PERENCANAAN", "SEKRETARIS", "KABID"]);

  const row = doc.locator('tr[data-step="3"]');
  await expect(row.locator('[data-field="assignment"]')).toHaveText("Dikerjakan bersama seluruh peserta");
  const check = async () => {
    const executorCell = row.locator('td[data-executor-cell="SEKRETARIS"]');
    const jointCell = row.locator('td[data-joint-cell="KABID"]');
    const own = doc.locator('[data-symbol][data-step="3"]:not([data-joint-column])');
    const copy = doc.locator('[data-symbol][data-step="3"][data-joint-column]');
    const line = doc.locator('[data-joint-line="3"]');
    await expect(own).toHaveCount(1);
    await expect(copy).toHaveCount(1);
    await expect(line).toHaveCount(1);
    const [cellE, cellJ, boxE, boxJ, boxL] = await Promise.all([executorCell, jointCell, own, copy, line].map(async (l) => (await l.boundingBox())!));
    const centre = (b: { x: number; width: number }) => b.x + b.width / 2;
    const inside = (x: number, cell: { x: number; width: number }) => x > cell.x + cell.width * 0.4 && x < cell.x + cell.width * 0.6;
    expect(inside(centre(boxE!), cellE!), "the executor's symbol in the Sekretaris column").toBe(true);
    expect(inside(centre(boxJ!), cellJ!), "the same symbol in the Kepala Bidang column").toBe(true);
    expect(boxJ!.height).toBeCloseTo(boxE!.height, 0);
    // The line runs from one symbol's side to the other's, at their middle.
    expect(boxL!.x).toBeCloseTo(boxE!.x + boxE!.width, -0.5);
    expect(boxL!.x + boxL!.width).toBeCloseTo(boxJ!.x, -0.5);
    expect(Math.abs(boxL!.y - (boxE!.y + boxE!.height / 2))).toBeLessThan(3);
    // Other steps keep one symbol.
    await expect(doc.locator('[data-symbol][data-step="4"]')).toHaveCount(1);
  };
  await check();

  await page.emulateMedia({ media: "print" });
  await check();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const file = testInfo.outputPath("sop-bkpsdm-bitung.pdf");
  await writeFile(file, pdf);
  await testInfo.attach("sop-bkpsdm-bitung.pdf", { path: file, contentType: "application/pdf" });
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  // The activity is written once (in Kegiatan); only the symbol is repeated.
  expect(text.match(/memimpin/g)).toHaveLength(1);
  expect(text).toContain("Dikerjakan bersama seluruh peserta");
  await page.emulateMedia({ media: "screen" });

  // The cycle page draws the same.
  await page.goto(`/a/${KEPEGAWAIAN.slug}/cycles`);
  await page.getByTestId("cycle-list").getByRole("link").first().click();
  await page.waitForURL(/\/cycles\/[^/?]+$/);
  // The flowchart is a fold rendered when opened (decision 027): open it by its address.
  await page.goto(`${new URL(page.url()).pathname}?buka=alur`);
  const chart = page.locator('svg[role="img"]').filter({ has: page.locator('[data-joint-line="3"]') });
  await expect(chart).toHaveCount(1);
  await expect(chart.locator('[data-symbol][data-step="3"]')).toHaveCount(2);
  await expect(chart.locator('[data-symbol][data-step="3"][data-joint-column="3"]')).toHaveCount(1);
});

import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";

import { signIn } from "./helpers";

/**
 * Realization of Triwulan II 2026 in Dinas BMCKTR Sumatera Barat, each person in
 * their own browser: the Bidang Bina Marga sees only its indicators (IKU-1, IKU-2),
 * is refused "abc" in Indonesian, watches the capaian while typing, attaches
 * evidence, saves IKU-2 as a draft and submits it; the Bidang Cipta Karya fills and
 * submits IKU-3; Tim SAKIP returns IKU-3 with a reason, the Bidang reads it, fixes
 * and resubmits, Tim SAKIP verifies; the recap and the xlsx show the typed number.
 *
 * Relies on the demo data of a fresh database (tests/e2e/serve.ts): TW I archived,
 * TW II with IKU-1 submitted, IKU-2 a draft of 139 km and IKU-3 empty.
 */

const AGENCY = "/a/bmcktr-sumbar";
const PERIOD = "?tahun=2026&tw=2";
const RETURN_REASON = "Lampirkan data SPAM regional TW II; angka 90,4 belum sesuai laporan PDAM.";

const MSG = {
  number: "Isi dengan angka, misalnya 1234,5.",
  saved: "Disimpan sebagai draf.",
  submitted: "Realisasi dikirim ke Tim SAKIP.",
  returned: "Realisasi dikembalikan dengan alasan.",
  verified: "Realisasi diverifikasi.",
  reasonRequired: "Alasan pengembalian wajib diisi.",
};

async function userPage(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const card = (page: Page, code: string) => page.getByTestId(`realization-${code}`);
const valueInput = (c: Locator) => c.getByRole("textbox", { name: /^Realisasi TW II/ });

async function expectToast(page: Page, text: string) {
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: text }).first()).toBeVisible();
}

test("Triwulan II: fill, live capaian, evidence, submit, return with a reason, fix, verify, recap and xlsx agree", async ({ browser }) => {
  test.setTimeout(300_000);
  const bidang = await userPage(browser, "bidang@sumbar.demo");
  const bidangCk = await userPage(browser, "bidang.ck@sumbar.demo", { width: 390, height: 844 });
  const timSakip = await userPage(browser, "tim.sakip@sumbar.demo");

  // 1. The Bidang Bina Marga sees only its own unit's indicators.
  await bidang.goto(`${AGENCY}/kinerja/realisasi${PERIOD}`);
  await expect(bidang.getByRole("heading", { name: "Realisasi Triwulan II 2026" })).toBeVisible();
  await expect(card(bidang, "IKU-1")).toBeVisible();
  await expect(card(bidang, "IKU-2")).toBeVisible();
  await expect(card(bidang, "IKU-3")).toHaveCount(0);
  await expect(bidang.getByText("IKU-3")).toHaveCount(0);
  // IKU-1 is already submitted: read-only.
  await expect(card(bidang, "IKU-1").getByTestId("realization-status")).toHaveText("Dikirim");
  await expect(valueInput(card(bidang, "IKU-1"))).toHaveCount(0);

  // 2. Bad input: "abc" is refused in Indonesian and nothing is saved.
  const iku2 = card(bidang, "IKU-2");
  await expect(valueInput(iku2)).toHaveValue("139");
  await valueInput(iku2).fill("abc");
  await expect(iku2.getByTestId("live-capaian")).toContainText("Capaian tidak dapat dihitung");
  await iku2.getByRole("button", { name: "Simpan draf" }).click();
  await expect(iku2.getByText(MSG.number)).toBeVisible();
  await expect(valueInput(iku2)).toHaveAttribute("aria-invalid", "true");
  await bidang.reload();
  await expect(valueInput(card(bidang, "IKU-2"))).toHaveValue("139");

  // 3. The live capaian while typing: lower is better, T = 140 km, R = 138,5 -> (2T - R)/T = 101,07%.
  await valueInput(iku2).fill("138,5");
  await expect(iku2.getByTestId("live-capaian")).toContainText("101,07%");
  await expect(iku2.getByTestId("live-capaian")).toContainText("Sangat Baik");
  await valueInput(iku2).fill("");
  await expect(iku2.getByTestId("live-capaian")).toContainText("Capaian tidak dapat dihitung: Realisasi belum diisi");
  await valueInput(iku2).fill("138,5");
  await iku2.getByLabel("Faktor pendorong").fill("Penanganan longsor ruas Padang-Solok selesai");
  await iku2.getByRole("button", { name: "Simpan draf" }).click();
  await expectToast(bidang, MSG.saved);
  await expect(iku2.getByTestId("realization-status")).toHaveText("Draf");

  // Evidence, uploaded with progress to the files route.
  await iku2.locator('input[type="file"]').setInputFiles({
    name: "foto-ruas-tw2.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  });
  await expect(iku2.getByTestId("chosen-file")).toContainText("foto-ruas-tw2.pdf");
  await iku2.getByRole("button", { name: "Unggah" }).click();
  await expectToast(bidang, "Berkas foto-ruas-tw2.pdf diunggah.");
  await expect(iku2.getByTestId("evidence-files").getByRole("link", { name: "foto-ruas-tw2.pdf" })).toHaveAttribute("href", /\/a\/bmcktr-sumbar\/files\//);

  await iku2.getByRole("button", { name: "Kirim" }).click();
  // Kirim asks first: what is sent and that it cannot be changed afterwards.
  const confirmIku2 = bidang.getByRole("alertdialog", { name: "Kirim realisasi IKU-2 TW II ke Tim SAKIP?" });
  await expect(confirmIku2).toContainText("tidak dapat mengubahnya lagi");
  await expect(confirmIku2.getByTestId("confirm-no-evidence")).toHaveCount(0);
  await confirmIku2.getByRole("button", { name: "Ya, kirim" }).click();
  await expectToast(bidang, MSG.submitted);
  await expect(iku2.getByTestId("realization-status")).toHaveText("Dikirim");
  await expect(iku2.getByTestId("realization-value")).toHaveText("138,5");
  await expect(valueInput(iku2)).toHaveCount(0);

  // 4. The Bidang Cipta Karya (on a phone) fills IKU-3 and submits it.
  await bidangCk.goto(`${AGENCY}/kinerja/realisasi${PERIOD}`);
  await expect(card(bidangCk, "IKU-1")).toHaveCount(0);
  const iku3 = card(bidangCk, "IKU-3");
  await expect(iku3.getByTestId("realization-status")).toHaveText("Belum diisi");
  await valueInput(iku3).fill("90,4");
  // Higher is better, T = 90 %: 100,44%.
  await expect(iku3.getByTestId("live-capaian")).toContainText("100,44%");
  await iku3.getByLabel("Faktor pendorong").fill("SPAM regional beroperasi penuh");
  await iku3.getByRole("button", { name: "Kirim" }).click();
  // No evidence attached: the confirmation warns.
  const confirmIku3 = bidangCk.getByRole("alertdialog");
  await expect(confirmIku3.getByTestId("confirm-no-evidence")).toContainText("Belum ada data dukung");
  await confirmIku3.getByRole("button", { name: "Ya, kirim" }).click();
  await expectToast(bidangCk, MSG.submitted);
  await expect(iku3.getByTestId("realization-status")).toHaveText("Dikirim");

  // 5. Tim SAKIP returns IKU-3: not without a reason, then with one.
  await timSakip.goto(`${AGENCY}/kinerja/verifikasi${PERIOD}`);
  const review3 = timSakip.getByTestId("review-IKU-3");
  await expect(review3.getByTestId("review-value")).toHaveText("90,4");
  await expect(review3).toContainText("100,44%");
  await expect(timSakip.getByTestId("review-IKU-2")).toContainText("foto-ruas-tw2.pdf");
  await review3.getByRole("button", { name: "Kembalikan" }).click();
  await review3.getByRole("button", { name: "Kembalikan dengan alasan" }).click();
  await expect(review3.getByText(MSG.reasonRequired)).toBeVisible();
  await review3.getByLabel(/Alasan pengembalian/).fill(RETURN_REASON);
  await review3.getByRole("button", { name: "Kembalikan dengan alasan" }).click();
  await expectToast(timSakip, MSG.returned);
  await expect(timSakip.getByTestId("review-IKU-3")).toHaveCount(0);
  await expect(timSakip.getByTestId("processed-IKU-3")).toContainText("Dikembalikan");

  // 6. The Bidang sees the reason, fixes the value and resubmits.
  await bidangCk.reload();
  await expect(iku3.getByTestId("realization-status")).toHaveText("Dikembalikan");
  await expect(iku3.getByTestId("return-reason")).toContainText(RETURN_REASON);
  await expect(valueInput(iku3)).toHaveValue("90,4");
  await valueInput(iku3).fill("90,6");
  await expect(iku3.getByTestId("live-capaian")).toContainText("100,67%");
  await iku3.getByRole("button", { name: "Kirim" }).click();
  await bidangCk.getByRole("alertdialog").getByRole("button", { name: "Ya, kirim" }).click();
  await expectToast(bidangCk, MSG.submitted);
  await expect(iku3.getByTestId("realization-status")).toHaveText("Dikirim");

  // 7. Tim SAKIP verifies.
  await timSakip.reload();
  await expect(review3.getByTestId("review-value")).toHaveText("90,6");
  await review3.getByRole("button", { name: "Verifikasi", exact: true }).click();
  await expectToast(timSakip, MSG.verified);
  await expect(timSakip.getByTestId("processed-IKU-3")).toContainText("Terverifikasi");

  // 8. The recap shows the typed numbers and their capaian.
  await timSakip.goto(`${AGENCY}/kinerja/rekap${PERIOD}`);
  const recap3 = timSakip.getByTestId("recap-IKU-3");
  await expect(recap3.getByTestId("q2")).toContainText("90,6");
  await expect(recap3.getByTestId("to-date-value")).toContainText("90,6");
  await expect(recap3.getByTestId("to-date-capaian")).toContainText("100,67%");
  await expect(timSakip.getByTestId("recap-IKU-2").getByTestId("to-date-value")).toContainText("138,5");

  // 9. The xlsx download holds the same numbers.
  const [download] = await Promise.all([timSakip.waitForEvent("download"), timSakip.getByRole("link", { name: "Unduh Realisasi Rencana Aksi (xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("realisasi-rencana-aksi-bmcktr-sumbar-2026-TW2.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Realisasi Rencana Aksi")!;
  const rowOf = (code: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === code) found = row;
    });
    if (!found) throw new Error(`no row ${code} in the xlsx`);
    return found;
  };
  const header = ws.getRow(7);
  const col = (group: string, label: string) => {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (ws.getCell(6, c).value === group && header.getCell(c).value === label) return c;
    }
    throw new Error(`no column ${group} ${label}`);
  };
  const capaianCol = [...Array(ws.columnCount).keys()].map((i) => i + 1).find((c) => String(ws.getCell(6, c).value).startsWith("Capaian"))!;
  expect(rowOf("IKU-3").getCell(col("Realisasi", "TW II")).value).toBe(90.6);
  expect(rowOf("IKU-3").getCell(capaianCol).value).toBe(100.67);
  expect(rowOf("IKU-2").getCell(col("Realisasi", "TW II")).value).toBe(138.5);
  expect(rowOf("IKU-2").getCell(capaianCol).value).toBe(101.07);

  // 10. The year's LKjIP draft carries the same capaian, on its page and in the Word file.
  await timSakip.getByRole("link", { name: "LKjIP" }).click();
  await expect(timSakip.getByRole("heading", { name: "Draf Laporan Kinerja (LKjIP) Tahun 2026" })).toBeVisible();
  // Other specs may have entered later quarters of 2026 (the draft runs to the last quarter with data): no fixed figure here.
  const lkjipRow = timSakip.getByRole("row").filter({ hasText: "IKU-3." });
  await expect(lkjipRow).toContainText("%");
  const [docx] = await Promise.all([timSakip.waitForEvent("download"), timSakip.getByRole("link", { name: "Unduh draf LKjIP (Word)" }).click()]);
  expect(docx.suggestedFilename()).toBe("lkjip-bmcktr-sumbar-2026.docx");
  const documentXml = strFromU8(unzipSync(new Uint8Array(await readFile((await docx.path())!)))["word/document.xml"]!);
  // The Word file carries the same capaian as the page shows for IKU-3.
  const shown = (await lkjipRow.locator("td").nth(3).innerText()).trim();
  expect(documentXml).toContain(shown);
  // And the PDF of the same draft (read back with poppler): the same capaian, the head's signature block.
  const [pdf] = await Promise.all([timSakip.waitForEvent("download"), timSakip.getByRole("link", { name: "Unduh PDF" }).click()]);
  expect(pdf.suggestedFilename()).toBe("lkjip-bmcktr-sumbar-2026.pdf");
  const printed = execFileSync("pdftotext", ["-enc", "UTF-8", (await pdf.path())!, "-"]).toString().replace(/\s+/g, " ");
  expect(printed).toContain("BAB III Akuntabilitas Kinerja");
  expect(printed).toContain(shown);

  for (const page of [bidang, bidangCk, timSakip]) await page.context().close();
});

test("the period picker moves to another quarter inside the app (no full page load), as next/form did", async ({ browser }) => {
  const bidang = await userPage(browser, "bidang@sumbar.demo");
  await bidang.goto(`${AGENCY}/kinerja/realisasi${PERIOD}`);
  await expect(bidang.getByRole("heading", { name: "Realisasi Triwulan II 2026" })).toBeVisible();
  // A mark on the window survives a navigation inside the app, not a full load (decision 058).
  await bidang.evaluate(() => {
    (window as unknown as { __stay?: number }).__stay = 1;
  });
  await bidang.getByTestId("period-picker").getByLabel("Triwulan", { exact: true }).selectOption({ label: "Triwulan I" });
  await expect(bidang).toHaveURL(/\/kinerja\/realisasi\?tahun=2026&tw=1$/);
  await expect(bidang.getByRole("heading", { name: "Realisasi Triwulan I 2026" })).toBeVisible();
  expect(await bidang.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
});

import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";

import { signIn } from "./helpers";

/**
 * Archiving a quarter waits for verification (issue #12): the Triwulan II 2026 cycle of
 * Dinas Kominfo Lumajang, whose four realizations are submitted but not verified (demo
 * data: it waits at the Kepala Dinas's approval, step 7). After the approval and the
 * signature (step 8), the archive step (9, Kasubag Perencanaan dan Keuangan) lists the
 * unverified values by unit and indicator and cannot be done; the Kepala Dinas, on a
 * phone, archives anyway only with a note, and the note is on the cycle page, on the
 * timeline and in the official xlsx, which marks every unverified value. Before approving, the
 * head's open page goes stale (Tim SAKIP returns IKU-1, the Bidang sends a corrected value): his
 * "Setujui" is refused with the Indonesian message, the task stays open, and the refreshed page
 * shows the new snapshot to decide on (decision 022).
 */

const AGENCY = "/a/diskominfo-lumajang";
const NOTE = "Tim SAKIP sedang diklat; angka TW II diverifikasi menyusul dan dicatat pada TW III.";

const MSG = {
  approved: "Disetujui. Pekerjaan diteruskan.",
  done: "Langkah selesai dan diteruskan ke langkah berikutnya.",
  completed: "Siklus selesai dan diarsipkan.",
  noteRequired: "Tulis catatan mengapa periode diarsipkan dengan realisasi yang belum diverifikasi.",
};

async function userPage(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("Lumajang TW II: the archive step lists unverified values; only the head archives, with a note that reaches the timeline and the xlsx", async ({ browser }) => {
  test.setTimeout(240_000);
  const kadis = await userPage(browser, "kadis@lumajang.demo", { width: 390, height: 844 });
  const kasubag = await userPage(browser, "kasubag.pk@lumajang.demo");

  await kadis.goto(`${AGENCY}/cycles`);
  await kadis.getByTestId("cycle-list").getByRole("link").filter({ hasText: "Triwulan II 2026" }).click();
  await kadis.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(kadis.url()).pathname;
  const panel = kadis.getByTestId("action-panel");

  // Step 7: approve. Step 8 (signing) is the Kepala Dinas's too.
  await expect(panel).toContainText(/Langkah 7/);
  // The approval is taken on a snapshot of the values; the four sent but unverified ones are counted.
  const snapshot = kadis.getByTestId("decision-snapshot");
  await expect(snapshot.getByTestId("snapshot-hash")).toHaveText(/^[0-9a-f]{12}$/);
  await expect(snapshot.getByTestId("snapshot-unverified")).toContainText("4 nilai belum diverifikasi");
  await expect(snapshot.getByTestId("snapshot-values")).toContainText("IKU-1");

  // A stale snapshot is refused (decision 022). While the Kepala Dinas has the page open, Tim SAKIP
  // returns IKU-1 and the Bidang sends a corrected value (2,72 -> 2,74), each in their own browser.
  const shownHash = await snapshot.getByTestId("snapshot-hash").textContent();
  await expect(snapshot.getByTestId("snapshot-values")).toContainText("2,72");
  const timSakip = await userPage(browser, "tim.sakip@lumajang.demo");
  await timSakip.goto(`${AGENCY}/kinerja/verifikasi?tahun=2026&tw=2`);
  const review1 = timSakip.getByTestId("review-IKU-1");
  await review1.getByRole("button", { name: "Kembalikan" }).click();
  await review1.getByLabel(/Alasan pengembalian/).fill("Lampirkan hasil evaluasi mandiri SPBE TW II.");
  await review1.getByRole("button", { name: "Kembalikan dengan alasan" }).click();
  await expect(timSakip.getByTestId("processed-IKU-1")).toContainText("Dikembalikan");
  const staff = await userPage(browser, "staff@lumajang.demo");
  await staff.goto(`${AGENCY}/kinerja/realisasi?tahun=2026&tw=2`);
  const iku1 = staff.getByTestId("realization-IKU-1");
  await expect(iku1.getByTestId("realization-status")).toHaveText("Dikembalikan");
  await iku1.getByRole("textbox", { name: /^Realisasi TW II/ }).fill("2,74");
  await iku1.getByRole("button", { name: "Kirim" }).click();
  await staff.getByRole("alertdialog").getByRole("button", { name: "Ya, kirim" }).click();
  await expect(iku1.getByTestId("realization-status")).toHaveText("Dikirim");
  await timSakip.context().close();
  await staff.context().close();

  // The head, on the page opened before the change, approves: refused in Indonesian, nothing decided.
  await kadis.getByRole("button", { name: "Setujui (Ya)" }).click();
  await kadis.getByRole("alertdialog").getByRole("button", { name: "Ya, setujui" }).click();
  await expect(panel.getByRole("alert").filter({ hasText: /^Data berubah sejak Anda membuka halaman ini/ })).toContainText("Tidak ada yang diubah.");
  await expect(kadis.getByText(MSG.approved)).toHaveCount(0);
  // The task is still open at step 7, and the refreshed page shows the new snapshot with the new value.
  await expect(snapshot.getByTestId("snapshot-hash")).not.toHaveText(shownHash!);
  await expect(snapshot.getByTestId("snapshot-values")).toContainText("2,74");
  await expect(panel).toContainText(/Langkah 7/);
  await expect(kadis.getByTestId("cycle-status")).toHaveText("Berjalan");
  await kadis.reload();
  await expect(panel).toContainText(/Langkah 7/);
  await expect(snapshot.getByTestId("snapshot-unverified")).toContainText("4 nilai belum diverifikasi");

  // Deciding on the snapshot now shown is accepted.
  await kadis.getByRole("button", { name: "Setujui (Ya)" }).click();
  await expect(kadis.getByRole("alertdialog")).toContainText("4 nilai belum diverifikasi");
  await kadis.getByRole("alertdialog").getByRole("button", { name: "Ya, setujui" }).click();
  await expect(kadis.getByText(MSG.approved)).toBeVisible();
  await expect(panel).toContainText(/Langkah 8/);
  await kadis.getByLabel("Ringkasan output").fill("Dokumen pengukuran kinerja TW II ditandatangani.");
  await kadis.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(kadis.getByText(MSG.done)).toBeVisible();

  // Step 9 belongs to the Kasubag: the unverified values are listed and the archive is not offered
  // (the task rules refuse it, lib/cycle/task-rules.ts: no button to press, no note to write).
  await kasubag.goto(cycleUrl);
  const gate = kasubag.getByTestId("archive-gate");
  await expect(gate).toContainText("Realisasi Triwulan II yang belum diverifikasi");
  await expect(gate).toContainText("Bidang Aplikasi Informatika:");
  await expect(gate).toContainText("IKU-1");
  await expect(gate).toContainText("Sekretariat:");
  await expect(gate).toContainText("IKU-4");
  await expect(gate).toContainText("(Dikirim)");
  await expect(gate).toContainText("Minta Tim SAKIP memverifikasi");
  await expect(kasubag.getByRole("button", { name: "Arsipkan dan tutup siklus" })).toHaveCount(0);
  await expect(kasubag.getByLabel("Catatan pengarsipan (wajib)")).toHaveCount(0);

  // The Kepala Dinas sees the same step with the note: required, then accepted.
  await kadis.goto(cycleUrl);
  await expect(panel).toContainText(/Langkah 9/);
  await expect(kadis.getByTestId("archive-gate")).toContainText("Sebagai Kepala");
  await kadis.getByLabel("Ringkasan output").fill("Arsip dokumen pengukuran kinerja TW II.");
  await kadis.getByRole("button", { name: "Arsipkan dengan catatan" }).click();
  await expect(kadis.getByText(MSG.noteRequired)).toBeVisible();
  await expect(kadis.getByTestId("cycle-status")).toHaveText("Berjalan");
  await kadis.getByLabel("Catatan pengarsipan (wajib)").fill(NOTE);
  // The archive step records the upload to the national e-SAKIP application.
  await kadis.getByLabel("Tanggal unggah ke e-SAKIP").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" }));
  await kadis.getByLabel("Nomor referensi / tanda terima e-SAKIP").fill("ESR-2026-TW2-0007");
  await kadis.getByRole("button", { name: "Arsipkan dengan catatan" }).click();
  await kadis.getByRole("alertdialog").getByRole("button", { name: "Ya, arsipkan" }).click();
  await expect(kadis.getByText(MSG.completed)).toBeVisible();
  await expect(kadis.getByTestId("cycle-status")).toHaveText("Selesai");
  await expect(kadis.getByTestId("archive-note")).toContainText(NOTE);

  // The timeline shows it; the Kasubag has nothing left to do.
  await kasubag.goto(`${cycleUrl}/timeline`);
  await expect(kasubag.getByTestId("timeline-archive-note")).toContainText(NOTE);
  await expect(kasubag.getByTestId("timeline-esakip")).toContainText("nomor referensi ESR-2026-TW2-0007");
  await kasubag.goto(cycleUrl);
  await expect(kasubag.getByTestId("action-panel")).toHaveCount(0);

  // The archive record and the timeline download as PDFs; the head signs the record (decision 034),
  // and its code opens the public verification page.
  const timelinePdf = await kasubag.request.get(`${cycleUrl}/timeline/pdf`);
  expect(timelinePdf.status()).toBe(200);
  expect(timelinePdf.headers()["content-type"]).toBe("application/pdf");
  await kadis.goto(`${cycleUrl}/timeline`);
  const recordHref = await kadis.getByRole("link", { name: "Catatan arsip (PDF)" }).getAttribute("href");
  const record = await kadis.request.get(recordHref!);
  expect(record.status()).toBe(200);
  expect((await record.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const signBox = kadis.getByTestId("sign-archive-record");
  await signBox.getByRole("button", { name: "Tandatangani catatan arsip" }).click();
  await kadis.getByRole("alertdialog").getByRole("button", { name: "Ya, tandatangani" }).click();
  // Signing builds and signs a PDF: on a loaded machine it takes longer than the default 10 s.
  await expect(signBox.getByText(/^Catatan arsip ditandatangani\. Kode verifikasi:/)).toBeVisible({ timeout: 30_000 });
  const code = (await signBox.locator(".font-mono").textContent())!.replace("-", "");
  const signed = await kadis.request.get((await signBox.getByRole("link", { name: "Unduh berkas bertanda tangan" }).getAttribute("href"))!);
  expect(signed.status()).toBe(200);
  await kadis.goto(`/v/${code}`);
  await expect(kadis.getByText(/^Catatan Arsip Siklus .+ Triwulan II 2026$/)).toBeVisible();

  // The official xlsx marks every unverified value and carries the note.
  const response = await kasubag.request.get(`${AGENCY}/kinerja/ekspor?tahun=2026&tw=2&jenis=pengukuran`);
  expect(response.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const notice = String(ws.getCell(5, 1).value);
  expect(notice).toContain("4 nilai realisasi belum diverifikasi");
  expect(notice).toContain(NOTE);
  // The column is found by its header, as a reader would.
  let statusColumn = 0;
  ws.getRow(6).eachCell((cell, col) => {
    if (cell.value === "Status Verifikasi") statusColumn = col;
  });
  expect(statusColumn).toBeGreaterThan(0);
  const statuses: string[] = [];
  ws.eachRow((row, n) => {
    const code = row.getCell(2).value;
    if (n > 7 && typeof code === "string" && code.startsWith("IKU")) statuses.push(String(row.getCell(statusColumn).value));
  });
  expect(statuses).toEqual(Array(4).fill("Dikirim (belum diverifikasi)"));
});

import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { signIn } from "./helpers";

/**
 * The head of Dinas BMCKTR signs the Laporan Pengukuran Kinerja Triwulan I
 * 2026 with the agency's (demo) certificate; the verification page its code
 * opens, to anyone without signing in, says it is valid, and the downloaded
 * file checks as a match while a changed copy does not.
 */
test("the head signs a report; its public verification page says valid and checks the file", async ({ browser }) => {
  const head = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  await signIn(head, "kadis@sumbar.demo");
  await head.goto("/a/bmcktr-sumbar/tanda-tangan");
  await expect(head.getByTestId("certificate")).toContainText("DEMO");

  await head.getByLabel("Tahun").first().fill("2026");
  await head.getByLabel("Triwulan").first().selectOption("1");
  await head.getByRole("button", { name: "Tandatangani secara elektronik" }).click();
  await head.getByRole("button", { name: "Ya, tandatangani" }).click();
  const done = head.getByRole("status").filter({ hasText: "Laporan ditandatangani. Kode verifikasi:" });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const code = ((await done.locator("span.font-mono").textContent()) ?? "").trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  const item = head.getByTestId("signed-documents").locator("li").filter({ hasText: `Kode ${code}` });
  await expect(item).toContainText("Laporan Pengukuran Kinerja Triwulan I Tahun 2026");
  await expect(item).toContainText("Kepala Dinas");
  const [download] = await Promise.all([head.waitForEvent("download"), item.getByRole("link", { name: "Unduh berkas" }).click()]);
  const signed = await readFile((await download.path())!);
  expect(signed.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // A stranger on a phone, not signed in, opens the code.
  const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await stranger.goto(`/v/${code}`);
  await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
  await expect(stranger.getByText("Laporan Pengukuran Kinerja Triwulan I Tahun 2026")).toBeVisible();
  await expect(stranger.getByText("Dinas Bina Marga", { exact: false }).first()).toBeVisible();
  await expect(stranger.getByText(/NIP/)).toHaveCount(0);

  await stranger.getByLabel("Periksa berkas").setInputFiles({ name: "laporan.pdf", mimeType: "application/pdf", buffer: signed });
  await stranger.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(stranger.getByText("Cocok: berkas ini sama persis")).toBeVisible();

  const changed = Buffer.from(signed);
  changed[200] = changed[200]! ^ 0x01;
  await stranger.getByLabel("Periksa berkas").setInputFiles({ name: "laporan.pdf", mimeType: "application/pdf", buffer: changed });
  await stranger.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(stranger.getByText("Tidak cocok: berkas ini berbeda")).toBeVisible();
});

/** The head signs the SOP in force from its page; the code opens a verification page that names an SOP. */
test("the head signs the SOP in force; its code verifies as an SOP document", async ({ browser }) => {
  const sop = SEED_SOPS["bmcktr-sumbar"];
  const head = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(head, "kadis@sumbar.demo");
  await head.goto("/a/bmcktr-sumbar/sops");
  const card = head.getByTestId("sop-series").filter({ hasText: sop.nomor });
  await card.getByRole("link", { name: sop.nama }).click();
  await expect(head.getByTestId("sop-document")).toBeVisible();
  await head.getByRole("button", { name: "Tandatangani dokumen SOP" }).click();
  await head.getByRole("button", { name: "Ya, tandatangani" }).click();
  const done = head.getByTestId("sign-sop").getByText("Dokumen SOP ditandatangani. Kode verifikasi:");
  await expect(done).toBeVisible({ timeout: 30_000 });
  const code = ((await head.getByTestId("sign-sop").locator("span.font-mono").textContent()) ?? "").trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await stranger.goto(`/v/${code}`);
  await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
  await expect(stranger.getByText(`Dokumen SOP ${sop.nomor}`, { exact: false })).toBeVisible();
});

/** A phone-sized PNG "scan": the signature and IHDR chunk the server checks, then data. */
const PNG_SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.from("catatan arsip ditandatangani basah")]);

/**
 * The head prints the archive record of Triwulan I 2026 (archived in the demo data), signs it by
 * hand and uploads the scan from the cycle's timeline, on a phone; the page then shows the latest
 * signature, and a stranger's check of the same scan at /v/<code> matches (decision 042).
 */
test("the head uploads the wet-signed scan of an archive record; its code verifies the scan", async ({ browser }) => {
  const head = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(head, "kadis@sumbar.demo");
  await head.goto("/a/bmcktr-sumbar/cycles");
  await head.getByTestId("cycle-list").getByRole("link").filter({ hasText: /Triwulan I 2026/ }).click();
  await head.waitForURL(/\/cycles\/[a-z0-9]+$/);
  await head.goto(`${new URL(head.url()).pathname}/timeline`);
  const box = head.getByTestId("scan-archive-record");
  // Nothing chosen: an Indonesian message, nothing sent.
  await box.getByRole("button", { name: "Unggah pindaian" }).click();
  await expect(box.getByText("Pilih berkas (PDF, PNG, atau JPEG).")).toBeVisible();
  await box.getByLabel("Berkas pindaian").setInputFiles({ name: "catatan-arsip-ttd.png", mimeType: "image/png", buffer: PNG_SCAN });
  await box.getByRole("button", { name: "Unggah pindaian" }).click();
  await expect(box.getByText(/^Berkas disimpan\. Kode verifikasi:/)).toBeVisible({ timeout: 30_000 });
  const code = ((await box.locator("span.font-mono").textContent()) ?? "").trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  const latest = head.getByTestId("latest-signed");
  await expect(latest).toContainText("Tanda tangan basah (pindaian)");
  await expect(latest).toContainText(`Kode ${code}`);

  const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await stranger.goto(`/v/${code}`);
  await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
  await expect(stranger.getByText(/^Catatan Arsip Siklus .+ Triwulan I 2026$/)).toBeVisible();
  await expect(stranger.getByText("Tanda tangan basah (pindaian)")).toBeVisible();
  await stranger.getByLabel("Periksa berkas").setInputFiles({ name: "pindaian.png", mimeType: "image/png", buffer: PNG_SCAN });
  await stranger.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(stranger.getByText("Cocok: berkas ini sama persis")).toBeVisible();
});

/**
 * The head signs the LKjIP 2026 PDF from the LKjIP page, where it is downloaded: the signed file
 * downloads, and a stranger's check of it at /v/<code> matches an LKjIP of that year.
 */
test("the head signs the LKjIP PDF where it is downloaded; its code verifies the signed file", async ({ browser }) => {
  const head = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(head, "kadis@sumbar.demo");
  await head.goto("/a/bmcktr-sumbar/kinerja/lkjip?tahun=2026");
  await expect(head.getByRole("link", { name: "Unduh PDF" })).toBeVisible();
  const box = head.getByTestId("sign-lkjip");
  await box.getByRole("button", { name: "Tandatangani PDF LKjIP" }).click();
  await expect(head.getByRole("alertdialog")).toContainText("PDF LKjIP Tahun 2026");
  await head.getByRole("alertdialog").getByRole("button", { name: "Ya, tandatangani" }).click();
  await expect(box.getByText(/^LKjIP ditandatangani\. Kode verifikasi:/)).toBeVisible({ timeout: 30_000 });
  const code = ((await box.locator("span.font-mono").textContent()) ?? "").trim();
  await expect(head.getByTestId("latest-signed")).toContainText(`Kode ${code}`);
  const file = await head.request.get((await box.getByRole("link", { name: "Unduh berkas bertanda tangan" }).getAttribute("href"))!);
  expect(file.status()).toBe(200);
  const signed = Buffer.from(await file.body());
  expect(signed.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await stranger.goto(`/v/${code}`);
  await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
  await expect(stranger.getByText("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026")).toBeVisible();
  await stranger.getByLabel("Periksa berkas").setInputFiles({ name: "lkjip.pdf", mimeType: "application/pdf", buffer: signed });
  await stranger.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(stranger.getByText("Cocok: berkas ini sama persis")).toBeVisible();
});

/**
 * A scanned, wet-signed document of a few pages is 3–15 MB. A ~5 MB PDF: a real header, then
 * bulk (a scanner's image streams), then the trailer; the server checks the header (magic bytes).
 */
function scannedPdf(megabytes: number, label: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n`);
  const tail = Buffer.from("trailer<</Root 1 0 R>>\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(Math.round(megabytes * 1024 * 1024) - head.length - tail.length, 0x20), tail]);
}

/**
 * Scans are larger than a server action's 2 MB body (docs/decisions/060-scan-uploads.md): the head
 * uploads a ~5 MB wet-signed scan of the report from the signing page and the ~5 MB final LKjIP
 * from the LKjIP page; each is listed with its size and downloads byte for byte. A file over the
 * 20 MB limit is refused with the limit named, in Indonesian, and the page stays usable.
 */
test("the head uploads a 5 MB wet-signed scan and a 5 MB final LKjIP; both are listed with their size and download", async ({ browser }) => {
  // Two 5 MB uploads, a 21 MB refusal and two downloads: minutes on a loaded CI machine.
  test.setTimeout(420_000);
  const head = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(head, "kadis@sumbar.demo");

  // The report's wet-signed scan, from the signing page.
  const scan = scannedPdf(5, "laporan triwulan II ditandatangani basah");
  await head.goto("/a/bmcktr-sumbar/tanda-tangan");
  const form = head.getByTestId("scan-report");
  await form.getByLabel("Tahun").fill("2026");
  await form.getByLabel("Triwulan").selectOption("2");
  await form.getByLabel("Berkas pindaian").setInputFiles({ name: "laporan-tw2-ttd.pdf", mimeType: "application/pdf", buffer: scan });
  await form.getByRole("button", { name: "Unggah pindaian" }).click();
  await expect(form.getByText(/^Berkas disimpan\. Kode verifikasi:/)).toBeVisible({ timeout: 60_000 });
  const listed = head.getByTestId("signed-documents").getByRole("listitem").filter({ hasText: "Triwulan II Tahun 2026" }).first();
  await expect(listed).toContainText("laporan-tw2-ttd.pdf");
  await expect(listed).toContainText("5 MB");
  const scanFile = await head.request.get((await listed.getByRole("link", { name: "Unduh berkas" }).getAttribute("href"))!);
  expect(scanFile.status()).toBe(200);
  expect(Buffer.from(await scanFile.body()).equals(scan)).toBe(true);

  // Over the limit: refused by the server with the limit named; nothing is listed.
  const before = await head.getByTestId("signed-documents").getByRole("listitem").count();
  await form.getByLabel("Berkas pindaian").setInputFiles({ name: "terlalu-besar.pdf", mimeType: "application/pdf", buffer: scannedPdf(21, "terlalu besar") });
  await form.getByRole("button", { name: "Unggah pindaian" }).click();
  await expect(form.getByText("Ukuran berkas melebihi batas 20 MB. Perkecil atau pisahkan berkasnya.")).toBeVisible({ timeout: 60_000 });
  await head.reload();
  await expect(head.getByTestId("signed-documents").getByRole("listitem")).toHaveCount(before);

  // The LKjIP's final file, from the LKjIP page.
  const final = scannedPdf(5, "LKjIP 2026 final");
  await head.goto("/a/bmcktr-sumbar/kinerja/lkjip?tahun=2026");
  const box = head.getByTestId("scan-lkjip");
  await box.getByLabel("Berkas LKjIP final").setInputFiles({ name: "LKjIP 2026 final.pdf", mimeType: "application/pdf", buffer: final });
  await box.getByRole("button", { name: "Unggah LKjIP final" }).click();
  await expect(box.getByText(/^Berkas disimpan\. Kode verifikasi:/)).toBeVisible({ timeout: 60_000 });
  const latest = head.getByTestId("latest-signed");
  await expect(latest).toContainText("Tanda tangan basah (pindaian)");
  await expect(latest).toContainText("LKjIP 2026 final.pdf");
  await expect(latest).toContainText("5 MB");
  const finalFile = await head.request.get((await latest.getByRole("link", { name: "Unduh berkas" }).getAttribute("href"))!);
  expect(finalFile.status()).toBe(200);
  expect(Buffer.from(await finalFile.body()).equals(final)).toBe(true);
});

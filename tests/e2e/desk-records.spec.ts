import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./helpers";

/**
 * Issue #15, items 6, 8 and 9, as the officers meet them (demo data of Dinas BMCKTR Sumatera
 * Barat, Triwulan II and III 2026, where IKU-3 of Bidang Cipta Karya is a percentage indicator
 * not filled in yet for Triwulan III): a link shared on WhatsApp opens the exact page after sign-in and an off-site callback
 * is refused; "72.000" in a percentage indicator has to be confirmed; the audit log reads the
 * confirmed warning in words, without raw ids or IPv6-mapped addresses, details on demand.
 */

const AGENCY = "/a/bmcktr-sumbar";
const REALISASI = `${AGENCY}/kinerja/realisasi?tahun=2026&tw=2`;
// The plausibility test fills Triwulan III, which no other spec touches: performance.spec.ts
// runs Triwulan II of the same indicator through fill, return and verification.
const REALISASI_TW3 = `${AGENCY}/kinerja/realisasi?tahun=2026&tw=3`;

async function newPage(browser: Browser, viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

test("a shared link opens the exact page after sign-in; an off-site callback is refused", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(REALISASI);
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/a/bmcktr-sumbar/kinerja/realisasi?tahun=2026&tw=2");
  await page.getByLabel("NIP atau email").fill("bidang.ck@sumbar.demo");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => url.pathname === "/a/bmcktr-sumbar/kinerja/realisasi" && url.searchParams.get("tw") === "2");
  await expect(page.getByRole("heading", { name: "Realisasi Triwulan II 2026" })).toBeVisible();

  // Signed in, an off-site callback goes to the start page of this site.
  await page.goto("/masuk?callbackUrl=https://jahat.example/curi");
  await page.waitForURL((url) => url.pathname !== "/masuk");
  expect(new URL(page.url()).host).toBe(new URL(REALISASI, page.url()).host);
  await page.goto("/masuk?callbackUrl=//jahat.example/curi");
  await page.waitForURL((url) => url.pathname !== "/masuk");
  expect(new URL(page.url()).hostname).not.toBe("jahat.example");
  await page.context().close();
});

test('"72.000" in a percentage indicator must be confirmed, and the audit log says so in words', async ({ browser }) => {
  test.setTimeout(180_000);
  const bidang = await newPage(browser);
  await signIn(bidang, "bidang.ck@sumbar.demo");
  await bidang.goto(REALISASI_TW3);
  const iku3 = bidang.getByTestId("realization-IKU-3");
  const value = iku3.getByLabel(/Realisasi TW III/);
  await value.fill("72.000");
  await expect(iku3.getByTestId("plausibility-warnings")).toContainText('Pemisah ribuan meragukan: "72.000" dibaca 72.000');
  await expect(iku3.getByTestId("plausibility-warnings")).toContainText("Capaian di atas 150%");

  // Draft: the dialog lists the warnings; "Perbaiki nilai" saves nothing.
  await iku3.getByRole("button", { name: "Simpan draf" }).click();
  const dialog = bidang.getByRole("alertdialog", { name: "Periksa kembali nilai ini" });
  await expect(dialog.getByTestId("confirm-warnings")).toContainText("Pemisah ribuan meragukan");
  await dialog.getByRole("button", { name: "Perbaiki nilai" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(iku3.getByTestId("realization-status")).toHaveText("Belum diisi");

  // 72 has nothing to confirm (about 80 % of the TW III target), and "Kirim" still asks, warning that no data dukung is attached.
  await value.fill("72");
  await expect(iku3.getByTestId("plausibility-warnings")).toHaveCount(0);
  await value.fill("72.000");
  await iku3.getByRole("button", { name: "Simpan draf" }).click();
  await dialog.getByRole("button", { name: "Ya, nilai ini benar" }).click();
  await expect(bidang.getByText("Disimpan sebagai draf.")).toBeVisible();
  await expect(iku3.getByTestId("realization-status")).toHaveText("Draf");

  // The administrator reads the event in words: no raw ids, no "::ffff:", the details on demand.
  const admin = await newPage(browser, { width: 1280, height: 900 });
  await signIn(admin, "admin@sumbar.demo");
  await admin.goto(`${AGENCY}/audit?action=realization.save`);
  const row = admin.getByTestId("audit-row").first();
  await expect(row).toContainText("Menyimpan realisasi");
  await expect(row).toContainText("peringatan dikonfirmasi: Pemisah ribuan meragukan; Capaian di atas 150%");
  await expect(row).toContainText("IKU-3 Persentase rumah tangga dengan akses air minum layak TW III 2026");
  const log = admin.getByTestId("audit-log");
  await expect(log).not.toContainText("::ffff:");
  const details = row.getByTestId("audit-details");
  await expect(details.getByText("Kode peristiwa")).toBeHidden();
  await details.getByText("Rincian untuk auditor").click();
  await expect(details.getByText("realization.save")).toBeVisible();
  await admin.context().close();
  await bidang.context().close();
});

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

/**
 * Pohon kinerja on an agency nobody seeded (the Dinas Perikanan of tests/fixtures/fresh-agencies.ts):
 * its administrator (a PK manager) makes the Renstra period and builds Tujuan > Sasaran > Sasaran
 * Program on a 390 px phone, then indicators linked by a "Jumlah" rule and a Sasaran Kegiatan at
 * desktop width; refusals read in Indonesian; the Kepala Dinas reads the same tree without tools.
 * Then the PK per level of 2026 is generated from that tree (decision 035): the head's, the
 * Bidang's Sasaran Program and its Sasaran Kegiatan, with the tree's indicators and targets,
 * readable on a phone and printable; the Kepala Dinas reads them without the generate tool.
 * Last, the lifecycle of a unit row's realization (decision 044) on a phone: the Bidang's member
 * saves a draft and sends it from "Tugas saya", the planning unit (the administrator) returns it
 * with a reason, the member fixes it with data dukung and sends it again, and it is verified; a
 * value the planning unit fills and sends itself it may not verify nor return, and its
 * "Tugas saya" does not offer it (decisions 055, 061).
 * Then the Kepala Dinas downloads the Bidang's PK as a PDF and signs it with the agency's
 * certificate (decision 043): refused while the Bidang has no official, signed once it has one,
 * its status and code shown on the PK and verifiable at /v/<code>.
 */
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { makeDemoP12 } from "@/lib/signing/certificate";

import { freshMember, PERIKANAN, PERIKANAN_UNIT } from "../fixtures/fresh-agencies";
import { keepScreenshot, signIn } from "./helpers";

const SLUG = PERIKANAN.slug;
const TUJUAN = "Meningkatnya kesejahteraan nelayan Kabupaten Tanah Laut";
const SASARAN = "Meningkatnya produksi perikanan tangkap";
const PROGRAM = "Meningkatnya produktivitas nelayan binaan";
const KEGIATAN = "Tersalurkannya sarana tangkap kepada kelompok nelayan";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const RETURN_REASON = "Lampirkan berita acara produksi nelayan binaan Triwulan I.";

const node = (scope: Page | Locator, statement: string) => scope.locator(`[data-testid="cascade-node"][data-statement="${statement}"]`);

async function fitsPhone(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${what} at 390 px`).toEqual([]);
}

/** Opens the node's own "Tambah <level>" form (its tools come before its children's), fills it and saves. */
async function addChild(page: Page, parent: string, level: string, statement: string, unit?: string) {
  await node(page, parent).getByRole("button", { name: `Tambah ${level}` }).first().click();
  const form = page.getByTestId("node-form");
  await form.getByLabel(`Pernyataan ${level}`).fill(statement);
  if (unit) await form.getByLabel("Unit penanggung jawab").selectOption({ label: unit });
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(node(page, statement)).toBeVisible();
}

test("the planning unit builds a pohon kinerja on a phone and at desktop width; the head reads it", async ({ browser }) => {
  test.setTimeout(420_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await test.step("on a phone: the menu leads to an empty tree; a Renstra period is made", async () => {
    await signIn(page, freshMember(PERIKANAN, "ADMIN").email);
    await page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Pohon Kinerja" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pohon Kinerja");
    await expect(page.getByText("Belum ada periode Renstra.")).toBeVisible();
    await page.getByLabel("Tahun awal").fill("2025");
    await page.getByRole("button", { name: "Buat periode Renstra" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Renstra 2025–2029");
    await expect(page.getByText("Pohon kinerja periode ini masih kosong.")).toBeVisible();
  });

  await test.step("on a phone: Tujuan, Sasaran and a Sasaran Program, which needs its unit", async () => {
    await page.getByRole("button", { name: "Tambah Tujuan" }).click();
    const form = page.getByTestId("node-form");
    // Nothing typed: the message is in Indonesian and nothing is saved.
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(form.getByText("Pernyataan terlalu pendek (minimal 5 karakter).")).toBeVisible();
    await form.getByLabel("Pernyataan Tujuan").fill(TUJUAN);
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(node(page, TUJUAN)).toContainText("Penanggung jawab: Kepala instansi");

    await addChild(page, TUJUAN, "Sasaran Strategis", SASARAN);

    await node(page, SASARAN).getByRole("button", { name: "Tambah Sasaran Program" }).first().click();
    const programForm = page.getByTestId("node-form");
    await programForm.getByLabel("Pernyataan Sasaran Program").fill(PROGRAM);
    await programForm.getByRole("button", { name: "Simpan" }).click();
    await expect(programForm.getByText("Sasaran Program wajib punya unit penanggung jawab.")).toBeVisible();
    await programForm.getByLabel("Unit penanggung jawab").selectOption({ label: PERIKANAN_UNIT });
    await programForm.getByRole("button", { name: "Simpan" }).click();
    await expect(node(page, PROGRAM)).toContainText(`Penanggung jawab: ${PERIKANAN_UNIT}`);
    // Nested: the program sits inside the sasaran, inside the tujuan.
    await expect(node(node(node(page, TUJUAN), SASARAN), PROGRAM)).toHaveAttribute("data-level", "PROGRAM");
    await fitsPhone(page, "the pohon kinerja");
  });

  await test.step("at desktop width: indicators linked by a sum, a Sasaran Kegiatan, a refused delete", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await node(page, SASARAN).getByRole("button", { name: "Tambah indikator" }).first().click();
    let form = page.getByTestId("indicator-form");
    await form.getByLabel("Nama indikator").fill("Produksi perikanan tangkap");
    await form.getByLabel("Satuan").fill("ton");
    await form.getByLabel("Cara menghitung dari bawahan").selectOption({ label: "Jumlah dari bawahan" });
    await form.getByLabel("Target 2025").fill("1.000");
    await form.getByLabel("Target 2026").fill("abc");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(form.getByText("Isi dengan angka", { exact: false })).toBeVisible();
    await form.getByLabel("Target 2026").fill("1.100");
    await form.getByRole("button", { name: "Simpan" }).click();
    const sasaranIndicator = node(page, SASARAN).getByTestId("cascade-indicator").first();
    await expect(sasaranIndicator).toContainText("Produksi perikanan tangkap");
    await expect(sasaranIndicator).toContainText("2025:1.000");

    await node(page, PROGRAM).getByRole("button", { name: "Tambah indikator" }).first().click();
    form = page.getByTestId("indicator-form");
    await form.getByLabel("Nama indikator").fill("Produksi nelayan binaan");
    await form.getByLabel("Satuan").fill("ton");
    await form.getByLabel("Mendukung indikator induk").selectOption({ label: "Produksi perikanan tangkap" });
    await form.getByLabel("Target 2025").fill("600");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(node(page, PROGRAM).getByTestId("cascade-indicator")).toContainText("Mendukung: Produksi perikanan tangkap");
    // The sasaran's sum of the lower level: 600 in 2025, and 2026 is not complete (no target below), never 0.
    const rolled = sasaranIndicator.getByTestId("cascade-rolled-up");
    await expect(rolled).toContainText("Jumlah bawahan:");
    await expect(rolled).toContainText("2025: 600");
    await expect(rolled).toContainText("2026: Belum lengkap");

    // Editing the lower target completes the sum.
    await node(page, PROGRAM).getByRole("button", { name: "Ubah: Produksi nelayan binaan" }).click();
    form = page.getByTestId("indicator-form");
    await expect(form.getByLabel("Target 2025")).toHaveValue("600");
    await form.getByLabel("Target 2026").fill("650");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(rolled).toContainText("2026: 650");

    await addChild(page, PROGRAM, "Sasaran Kegiatan", KEGIATAN, PERIKANAN_UNIT);
    await expect(node(node(page, PROGRAM), KEGIATAN)).toHaveAttribute("data-level", "KEGIATAN");

    // The kegiatan's statement is edited in place.
    await node(page, KEGIATAN).getByRole("button", { name: "Ubah", exact: true }).first().click();
    const edit = page.getByTestId("node-form");
    await expect(edit.getByLabel("Pernyataan Sasaran Kegiatan")).toHaveValue(KEGIATAN);
    await edit.getByLabel("Pernyataan Sasaran Kegiatan").fill(`${KEGIATAN} tepat waktu`);
    await edit.getByRole("button", { name: "Simpan" }).click();
    await expect(node(page, `${KEGIATAN} tepat waktu`)).toBeVisible();

    await node(page, TUJUAN).getByRole("button", { name: `Hapus: Tujuan "${TUJUAN}"` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Hapus" }).click();
    await expect(page.getByText("Tidak dapat dihapus: masih ada 1 simpul di bawahnya.", { exact: false })).toBeVisible();
    await expect(node(page, TUJUAN)).toBeVisible();

    // A leaf goes.
    await node(page, `${KEGIATAN} tepat waktu`).getByRole("button", { name: `Hapus: Sasaran Kegiatan "${KEGIATAN} tepat waktu"` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Hapus" }).click();
    await expect(node(page, `${KEGIATAN} tepat waktu`)).toHaveCount(0);
  });

  await test.step("the Kepala Dinas reads the tree without edit tools", async () => {
    const head = await (await browser.newContext()).newPage();
    await signIn(head, freshMember(PERIKANAN, "KEPALA_DINAS").email);
    await head.goto(`/a/${SLUG}/pohon-kinerja`);
    await expect(node(head, PROGRAM)).toBeVisible();
    await expect(head.getByText("Hanya pengelola kinerja yang dapat mengubah pohon kinerja.")).toBeVisible();
    await expect(head.getByRole("button", { name: "Tambah Tujuan" })).toHaveCount(0);
    await expect(head.getByRole("button", { name: "Ubah", exact: true })).toHaveCount(0);
    await expect(head.getByRole("button", { name: "Cetak" })).toBeVisible();
  });
  await test.step("the PK per level of 2026 is generated from the tree and matches it", async () => {
    await addChild(page, PROGRAM, "Sasaran Kegiatan", KEGIATAN, PERIKANAN_UNIT);
    await node(page, KEGIATAN).getByRole("button", { name: "Tambah indikator" }).first().click();
    const form = page.getByTestId("indicator-form");
    await form.getByLabel("Nama indikator").fill("Kapal bantuan tersalurkan");
    await form.getByLabel("Satuan").fill("unit");
    await form.getByLabel("Target 2026").fill("12");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(node(page, KEGIATAN).getByTestId("cascade-indicator")).toContainText("Kapal bantuan tersalurkan");

    await page.getByRole("link", { name: "PK per jenjang" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("PK per Jenjang");
    await page.getByRole("link", { name: "2026", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tahun 2026");
    await expect(page.getByText("Belum ada PK per jenjang untuk tahun ini.")).toBeVisible();
    const generate = page.getByTestId("level-pk-generate");
    // No agency PK for 2026 yet: the head's parties are asked for, in Indonesian, before anything is made.
    await generate.getByRole("button", { name: "Buat PK per jenjang dari pohon kinerja" }).click();
    await expect(generate.getByText("PK kepala instansi tahun ini belum ada: isi nama dan jabatan para pihak.").first()).toBeVisible();
    await generate.getByLabel("Nama pihak pertama (kepala instansi)").fill("Ir. Kepala Dinas Perikanan");
    await generate.getByLabel("Jabatan pihak pertama").fill("Kepala Dinas Perikanan Kabupaten Tanah Laut");
    await generate.getByLabel("Nama pihak kedua (kepala daerah)").fill("Bupati Tanah Laut");
    await generate.getByLabel("Jabatan pihak kedua").fill("Bupati Tanah Laut");
    await generate.getByRole("button", { name: "Buat PK per jenjang dari pohon kinerja" }).click();
    await expect(page.getByText("3 PK dibuat.")).toBeVisible();

    const pks = page.getByTestId("level-pk");
    await expect(pks).toHaveCount(3);
    await expect(pks.nth(0)).toContainText("Kepala instansi");
    await expect(pks.nth(0)).toContainText("Produksi perikanan tangkap");
    await expect(pks.nth(0)).toContainText("1.100");
    await expect(pks.nth(0)).toContainText(`Pengisi realisasi: ${PERIKANAN_UNIT}`);
    await expect(pks.nth(1)).toContainText(`Sasaran Program · ${PERIKANAN_UNIT}`);
    await expect(pks.nth(1)).toContainText(`Pihak pertama: Kepala ${PERIKANAN_UNIT}`);
    await expect(pks.nth(1)).toContainText("Pihak kedua: Kepala Dinas Perikanan Kabupaten Tanah Laut");
    await expect(pks.nth(1).getByTestId("level-pk-row")).toContainText(["Produksi nelayan binaan"]);
    await expect(pks.nth(1)).toContainText("650");
    await expect(pks.nth(2)).toContainText(`Sasaran Kegiatan · ${PERIKANAN_UNIT}`);
    await expect(pks.nth(2).getByTestId("level-pk-row")).toContainText(["Kapal bantuan tersalurkan"]);
    // Only the annual target: at TW I it cannot be judged yet, not a red flag.
    await page.getByRole("link", { name: "TW I", exact: true }).click();
    await expect(pks.nth(2)).toContainText("Belum dapat dinilai: target jatuh pada Triwulan IV");

    // Printed: the tools are gone, every agreement is there.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("level-pk-generate")).toBeHidden();
    await expect(pks).toHaveCount(3);
    await page.emulateMedia({ media: "screen" });

    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page, "the PK per level");
  });

  await test.step("the Kepala Dinas reads the PK per level without the generate tool", async () => {
    const head = await (await browser.newContext()).newPage();
    await signIn(head, freshMember(PERIKANAN, "KEPALA_DINAS").email);
    await head.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026`);
    await expect(head.getByTestId("level-pk")).toHaveCount(3);
    await expect(head.getByTestId("level-pk-generate")).toHaveCount(0);
    await expect(head.getByRole("button", { name: "Ubah Rencana Aksi" })).toHaveCount(0);
  });

  const member = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const programRow = (p: Page) => p.getByTestId("level-pk-row").filter({ hasText: "Produksi nelayan binaan" });
  /** Opens the home's "Tugas saya" link of a unit PK counter, which leads to the PK page filtered to it. */
  async function openWork(p: Page, kind: string, text: string) {
    await p.goto(`/a/${SLUG}`);
    const link = p.getByTestId("my-work").locator(`a[data-scope="UNIT"][data-kind="${kind}"]`);
    await expect(link).toContainText(text);
    await link.click();
    await expect(p.getByRole("heading", { level: 1 })).toContainText("Tahun 2026 · Triwulan I");
  }

  await test.step("on a phone, the Bidang's member saves a draft of TW I, and sends it from 'Tugas saya' without data dukung", async () => {
    await signIn(member, freshMember(PERIKANAN, "TIM_PENGUKURAN").email);
    await member.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=1`);
    const row = programRow(member);
    await expect(row.getByTestId("unit-realization-status")).toHaveText("TW I: Belum diisi");
    await row.getByRole("button", { name: "Isi realisasi" }).click();
    const form = row.getByTestId("unit-realization-form");
    await form.getByLabel("Realisasi TW I (ton)").fill("abc");
    await form.getByRole("button", { name: "Simpan draf" }).click();
    await expect(form.getByText("Isi dengan angka", { exact: false })).toBeVisible();
    await form.getByLabel("Realisasi TW I (ton)").fill("150");
    await form.getByRole("button", { name: "Simpan draf" }).click();
    await expect(member.getByText("Draf realisasi disimpan.")).toBeVisible();
    await expect(row.getByTestId("unit-realization-status")).toHaveText("TW I: Draf");

    await openWork(member, "DRAFT", "1 realisasi PK unit draf belum dikirim · TW I 2026");
    await expect(member.getByText('Menampilkan baris berstatus "Draf" pada triwulan ini.')).toBeVisible();
    // Filtered: only the row with the draft is listed.
    await expect(member.getByTestId("level-pk-row")).toHaveCount(1);
    await programRow(member).getByRole("button", { name: "Isi realisasi" }).click();
    await programRow(member).getByRole("button", { name: "Kirim" }).click();
    const confirm = member.getByTestId("confirm-unit-realization");
    await expect(confirm.getByTestId("confirm-no-evidence")).toBeVisible();
    await confirm.getByRole("button", { name: "Ya, kirim" }).click();
    await expect(member.getByText("Realisasi dikirim ke Tim SAKIP untuk diverifikasi.")).toBeVisible();
    await member.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=1`);
    await expect(programRow(member).getByTestId("unit-realization-status")).toHaveText("TW I: Dikirim");
    // Sent: the member cannot change it any more; it counts, marked, until verified.
    await expect(programRow(member).getByRole("button", { name: "Isi realisasi" })).toHaveCount(0);
    await expect(programRow(member).getByTestId("unverified-mark")).toHaveText("belum terverifikasi");
  });

  await test.step("the planning unit returns it with a reason, from 'Tugas saya'", async () => {
    await openWork(page, "SUBMITTED", "1 realisasi PK unit menunggu verifikasi · TW I 2026");
    const review = programRow(page).getByTestId("unit-realization-review");
    await expect(review).toContainText("Realisasi TW I: 150 ton");
    await expect(review).toContainText("Belum ada data dukung");
    await review.getByRole("button", { name: "Kembalikan" }).click();
    await review.getByRole("button", { name: "Kembalikan ke unit" }).click();
    await expect(review.getByText("Alasan pengembalian wajib diisi.")).toBeVisible();
    await review.getByLabel("Alasan pengembalian").fill(RETURN_REASON);
    await review.getByRole("button", { name: "Kembalikan ke unit" }).click();
    await expect(page.getByText("Realisasi dikembalikan ke unit dengan alasannya.")).toBeVisible();
    await page.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=1`);
    await expect(programRow(page).getByTestId("unit-realization-status")).toHaveText("TW I: Dikembalikan");
  });

  await test.step("the member reads why, fixes the value, attaches data dukung and sends it again", async () => {
    await member.goto(`/a/${SLUG}`);
    await keepScreenshot(member, { path: "test-results/unit-realization-inbox-390.png", fullPage: true });
    await openWork(member, "RETURNED", "1 realisasi PK unit dikembalikan untuk diperbaiki · TW I 2026");
    const row = programRow(member);
    await expect(row).toContainText(`Dikembalikan: ${RETURN_REASON}`);
    await row.getByRole("button", { name: "Isi realisasi" }).click();
    const form = row.getByTestId("unit-realization-form");
    await expect(form.getByLabel("Realisasi TW I (ton)")).toHaveValue("150");
    await form.getByLabel("Realisasi TW I (ton)").fill("160");
    await form.locator('input[type="file"]').setInputFiles({ name: "berita-acara-produksi.pdf", mimeType: "application/pdf", buffer: PDF });
    await form.getByRole("button", { name: "Unggah" }).click();
    await expect(form.getByTestId("evidence-files")).toContainText("berita-acara-produksi.pdf");
    await member.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(member, { path: "test-results/unit-realization-390.png", fullPage: true });
    await fitsPhone(member, "the unit's realization form");
    await form.getByRole("button", { name: "Kirim" }).click();
    const confirm = member.getByTestId("confirm-unit-realization");
    await expect(confirm).toContainText("Nilai 160 ton");
    await expect(confirm.getByTestId("confirm-no-evidence")).toHaveCount(0);
    await confirm.getByRole("button", { name: "Ya, kirim" }).click();
    await expect(member.getByText("Realisasi dikirim ke Tim SAKIP untuk diverifikasi.")).toBeVisible();
  });

  await test.step("the planning unit verifies it: frozen for the member, and no longer marked", async () => {
    await openWork(page, "SUBMITTED", "1 realisasi PK unit menunggu verifikasi · TW I 2026");
    const review = programRow(page).getByTestId("unit-realization-review");
    await expect(review).toContainText("Realisasi TW I: 160 ton");
    await expect(review.getByRole("link", { name: "berita-acara-produksi.pdf" })).toBeVisible();
    await review.getByRole("button", { name: "Verifikasi" }).click();
    await expect(page.getByText("Realisasi diverifikasi.")).toBeVisible();

    await member.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=1`);
    const row = programRow(member);
    await expect(row.getByTestId("unit-realization-status")).toHaveText("TW I: Terverifikasi");
    await expect(row.getByRole("button", { name: "Isi realisasi" })).toHaveCount(0);
    await expect(row.getByTestId("unverified-mark")).toHaveCount(0);
    await expect(row).toContainText("terverifikasi");
    await keepScreenshot(row, { path: "test-results/unit-realization-verified-390.png" });
    await member.goto(`/a/${SLUG}`);
    await expect(member.getByTestId("my-work").locator('a[data-scope="UNIT"]')).toHaveCount(0);
    await keepScreenshot(member, { path: "test-results/unit-realization-home-390.png", fullPage: true });
  });

  await test.step("maker/checker (decision 055): the planning unit fills and sends TW II itself, and may then neither verify nor return it", async () => {
    await page.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=2`);
    const row = programRow(page);
    await row.getByRole("button", { name: "Isi realisasi" }).click();
    const form = row.getByTestId("unit-realization-form");
    await form.getByLabel("Realisasi TW II (ton)").fill("170");
    await form.getByRole("button", { name: "Kirim" }).click();
    await page.getByTestId("confirm-unit-realization").getByRole("button", { name: "Ya, kirim" }).click();
    await expect(page.getByText("Realisasi dikirim ke Tim SAKIP untuk diverifikasi.")).toBeVisible();
    await page.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026&tw=2`);
    const review = programRow(page).getByTestId("unit-realization-review");
    await expect(review).toContainText("Realisasi TW II: 170 ton");
    await expect(review.getByTestId("unit-realization-review-refusal")).toHaveText(
      "Anda ikut mengisi realisasi ini, sehingga tidak dapat memverifikasi atau mengembalikannya sendiri: verifikasi harus oleh orang lain.",
    );
    await expect(review.getByRole("button", { name: "Verifikasi" })).toBeHidden();
    await expect(review.getByRole("button", { name: "Kembalikan" })).toBeHidden();
    // Nor does "Tugas saya" offer it as work waiting for them (decision 061).
    await page.goto(`/a/${SLUG}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('[data-testid="my-work"] a[data-scope="UNIT"][data-kind="SUBMITTED"]')).toHaveCount(0);
  });

  await test.step("the Kepala Dinas downloads the Bidang's PK and signs it; refused while the post is vacant; its code verifies", async () => {
    // The administrator uploads the agency's certificate.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/a/${SLUG}/tanda-tangan`);
    await page.getByLabel("Berkas sertifikat (.p12 / .pfx)").setInputFiles({ name: "diskan-tala.p12", mimeType: "application/x-pkcs12", buffer: makeDemoP12(PERIKANAN.name, "sandi-uji") });
    await page.getByLabel("Kata sandi sertifikat").fill("sandi-uji");
    await page.getByRole("button", { name: "Simpan sertifikat" }).click();
    await expect(page.getByText("Sertifikat disimpan.")).toBeVisible();

    const head = await (await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true })).newPage();
    await signIn(head, freshMember(PERIKANAN, "KEPALA_DINAS").email);
    await head.goto(`/a/${SLUG}/pohon-kinerja/pk?tahun=2026`);
    const sig = head.getByTestId("level-pk").nth(1).getByTestId("unit-pk-signature");
    await expect(sig.getByTestId("unit-pk-signature-status")).toHaveText("Belum ditandatangani");
    const [download] = await Promise.all([head.waitForEvent("download"), sig.getByRole("link", { name: /^Unduh PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe("pk-2026-program-bidang-perikanan-tangkap.pdf");
    expect((await readFile((await download.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // The Bidang has no official yet: the agreement would bind nobody, so it is not signed.
    await sig.getByRole("button", { name: "Tandatangani PK" }).click();
    await head.getByRole("button", { name: "Ya, tandatangani" }).click();
    await expect(sig.getByText(`Pihak pertama (Kepala ${PERIKANAN_UNIT}) belum ada pejabatnya`, { exact: false })).toBeVisible({ timeout: 30_000 });
    await expect(sig.getByTestId("unit-pk-signature-status")).toHaveText("Belum ditandatangani");

    // The administrator names the Bidang's official; the head signs.
    await page.goto(`/a/${SLUG}/unit`);
    await page.getByRole("button", { name: `Ubah ${PERIKANAN_UNIT}` }).click();
    const editing = page.getByTestId("unit-row").filter({ has: page.getByLabel("Pejabat kepala unit") });
    const official = editing.getByLabel("Pejabat kepala unit");
    const value = await official.locator("option", { hasText: "Tim Pengukuran Kinerja Tanah Laut" }).first().getAttribute("value");
    await official.selectOption(value!);
    await editing.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect(page.getByText("Unit kerja disimpan.")).toBeVisible();

    await head.reload();
    await sig.getByRole("button", { name: "Tandatangani PK" }).click();
    await head.getByRole("button", { name: "Ya, tandatangani" }).click();
    await expect(sig.getByTestId("unit-pk-signature-status")).toHaveText("Ditandatangani", { timeout: 30_000 });
    await expect(sig).toContainText("oleh Kepala Dinas Perikanan Kabupaten Tanah Laut");
    await expect(sig.getByRole("button", { name: "Tandatangani PK" })).toHaveCount(0);
    const code = ((await sig.locator("a.font-mono").textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await fitsPhone(head, "the signed PK per level");

    const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await stranger.goto(`/v/${code.replace("-", "")}`);
    await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
    await expect(stranger.getByText(`Perjanjian Kinerja Tahun 2026 Sasaran Program ${PERIKANAN_UNIT}`)).toBeVisible();
  });
});

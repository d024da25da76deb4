/**
 * The LKE workbench on an agency nobody seeded (the Dinas Perikanan of
 * tests/fixtures/fresh-agencies.ts; decisions 033, 036): its administrator gives an
 * Inspektorat auditor access by NIP, opens the 2025 evaluation from the menu, answers the
 * criteria (one with the system's suggested evidence attached in one tap), is refused while
 * some are unanswered, submits; the auditor (verifier) lowers one answer with a
 * recommendation and returns the evaluation with a reason, which the agency reads at 390 px
 * beside the note, then resubmits (decision 046); the verifier finishes the verification,
 * a second auditor (pengendali teknis) completes the review and locks; everything is then
 * read only, the timeline shows both rounds, the recommendation becomes a follow-up of a
 * Bidang, and the score and predikat on the page equal the downloaded sheet's.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";

import { EDITION_88 } from "@/lib/lke/edition-88";
import { criteriaOf } from "@/lib/lke/structure";

import { freshMember, INSPEKTORAT, INSPEKTORAT_PENGENDALI, PERIKANAN, PERIKANAN_UNIT } from "../fixtures/fresh-agencies";
import { keepScreenshot, signIn } from "./helpers";

const SLUG = PERIKANAN.slug;
const YEAR = 2025;
const PAGE = `/a/${SLUG}/lke?tahun=${YEAR}`;
const NOTE = "Tetapkan pedoman teknis perencanaan kinerja dengan keputusan kepala dinas.";
const REASON = "Lampirkan keputusan kepala dinas tentang pedoman perencanaan kinerja, lalu ajukan kembali.";

async function fitsPhone(page: Page, what: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${what} at 390 px`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function confirmStep(page: Page, label: string) {
  await page.getByRole("button", { name: label }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: label }).click();
}

test("the agency self-assesses and submits, the Inspektorat returns it once, verifies, reviews and locks; the page's score is the sheet's", async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const admin = await (await browser.newContext()).newPage();
  const auditor = await (await browser.newContext()).newPage();
  const pengendali = await (await browser.newContext()).newPage();
  const codes = criteriaOf(EDITION_88).map((c) => c.criterion.code);

  await test.step("the administrator gives the two Inspektorat auditors access by NIP", async () => {
    await signIn(admin, freshMember(PERIKANAN, "ADMIN").email);
    for (const who of [INSPEKTORAT, INSPEKTORAT_PENGENDALI]) {
      await admin.goto(`/a/${SLUG}/anggota`);
      await admin.getByLabel("NIP auditor").fill(who.nip);
      await admin.getByRole("button", { name: "Beri akses auditor" }).click();
      await expect(admin.getByText("Akses auditor diberikan.")).toBeVisible();
    }
  });

  await test.step("the administrator opens the year's LKE from the menu", async () => {
    await admin.goto(`/a/${SLUG}`);
    // The menu lists the page for every member (on a phone inside "Menu").
    await expect(admin.getByRole("link", { name: "Evaluasi LKE" }).first()).toHaveAttribute("href", `/a/${SLUG}/lke`);
    await admin.goto(PAGE);
    await admin.getByRole("button", { name: `Buat evaluasi LKE tahun ${YEAR}` }).click();
    await expect(admin.getByTestId("lke-status")).toHaveText("Penilaian mandiri");
  });

  await test.step("answers with justification and the suggested evidence attached in one tap", async () => {
    const form = admin.getByTestId("lke-self-1.a.5");
    await form.getByLabel("Ya").check();
    await form.getByLabel("Penjelasan").fill("Perjanjian Kinerja 2025 ditandatangani kepala dinas.");
    await form.getByRole("button", { name: "Lampirkan" }).first().click();
    await expect(form.getByTestId("lke-links-1.a.5")).toContainText(`/a/${SLUG}/kinerja?tahun=${YEAR}`);
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByText("Jawaban disimpan.").first()).toBeVisible();
    // A link that is neither a page of the app nor an http(s) address is refused at its field.
    const other = admin.getByTestId("lke-self-1.a.4");
    await other.getByLabel("Tambah tautan").fill("ftp://arsip/renaksi.pdf");
    await other.getByRole("button", { name: "Tambah tautan" }).click();
    await other.getByLabel("Ya").check();
    await other.getByRole("button", { name: "Simpan" }).click();
    await expect(other.getByText("Tautan bukti harus alamat halaman aplikasi ini")).toBeVisible();
    await other.getByRole("button", { name: "Hapus ftp://arsip/renaksi.pdf" }).click();
  });

  await test.step("submitting with criteria unanswered is refused", async () => {
    await confirmStep(admin, "Ajukan penilaian mandiri");
    await expect(admin.getByText(`Masih ada ${codes.length - 1} kriteria yang belum dijawab`).first()).toBeVisible();
    await expect(admin.getByTestId("lke-status")).toHaveText("Penilaian mandiri");
  });

  await test.step("the remaining criteria answered, then submitted", async () => {
    for (const code of codes.filter((c) => c !== "1.a.5")) {
      const form = admin.getByTestId(`lke-self-${code}`);
      await form.getByRole("radio").first().check();
      // One at a time: each save is a server action answered before the next starts.
      await Promise.all([admin.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/lke")), form.getByRole("button", { name: "Simpan" }).click()]);
    }
    await admin.reload();
    await expect(admin.getByText(`${codes.length} dari ${codes.length} kriteria terjawab`)).toBeVisible();
    await confirmStep(admin, "Ajukan penilaian mandiri");
    await expect(admin.getByTestId("lke-status")).toHaveText("Diajukan, menunggu reviu");
    await expect(admin.getByTestId("lke-self-1.a.1")).toHaveCount(0);
  });

  await test.step("the verifier lowers one answer with a recommendation and returns the evaluation with a reason", async () => {
    await signIn(auditor, INSPEKTORAT.email);
    await auditor.goto(PAGE);
    await expect(auditor.getByTestId("lke-total")).toContainText("Nilai 100 · predikat AA");
    const review = auditor.getByTestId("lke-review-1.a.1");
    await review.getByLabel("Jawaban reviu").selectOption("T");
    await review.getByLabel("Catatan reviu (rekomendasi)").fill(NOTE);
    await review.getByRole("button", { name: "Simpan" }).click();
    await expect(auditor.getByText("Hasil reviu disimpan.").first()).toBeVisible();
    await expect(auditor.getByTestId("lke-total")).toContainText("Nilai 98,8 · predikat AA (Sangat Memuaskan)");
    await fitsPhone(auditor, "the LKE under review");
    await auditor.getByRole("button", { name: "Kembalikan ke instansi" }).click();
    const form = auditor.getByTestId("lke-return-form");
    // A reason is required, in Indonesian, at its field.
    await form.getByRole("button", { name: "Kembalikan" }).click();
    await expect(form.getByText("Alasan pengembalian wajib diisi (minimal 10 karakter).")).toBeVisible();
    await form.getByLabel("Alasan pengembalian").fill(REASON);
    await form.getByRole("button", { name: "Kembalikan" }).click();
    await expect(auditor.getByTestId("lke-status")).toHaveText("Dikembalikan untuk diperbaiki");
    await expect(auditor.locator("form[data-testid^='lke-review-']")).toHaveCount(0);
  });

  await test.step("the agency reads the reason and the note per criterion on a phone, and resubmits", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(PAGE);
    await expect(admin.getByTestId("lke-status")).toHaveText("Dikembalikan untuk diperbaiki");
    await expect(admin.getByTestId("lke-return-reason")).toHaveText(REASON);
    await expect(admin.getByTestId("lke-returned")).toContainText(`Dikembalikan oleh ${INSPEKTORAT.name}`);
    await expect(admin.getByTestId("lke-criterion-1.a.1").getByTestId("lke-review-note")).toHaveText(`Catatan reviu (rekomendasi): ${NOTE} (Jawaban reviu: Tidak)`);
    await keepScreenshot(admin, { path: testInfo.outputPath("lke-returned-390.png") });
    await admin.getByTestId("lke-criterion-1.a.1").scrollIntoViewIfNeeded();
    await keepScreenshot(admin, { path: testInfo.outputPath("lke-returned-390-note.png") });
    await fitsPhone(admin, "the returned LKE");
    // The self-assessment is open again: the agency revises its justification and submits again.
    const form = admin.getByTestId("lke-self-1.a.1");
    await form.getByLabel("Penjelasan").fill("Keputusan kepala dinas tentang pedoman perencanaan kinerja dilampirkan.");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByText("Jawaban disimpan.").first()).toBeVisible();
    await confirmStep(admin, "Ajukan penilaian mandiri");
    await expect(admin.getByTestId("lke-status")).toHaveText("Diajukan, menunggu reviu");
  });

  await test.step("the verifier finishes the verification; only another auditor completes the review and locks", async () => {
    await auditor.goto(PAGE);
    await confirmStep(auditor, "Selesaikan verifikasi");
    await expect(auditor.getByTestId("lke-status")).toHaveText("Diverifikasi, menunggu pengendali teknis");
    await expect(auditor.getByText("Verifikasi selesai: reviu diselesaikan oleh auditor lain (pengendali teknis).")).toBeVisible();
    await expect(auditor.getByRole("button", { name: "Selesaikan reviu" })).toHaveCount(0);
    await signIn(pengendali, INSPEKTORAT_PENGENDALI.email);
    await pengendali.goto(PAGE);
    await expect(pengendali.getByTestId("lke-total")).toContainText("Nilai 98,8");
    await confirmStep(pengendali, "Selesaikan reviu");
    await expect(pengendali.getByTestId("lke-status")).toHaveText("Selesai direviu");
    await confirmStep(pengendali, "Kunci LKE");
    await expect(pengendali.getByTestId("lke-status")).toHaveText("Dikunci");
    await expect(pengendali.getByText("LKE ini sudah dikunci: hanya dapat dibaca.")).toBeVisible();
    await expect(pengendali.locator("form[data-testid^='lke-']")).toHaveCount(0);
    // The timeline shows both rounds and the return's reason.
    const timeline = pengendali.getByTestId("lke-timeline");
    await expect(timeline.getByRole("listitem")).toHaveText([
      /^Dibuka · Putaran 1/,
      /^Diajukan · Putaran 1/,
      new RegExp(`^Dikembalikan ke instansi · Putaran 1 · ${INSPEKTORAT.name}.*${REASON}`),
      /^Diajukan · Putaran 2/,
      new RegExp(`^Verifikasi selesai · Putaran 2 · ${INSPEKTORAT.name}`),
      new RegExp(`^Reviu selesai · Putaran 2 · ${INSPEKTORAT_PENGENDALI.name}`),
      new RegExp(`^Dikunci · Putaran 2 · ${INSPEKTORAT_PENGENDALI.name}`),
    ]);
  });

  await test.step("locked: read only for the agency, the recommendation becomes a Bidang's follow-up", async () => {
    await admin.goto(PAGE);
    await expect(admin.getByTestId("lke-status")).toHaveText("Dikunci");
    await expect(admin.locator("form[data-testid^='lke-self-'], form[data-testid^='lke-review-']")).toHaveCount(0);
    await expect(admin.getByTestId("lke-criterion-1.a.5")).toContainText(`/a/${SLUG}/kinerja?tahun=${YEAR}`);
    const card = admin.getByTestId("lke-criterion-1.a.1");
    await expect(card).toContainText(NOTE);
    await card.getByRole("button", { name: "Jadikan tindak lanjut" }).click();
    const form = admin.getByTestId("lke-followup-1.a.1");
    await form.getByLabel("Unit penanggung jawab").selectOption({ label: PERIKANAN_UNIT });
    await form.getByLabel("Tenggat").fill(`${YEAR + 1}-06-30`);
    await form.getByRole("button", { name: "Jadikan tindak lanjut" }).click();
    await expect(card.getByRole("link", { name: new RegExp(`Tindak lanjut: ${PERIKANAN_UNIT}, tenggat ${YEAR + 1}-06-30`) })).toBeVisible();
    await fitsPhone(admin, "the locked LKE");
  });

  await test.step("the downloaded sheet computes the score and predikat the page shows", async () => {
    const shown = (await admin.getByTestId("lke-total").textContent())!;
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Unduh Excel" }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readAll(await download.createReadStream())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("LKE")!;
    let total: number | null = null;
    let predikat: string | null = null;
    let rows = 0;
    ws.eachRow((row) => {
      const name = row.getCell(2).value;
      if (name === "NILAI AKHIR") total = row.getCell(10).value as number;
      if (name === "PREDIKAT") predikat = row.getCell(10).value as string;
      if (typeof row.getCell(1).value === "string" && /^\d\.[a-c]\.\d+$/.test(row.getCell(1).value as string)) rows++;
    });
    expect(rows).toBe(codes.length);
    expect(total).toBe(98.8);
    expect(shown).toContain(`Nilai ${String(total).replace(".", ",")} · predikat ${predikat}`);
    const reviewed = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "1.a.1")!;
    expect([reviewed.getCell(4).value, reviewed.getCell(8).value, reviewed.getCell(9).value, reviewed.getCell(10).value]).toEqual(["Y", "T", NOTE, 0]);
  });
});

test("the platform administrator copies an edition and edits the copy's criterion; an edition in use is read only; an agency administrator is refused", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const platform = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(platform, "admin@alurkinerja.demo");
  await platform.goto("/admin");
  await platform.getByRole("link", { name: "Edisi LKE" }).click();
  await expect(platform.getByRole("heading", { name: "Edisi LKE (Lembar Kerja Evaluasi SAKIP)" })).toBeVisible();
  // 88/2021 is used by the demo agency's evaluations: read only, no forms.
  await platform.getByTestId("lke-editions").getByRole("link", { name: EDITION_88.editionName }).click();
  await expect(platform.getByText(/Edisi ini dipakai \d+ evaluasi LKE: hanya dapat dibaca/)).toBeVisible();
  await expect(platform.locator("form[data-testid^='lke-edition-criterion-']")).toHaveCount(0);

  const name = `Permenpan RB uji ${Date.now()}`;
  const copy = platform.getByTestId("lke-edition-copy");
  await copy.getByLabel("Nama edisi baru").fill(name);
  await copy.getByLabel("Berlaku mulai tahun").fill("2021");
  await copy.getByRole("button", { name: "Salin menjadi edisi baru" }).click();
  await expect(copy.getByText("Sudah ada edisi yang berlaku mulai tahun 2021: pilih tahun lain.")).toBeVisible();
  await copy.getByLabel("Berlaku mulai tahun").fill("2099");
  await copy.getByRole("button", { name: "Salin menjadi edisi baru" }).click();
  await expect(platform.getByRole("heading", { name: new RegExp(name) })).toBeVisible();

  const criterion = platform.getByTestId("lke-edition-criterion-1.a.1");
  await criterion.getByLabel("Nilai jawaban 1").fill("1.5");
  await criterion.getByRole("button", { name: "Simpan kriteria" }).click();
  await expect(criterion.getByText("Nilai jawaban harus antara 0 dan 1.")).toBeVisible();
  await criterion.getByLabel("Nilai jawaban 1").fill("1");
  await criterion.getByLabel("Kode jawaban 2").fill("Y");
  await criterion.getByRole("button", { name: "Simpan kriteria" }).click();
  await expect(criterion.getByText("Kode jawaban Y dipakai lebih dari sekali.")).toBeVisible();
  await criterion.getByLabel("Kode jawaban 2").fill("S");
  await criterion.getByLabel("Keterangan jawaban 2").fill("Sebagian");
  await criterion.getByLabel("Nilai jawaban 2").fill("0.5");
  await criterion.getByRole("button", { name: "Tambah jawaban" }).click();
  await criterion.getByLabel("Kode jawaban 3").fill("T");
  await criterion.getByLabel("Keterangan jawaban 3").fill("Tidak");
  await criterion.getByLabel("Nilai jawaban 3").fill("0");
  await criterion.getByLabel("Bobot (relatif terhadap kriteria lain di subkomponen)").fill("2");
  await criterion.getByRole("button", { name: "Simpan kriteria" }).click();
  await expect(platform.getByText("Kriteria 1.a.1 disimpan.").first()).toBeVisible();
  await platform.reload();
  await expect(platform.getByTestId("lke-edition-criterion-1.a.1").getByLabel("Keterangan jawaban 2")).toHaveValue("Sebagian");
  await expect(platform.getByTestId("lke-edition-criterion-1.a.1").getByLabel("Bobot (relatif terhadap kriteria lain di subkomponen)")).toHaveValue("2");
  await keepScreenshot(platform, { path: testInfo.outputPath("lke-edition-editor-1366-top.png") });
  await platform.getByTestId("lke-edition-group-1").scrollIntoViewIfNeeded();
  await keepScreenshot(platform, { path: testInfo.outputPath("lke-edition-editor-1366.png") });

  const agencyAdmin = await (await browser.newContext()).newPage();
  await signIn(agencyAdmin, freshMember(PERIKANAN, "ADMIN").email);
  await agencyAdmin.goto("/admin/lke");
  await expect(agencyAdmin.getByRole("heading", { name: "Edisi LKE (Lembar Kerja Evaluasi SAKIP)" })).toHaveCount(0);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

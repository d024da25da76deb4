/**
 * The LKE workbench on an agency nobody seeded (the Dinas Perikanan of
 * tests/fixtures/fresh-agencies.ts; decisions 033, 036): its administrator gives an
 * Inspektorat auditor access by NIP, opens the 2025 evaluation from the menu, answers the
 * criteria (one with the system's suggested evidence attached in one tap), is refused while
 * some are unanswered, submits; the auditor lowers one answer with a recommendation,
 * completes the review and locks; everything is then read only, the recommendation becomes
 * a follow-up of a Bidang, and the score and predikat on the page equal the downloaded sheet's.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";

import { EDITION_88 } from "@/lib/lke/edition-88";
import { criteriaOf } from "@/lib/lke/structure";

import { freshMember, INSPEKTORAT, PERIKANAN, PERIKANAN_UNIT } from "../fixtures/fresh-agencies";
import { signIn } from "./helpers";

const SLUG = PERIKANAN.slug;
const YEAR = 2025;
const PAGE = `/a/${SLUG}/lke?tahun=${YEAR}`;
const NOTE = "Tetapkan pedoman teknis perencanaan kinerja dengan keputusan kepala dinas.";

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

test("the agency self-assesses and submits, the Inspektorat reviews and locks; the page's score is the sheet's", async ({ browser }) => {
  test.setTimeout(360_000);
  const admin = await (await browser.newContext()).newPage();
  const auditor = await (await browser.newContext()).newPage();
  const codes = criteriaOf(EDITION_88).map((c) => c.criterion.code);

  await test.step("the administrator gives the Inspektorat auditor access by NIP", async () => {
    await signIn(admin, freshMember(PERIKANAN, "ADMIN").email);
    await admin.goto(`/a/${SLUG}/anggota`);
    await admin.getByLabel("NIP auditor").fill(INSPEKTORAT.nip);
    await admin.getByRole("button", { name: "Beri akses auditor" }).click();
    await expect(admin.getByText("Akses auditor diberikan.")).toBeVisible();
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

  await test.step("the auditor lowers one answer with a recommendation, completes the review and locks", async () => {
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
    await confirmStep(auditor, "Selesaikan reviu");
    await expect(auditor.getByTestId("lke-status")).toHaveText("Selesai direviu");
    await confirmStep(auditor, "Kunci LKE");
    await expect(auditor.getByTestId("lke-status")).toHaveText("Dikunci");
    await expect(auditor.getByText("LKE ini sudah dikunci: hanya dapat dibaca.")).toBeVisible();
    await expect(auditor.locator("form[data-testid^='lke-']")).toHaveCount(0);
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

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import { expect, test, type Page } from "@playwright/test";

import { TIME_UNIT_LABELS, type TStepKind, type TTimeUnit } from "@/lib/sop/schemas";
import { SEED_SOP_TSV, SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";

import { signIn } from "./helpers";

/** The SOP editor, the paste/JSON import and who may open them. */

const DOCUMENT_URL = (slug: string) => new RegExp(`/a/${slug}/sops/(?!new$|import$)[^/]+$`);

interface StepInput {
  kegiatan: string;
  executor?: string;
  kind: TStepKind;
  waktu: [string, TTimeUnit];
  output: string;
}

async function fillHeader(page: Page, nomor: string, nama: string) {
  await page.getByLabel("Nomor SOP").fill(nomor);
  await page.getByLabel("Nama SOP").fill(nama);
  await page.getByLabel("Unit", { exact: true }).fill("Sekretariat");
  await page.getByLabel("Jabatan", { exact: true }).fill("Kepala Dinas Bina Marga, Cipta Karya dan Tata Ruang");
  await page.getByLabel("Nama", { exact: true }).fill("Ir. Riza Pahlevi, M.T.");
}

const stepCard = (page: Page, n: number) => page.getByTestId(`step-${n}`);

async function fillSteps(page: Page, steps: StepInput[]) {
  for (const [i, s] of steps.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Tambah langkah" }).click();
    const card = stepCard(page, i + 1);
    await card.getByLabel("Kegiatan").fill(s.kegiatan);
    if (s.executor) await card.getByLabel("Pelaksana", { exact: true }).selectOption(s.executor);
    await card.getByLabel("Jenis langkah").selectOption(s.kind);
    await card.getByLabel("Jumlah waktu").fill(s.waktu[0]);
    await card.getByLabel("Satuan waktu").selectOption(s.waktu[1]);
    await card.getByLabel("Output").fill(s.output);
  }
}

const save = (page: Page) => page.getByRole("button", { name: "Simpan sebagai Draf" }).click();

test("the Sumatera Barat administrator builds an SOP whose approval returns two steps back, sees the return in the preview, saves and edits it", async ({
  page,
}) => {
  await signIn(page, "admin@sumbar.demo");
  await page.goto("/a/bmcktr-sumbar/sops/new");
  await expect(page.getByRole("heading", { name: "SOP baru" })).toBeVisible();

  const nomor = `800/E2E-${Date.now()}/BMCKTR`;
  await fillHeader(page, nomor, "Pengukuran Kinerja Triwulan");
  await page.getByRole("button", { name: "Tambah butir: Dasar Hukum" }).click();
  await page.getByRole("textbox", { name: "Dasar Hukum butir 1" }).fill("Peraturan Presiden Nomor 29 Tahun 2014");
  await fillSteps(page, [
    { kegiatan: "Kepala Dinas memerintahkan pengukuran kinerja", executor: "KADIS", kind: "DISPOSITION", waktu: ["10", "MENIT"], output: "Nota Kepala Dinas" },
    { kegiatan: "Tim SAKIP menyiapkan format realisasi", executor: "TIM_SAKIP", kind: "DRAFT", waktu: ["1", "JAM"], output: "Format realisasi" },
    { kegiatan: "Bidang mengisi realisasi dan data dukung", executor: "BIDANG", kind: "INPUT", waktu: ["2", "HARI"], output: "Draf realisasi" },
    { kegiatan: "Kepala Dinas menyetujui laporan realisasi", executor: "KADIS", kind: "APPROVAL", waktu: ["2", "JAM"], output: "Laporan disetujui" },
    { kegiatan: "Subbag Perencanaan mengunggah dan mengarsipkan", executor: "SUBBAG_PERENCANAAN", kind: "ARCHIVE", waktu: ["30", "MENIT"], output: "Arsip" },
  ]);
  // Only earlier steps are offered for "Tidak"; "Ya" defaults to the next step.
  const decision = stepCard(page, 4);
  await expect(decision.getByLabel("Jika Tidak kembali ke").locator("option")).toHaveText([
    "— Pilih langkah sebelumnya —",
    /^Langkah 1: /,
    /^Langkah 2: /,
    /^Langkah 3: /,
  ]);
  await decision.getByLabel("Jika Tidak kembali ke").selectOption("2");
  await expect(decision.getByLabel("Jika Ya lanjut ke")).toHaveValue("");
  await expect(decision.getByLabel("Jika Ya lanjut ke").locator("option:checked")).toHaveText("Langkah berikutnya (langkah 5)");

  const preview = page.getByTestId("flowchart-preview");
  await expect(preview.locator('svg [data-symbol="decision"][data-step="4"]')).toHaveCount(1);
  await expect(preview.locator('svg [data-edge="no"][data-from="4"][data-to="2"]')).toHaveCount(1);
  await expect(preview.locator('svg [data-edge="yes"][data-from="4"][data-to="5"]')).toHaveCount(1);

  // Inserting a step renumbers the rest; the return keeps pointing at the same step.
  await stepCard(page, 1).getByRole("button", { name: "Sisipkan langkah di bawah langkah 1" }).click();
  await expect(stepCard(page, 5).getByLabel("Jika Tidak kembali ke")).toHaveValue("3");
  await expect(preview.locator('svg [data-edge="no"][data-from="5"][data-to="3"]')).toHaveCount(1);
  await stepCard(page, 2).getByRole("button", { name: "Hapus langkah 2" }).click();
  await expect(stepCard(page, 4).getByLabel("Jika Tidak kembali ke")).toHaveValue("2");
  await expect(preview.locator('svg [data-edge="no"][data-from="4"][data-to="2"]')).toHaveCount(1);
  await expect(page.getByTestId("step-6")).toHaveCount(0);

  await save(page);
  await expect(page.getByText("SOP disimpan sebagai Draf.")).toBeVisible();
  await expect(page).toHaveURL(DOCUMENT_URL("bmcktr-sumbar"));
  await expect(page.getByText(nomor).first()).toBeVisible();
  await expect(page.getByText("Pengukuran Kinerja Triwulan").first()).toBeVisible();

  // The draft opens in the editor with what was saved, and saves again.
  const documentUrl = page.url();
  await page.goto(`${documentUrl}/edit`);
  await expect(page.getByLabel("Nomor SOP")).toHaveValue(nomor);
  await expect(stepCard(page, 4).getByLabel("Jika Tidak kembali ke")).toHaveValue("2");
  await expect(page.getByRole("textbox", { name: "Dasar Hukum butir 1" })).toHaveValue("Peraturan Presiden Nomor 29 Tahun 2014");
  await page.getByLabel("Nama SOP").fill("Pengukuran Kinerja Triwulanan");
  // Step 3 is done by every unit of a chosen list (two Bidang), not by a unit kind.
  const input = stepCard(page, 3);
  await input.getByLabel("Dikerjakan oleh").selectOption("EVERY_UNIT");
  await expect(input.getByLabel("Jenis unit")).toHaveValue("BIDANG");
  await expect(input.getByTestId("step-3-units")).toHaveCount(0);
  await input.getByLabel("Jenis unit").selectOption({ label: "Unit tertentu (pilih di bawah)" });
  const units = input.getByTestId("step-3-units");
  await units.getByRole("checkbox", { name: "Bidang Bina Marga" }).check();
  await units.getByRole("checkbox", { name: "Bidang Tata Ruang" }).check();
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByText("Perubahan SOP disimpan.")).toBeVisible();
  await expect(page).toHaveURL(documentUrl);
  await expect(page.getByText("Pengukuran Kinerja Triwulanan").first()).toBeVisible();
  await expect(page.locator('tr[data-step="3"] [data-field="assignment"]')).toHaveText("Dikerjakan oleh setiap unit: Bidang Bina Marga, Bidang Tata Ruang");
  // And the editor shows the list again.
  await page.goto(`${documentUrl}/edit`);
  await expect(stepCard(page, 3).getByLabel("Jenis unit")).toHaveValue("LIST");
  await expect(stepCard(page, 3).getByTestId("step-3-units").getByRole("checkbox", { name: "Bidang Tata Ruang" })).toBeChecked();
  await expect(stepCard(page, 3).getByTestId("step-3-units").getByRole("checkbox", { name: "Bidang Cipta Karya" })).not.toBeChecked();
});

test("invalid SOPs are refused with a clear message next to the field, and nothing is saved", async ({ page }) => {
  await signIn(page, "admin@sumbar.demo");
  await page.goto("/a/bmcktr-sumbar/sops/new");
  const nomor = `800/E2E-INVALID-${Date.now()}`;
  await fillHeader(page, nomor, "SOP yang tidak valid");
  await fillSteps(page, [
    { kegiatan: "Kepala Dinas memerintahkan pengukuran kinerja", executor: "KADIS", kind: "DISPOSITION", waktu: ["10", "MENIT"], output: "Nota" },
    { kegiatan: "Tim SAKIP menyiapkan format", executor: "TIM_SAKIP", kind: "DRAFT", waktu: ["0", "JAM"], output: "Format" },
    // No executor.
    { kegiatan: "Memeriksa format; jika tidak sesuai dikembalikan", kind: "REVIEW", waktu: ["1", "JAM"], output: "Format diperiksa" },
    { kegiatan: "Subbag Perencanaan mengarsipkan", executor: "SUBBAG_PERENCANAAN", kind: "ARCHIVE", waktu: ["-5", "MENIT"], output: "Arsip" },
  ]);
  await stepCard(page, 3).getByLabel("Jika Tidak kembali ke").selectOption("2");

  await save(page);
  const summary = page.getByTestId("sop-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("SOP belum disimpan.");
  await expect(summary).toContainText("Langkah 2 · Waktu: Waktu harus lebih dari 0");
  await expect(summary).toContainText("Langkah 4 · Waktu: Waktu harus lebih dari 0");
  await expect(summary).toContainText("Langkah 3 · Pelaksana: Setiap langkah harus memiliki tepat satu pelaksana");
  await expect(stepCard(page, 2).getByText("Waktu harus lebih dari 0")).toBeVisible();
  await expect(stepCard(page, 3).getByText("Setiap langkah harus memiliki tepat satu pelaksana")).toBeVisible();
  await expect(stepCard(page, 2).getByLabel("Jumlah waktu")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sops\/new$/);

  await stepCard(page, 2).getByLabel("Jumlah waktu").fill("1");
  await stepCard(page, 4).getByLabel("Jumlah waktu").fill("5");
  await stepCard(page, 3).getByLabel("Pelaksana", { exact: true }).selectOption("SEKRETARIS");
  await expect(summary).toHaveCount(0);

  // Moving step 2 below the review makes the review step 2, its "Tidak" still pointing at
  // the moved step, now step 3: a later step, which the whole-document check refuses.
  await stepCard(page, 2).getByRole("button", { name: "Pindahkan langkah 2 ke bawah" }).click();
  await expect(stepCard(page, 2).getByLabel("Jenis langkah")).toHaveValue("REVIEW");
  await expect(stepCard(page, 2).getByLabel("Jika Tidak kembali ke")).toHaveValue("3");
  await expect(stepCard(page, 2).getByLabel("Jika Tidak kembali ke").locator("option:checked")).toHaveText("Langkah 3 (tidak sesuai)");
  await save(page);
  const forward = 'Alur "Tidak" pada langkah 2 harus kembali ke langkah sebelumnya (nomor kurang dari 2), bukan ke langkah 3';
  await expect(summary).toContainText(forward);
  await expect(stepCard(page, 2).getByText(forward)).toBeVisible();
  await expect(page).toHaveURL(/\/sops\/new$/);

  // Fixed in the form, the server still refuses a nomor that another SOP holds, next to the field.
  await stepCard(page, 2).getByLabel("Jika Tidak kembali ke").selectOption("1");
  await page.getByLabel("Nomor SOP").fill(SEED_SOPS["bmcktr-sumbar"].nomor);
  await save(page);
  const taken = `Nomor SOP ${SEED_SOPS["bmcktr-sumbar"].nomor} sudah dipakai SOP lain di instansi ini.`;
  await expect(summary).toContainText(taken);
  await expect(page.locator("#sop-nomor-error")).toHaveText(taken);
  await expect(page.getByLabel("Nomor SOP")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sops\/new$/);

  await page.goto("/a/bmcktr-sumbar/sops");
  await expect(page.getByText(SEED_SOPS["bmcktr-sumbar"].nomor).first()).toBeVisible();
  await expect(page.getByText(nomor)).toHaveCount(0);
  await expect(page.getByText("SOP yang tidak valid")).toHaveCount(0);
});

const ADMIN_OF: Record<TSeedSopSlug, string> = {
  "diskominfo-lumajang": "admin@lumajang.demo",
  "setwan-balangan": "admin@balangan.demo",
  "bmcktr-sumbar": "admin@sumbar.demo",
};
const formatNumber = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(n);

for (const slug of Object.keys(SEED_SOP_TSV) as TSeedSopSlug[]) {
  test(`pasting the procedure table of ${slug} shows the seed's steps for review`, async ({ page }) => {
    const seed = SEED_SOPS[slug];
    await signIn(page, ADMIN_OF[slug]);
    await page.goto(`/a/${slug}/sops/import`);
    await page.getByRole("tab", { name: "Tempel tabel prosedur" }).click();
    await page.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(SEED_SOP_TSV[slug]);
    await page.getByRole("button", { name: "Baca tabel" }).click();

    const review = page.getByTestId("paste-review");
    await expect(review.getByRole("heading", { name: `Tinjau ${seed.steps.length} langkah hasil tempel` })).toBeVisible();
    await expect(review.locator('[data-testid^="paste-step-"]')).toHaveCount(seed.steps.length);
    for (const step of seed.steps) {
      const row = review.getByTestId(`paste-step-${step.number}`);
      await expect(row.getByTestId("paste-kegiatan")).toHaveText(step.kegiatan);
      await expect(row.getByTestId("paste-waktu")).toHaveText(`${formatNumber(step.waktuJumlah)} ${TIME_UNIT_LABELS[step.waktuSatuan]}`);
      await expect(row.getByTestId("paste-output")).toHaveText(step.output);
    }
    // The agency's roles all matched: nobody is offered as a new role.
    await expect(review.getByText("Peran yang tidak ditemukan")).toHaveCount(0);

    if (slug !== "bmcktr-sumbar") return;
    // Every executor of this seed is named in the text: continue, complete the header, save.
    for (const step of seed.steps) {
      await expect(review.getByLabel(`Pelaksana langkah ${step.number}`, { exact: true })).toHaveValue(step.executorRoleCode);
    }
    await page.getByRole("button", { name: "Lanjutkan ke editor" }).click();
    await expect(stepCard(page, seed.steps.length).getByLabel("Kegiatan")).toHaveValue(seed.steps.at(-1)!.kegiatan);
    await expect(page.getByTestId("flowchart-preview").locator('svg [data-edge="no"]')).toHaveCount(1);
    const nomor = `800/E2E-TEMPEL-${Date.now()}`;
    await fillHeader(page, nomor, "Pengukuran Kinerja (dari tabel)");
    await save(page);
    await expect(page.getByText("SOP disimpan sebagai Draf.")).toBeVisible();
    await expect(page).toHaveURL(DOCUMENT_URL(slug));
    await expect(page.getByText(nomor).first()).toBeVisible();
  });
}

test("an executor column the agency does not have is offered as a new role and must be replaced before continuing", async ({ page }) => {
  // The Sumatera Barat table with its "Bidang" column renamed and step 4 marked in it.
  const lines = SEED_SOP_TSV["bmcktr-sumbar"].split("\n");
  lines[1] = lines[1]!.replace("\tBidang\t", "\tKepala Seksi Jalan\t");
  const cells = lines[5]!.split("\t");
  cells[4] = "x";
  lines[5] = cells.join("\t");

  await signIn(page, "admin@sumbar.demo");
  await page.goto("/a/bmcktr-sumbar/sops/import?tab=paste");
  await page.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(lines.join("\n"));
  await page.getByRole("button", { name: "Baca tabel" }).click();
  await expect(page.getByRole("heading", { name: "Peran yang tidak ditemukan" })).toBeVisible();
  const step4 = page.getByTestId("paste-step-4");
  await expect(step4.getByTestId("paste-executor-note")).toHaveText(/Kepala Seksi Jalan\s*peran baru/);
  await expect(step4.getByLabel("Pelaksana langkah 4", { exact: true })).toHaveValue("");

  await page.getByRole("button", { name: "Lanjutkan ke editor" }).click();
  await expect(page.getByText("Pilih peran pengganti untuk: “Kepala Seksi Jalan”.")).toBeVisible();
  await expect(page.getByLabel("Nomor SOP")).toHaveCount(0);

  await page.getByLabel("Ganti peran baru “Kepala Seksi Jalan” dengan").selectOption("BIDANG");
  await expect(step4.getByLabel("Pelaksana langkah 4", { exact: true })).toHaveValue("BIDANG");
  await page.getByRole("button", { name: "Lanjutkan ke editor" }).click();
  await expect(stepCard(page, 4).getByLabel("Pelaksana", { exact: true })).toHaveValue("BIDANG");
});

test("a JSON export imports as a new draft, and a file that is not an export is refused", async ({ page }) => {
  await signIn(page, "admin@sumbar.demo");
  await page.goto("/a/bmcktr-sumbar/sops/import");
  const file = page.getByLabel("Berkas JSON SOP");

  await file.setInputFiles({ name: "bukan.json", mimeType: "application/json", buffer: Buffer.from("{ ini bukan json") });
  await page.getByRole("button", { name: "Impor sebagai Draf" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Berkas bukan JSON yang valid." })).toBeVisible();
  await expect(page).toHaveURL(/\/sops\/import$/);

  const nomor = `800/E2E-JSON-${Date.now()}`;
  const envelope = { format: "alur-kinerja/sop", formatVersion: 1, sop: { ...SEED_SOPS["bmcktr-sumbar"], nomor } };
  await file.setInputFiles({ name: "sop.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(envelope)) });
  await page.getByRole("button", { name: "Impor sebagai Draf" }).click();
  await expect(page.getByText("SOP diimpor sebagai Draf.", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(DOCUMENT_URL("bmcktr-sumbar"));
  await expect(page.getByText(nomor).first()).toBeVisible();
});

test("a member without the right to edit SOPs, or from another agency, gets 404 on the editor and the import", async ({ browser }) => {
  const staff = await browser.newPage();
  await signIn(staff, "staff@lumajang.demo");
  for (const path of ["/a/diskominfo-lumajang/sops/new", "/a/diskominfo-lumajang/sops/import"]) {
    const response = await staff.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(staff.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  }
  const outsider = await browser.newPage();
  await signIn(outsider, "admin@sumbar.demo");
  const response = await outsider.goto("/a/diskominfo-lumajang/sops/new");
  expect(response?.status()).toBe(404);
});

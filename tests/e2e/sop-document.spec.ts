import { expect, test, type Locator, type Page } from "@playwright/test";

import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";

import { keepScreenshot, signIn } from "./helpers";

/**
 * The official SOP document: every seed SOP, opened from the SOP list by an ordinary
 * member, shows its identity header, paired boxes and procedure table exactly as
 * transcribed in lib/sop/seed-sops.ts (seeded ACTIVE by the demo data), with each step's
 * symbol in its executor's column; it prints to A4 without cutting anything off; and the
 * buttons follow the member's permissions.
 */

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
/** "2024-01-05" -> "5 Januari 2024", written out here rather than borrowed from lib/format. */
const tanggal = (iso: string | null) => {
  if (!iso) return "-";
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};
const nip = (n: string) => `NIP. ${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
const WAKTU_UNITS = { MENIT: "menit", JAM: "jam", HARI: "hari kerja" } as const;

const AGENCIES: { slug: TSeedSopSlug; member: string; government: string }[] = [
  { slug: "diskominfo-lumajang", member: "staff@lumajang.demo", government: "PEMERINTAH KABUPATEN LUMAJANG" },
  { slug: "setwan-balangan", member: "staf@balangan.demo", government: "PEMERINTAH KABUPATEN BALANGAN" },
  { slug: "bmcktr-sumbar", member: "bidang@sumbar.demo", government: "PEMERINTAH PROVINSI SUMATERA BARAT" },
];

function roleName(slug: TSeedSopSlug, code: string): string {
  const role = SEED_AGENCIES.find((a) => a.slug === slug)?.roles.find((r) => r.code === code);
  if (!role) throw new Error(`unknown role ${code} in ${slug}`);
  return role.name;
}

async function openSeedSop(page: Page, slug: TSeedSopSlug): Promise<Locator> {
  const sop = SEED_SOPS[slug];
  await page.goto(`/a/${slug}`);
  // On a phone the navigation is inside the header's Menu.
  const menu = page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "SOP", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Daftar SOP" })).toBeVisible();
  const card = page.getByTestId("sop-series").filter({ hasText: sop.nomor });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Berlaku");
  await card.getByRole("link", { name: sop.nama }).click();
  const doc = page.getByTestId("sop-document");
  await expect(doc).toBeVisible();
  return doc;
}

/** Centre of a box, horizontally. */
async function centreX(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return box.x + box.width / 2;
}

for (const agency of AGENCIES) {
  test(`${agency.slug}: a member opens the SOP from the list and reads the whole document`, async ({ page }) => {
    const sop = SEED_SOPS[agency.slug];
    await signIn(page, agency.member);
    const doc = await openSeedSop(page, agency.slug);
    await expect(page.getByTestId("sop-status-banner")).toContainText("Berlaku sejak");

    // Identity header.
    const field = (name: string) => doc.locator(`[data-field="${name}"]`);
    await expect(field("government")).toHaveText(agency.government);
    await expect(field("agency")).toHaveText(SEED_AGENCIES.find((a) => a.slug === agency.slug)!.name.toUpperCase());
    await expect(doc.locator(".sop-identity")).toContainText(sop.unit.toUpperCase());
    await expect(field("nomor")).toHaveText(sop.nomor);
    await expect(field("nama")).toHaveText(sop.nama);
    await expect(field("tanggalPembuatan")).toHaveText(tanggal(sop.tanggalPembuatan));
    await expect(field("tanggalRevisi")).toHaveText(tanggal(sop.tanggalRevisi));
    await expect(field("tanggalEfektif")).toHaveText(tanggal(sop.tanggalEfektif));
    // A bare "Kepala" (as the Sumatera Barat seed has it) prints as the full title of the head of the agency.
    const agencyName = SEED_AGENCIES.find((a) => a.slug === agency.slug)!.name;
    await expect(field("disahkanJabatan")).toHaveText(sop.disahkanJabatan === "Kepala" ? `Kepala ${agencyName}` : sop.disahkanJabatan);
    await expect(field("disahkanNama")).toHaveText(sop.disahkanNama);
    if (sop.disahkanPangkat) await expect(field("disahkanPangkat")).toHaveText(sop.disahkanPangkat);
    else await expect(field("disahkanPangkat")).toHaveCount(0);
    await expect(field("disahkanNip")).toHaveText(nip(sop.disahkanNip!));

    // The paired boxes, as numbered lists in order.
    for (const key of ["dasarHukum", "kualifikasiPelaksana", "keterkaitan", "peralatan", "pencatatan"] as const) {
      const items = sop[key];
      if (items.length > 0) await expect(field(key).locator("li"), key).toHaveText(items);
      else await expect(field(key), key).toHaveText("-");
    }
    await expect(field("peringatan")).toHaveText(sop.peringatan || "-");

    // Every step in order: activity, time standard, output, and the executor column.
    const rows = doc.locator("tr[data-step]");
    await expect(rows).toHaveCount(sop.steps.length);
    for (const [i, step] of sop.steps.entries()) {
      const row = rows.nth(i);
      const label = `step ${step.number}`;
      await expect(row, label).toHaveAttribute("data-step", String(step.number));
      await expect(row, label).toHaveAttribute("data-executor", step.executorRoleCode);
      await expect(row.locator('[data-field="kegiatan"]'), label).toHaveText(step.kegiatan);
      await expect(row.locator('[data-field="waktu"]'), label).toHaveText(`${step.waktuJumlah} ${WAKTU_UNITS[step.waktuSatuan]}`);
      await expect(row.locator('[data-field="output"]'), label).toHaveText(step.output);
      await expect(row.locator('[data-field="kelengkapan"]'), label).toHaveText(step.kelengkapan);
      const executorCell = row.locator("td[data-executor-cell]");
      await expect(executorCell, label).toHaveAttribute("data-executor-cell", step.executorRoleCode);
      await expect(executorCell, label).toContainText(`Pelaksana: ${roleName(agency.slug, step.executorRoleCode)}`);
      // The step's symbol is drawn in its executor's column.
      const symbol = doc.locator(`[data-symbol][data-step="${step.number}"]`);
      await expect(symbol, label).toBeVisible();
      const cellBox = (await executorCell.boundingBox())!;
      const x = await centreX(symbol);
      expect(x, `${label}: symbol centred in the executor's column`).toBeGreaterThan(cellBox.x + cellBox.width * 0.4);
      expect(x, `${label}: symbol centred in the executor's column`).toBeLessThan(cellBox.x + cellBox.width * 0.6);
      for (const code of step.participantRoleCodes) {
        await expect(row.locator('[data-field="participants"]'), label).toContainText(roleName(agency.slug, code));
      }
    }
    // First and last steps are terminators.
    await expect(doc.locator(`[data-symbol="terminator"][data-step="${sop.steps[0]!.number}"]`)).toHaveCount(1);
    await expect(doc.locator(`[data-symbol="terminator"][data-step="${sop.steps.at(-1)!.number}"]`)).toHaveCount(1);
  });
}

test("the Sumatera Barat decision step is a diamond with Ya and Tidak exits, and the return crosses sheets through lettered connectors", async ({ page }) => {
  const sop = SEED_SOPS["bmcktr-sumbar"];
  const decision = sop.steps.find((s) => s.noStepNumber !== null)!;
  await signIn(page, "sekretaris@sumbar.demo");
  const doc = await openSeedSop(page, "bmcktr-sumbar");
  await expect(doc.locator(`[data-symbol="decision"][data-step="${decision.number}"]`)).toBeVisible();
  const overlay = doc.locator(`[data-flow-row="${decision.number}"]`);
  await expect(overlay.locator(".sop-flow-label").filter({ hasText: /^Ya$/ })).toBeVisible();
  await expect(overlay.locator(".sop-flow-label").filter({ hasText: /^Tidak$/ })).toBeVisible();
  await expect(doc.locator(`tr[data-step="${decision.number}"] [data-field="route"]`)).toHaveText(
    `Ya: lanjut ke langkah ${decision.number + 1} / Tidak: kembali ke langkah ${decision.noStepNumber}`,
  );
  // Each connector letter appears once where the flow leaves a sheet and once where it resumes.
  const sheets = doc.getByTestId("sop-sheet");
  expect(await sheets.count()).toBeGreaterThanOrEqual(2);
  const letters = await doc.locator("[data-connector]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-connector")}:${e.getAttribute("data-direction")}`));
  expect(letters.length).toBeGreaterThan(0);
  for (const letter of new Set(letters.map((l) => l.split(":")[0]))) {
    expect(letters.filter((l) => l === `${letter}:out`), letter).toHaveLength(1);
    expect(letters.filter((l) => l === `${letter}:in`), letter).toHaveLength(1);
  }
  // Every sheet repeats the header rows.
  for (let i = 0; i < (await sheets.count()); i++) {
    await expect(sheets.nth(i).locator("thead th").filter({ hasText: /^Pelaksana$/i })).toHaveCount(1);
  }
});

test("the document prints to A4: nothing overflows its page box and the PDF has the identity page and the procedure sheets", async ({ page }, testInfo) => {
  await signIn(page, "kadis@lumajang.demo");
  const doc = await openSeedSop(page, "diskominfo-lumajang");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("sop-actions")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();

  // Identity: at the 186 mm portrait width. Sheets: at the 277 mm landscape width.
  for (const [selector, width] of [
    [".sop-identity", 703],
    ['[data-testid="sop-sheet"]', 1047],
  ] as const) {
    await page.setViewportSize({ width, height: 1000 });
    const problems = await doc.locator(selector).evaluateAll((boxes) =>
      boxes.flatMap((box, index) => {
        const frame = box.getBoundingClientRect();
        const out: string[] = [];
        if (box.scrollWidth > box.clientWidth + 1) out.push(`box ${index} scrolls: ${box.scrollWidth} > ${box.clientWidth}`);
        for (const el of box.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.left < frame.left - 1 || r.right > frame.right + 1) out.push(`${el.tagName}.${el.className} [${r.left}, ${r.right}] outside [${frame.left}, ${frame.right}]`);
          // The flowchart overlay spans the executor columns from their first cell on purpose.
          const overlaid = el.querySelector(":scope > .sop-flow") !== null;
          if ((el.tagName === "TD" || el.tagName === "TH") && !overlaid && el.scrollWidth > el.clientWidth + 1) {
            out.push(`${el.tagName} text overflows: ${el.textContent}`);
          }
        }
        for (const table of box.querySelectorAll("table")) {
          const parent = table.parentElement!;
          if (table.scrollWidth > parent.clientWidth + 1) out.push(`table ${table.scrollWidth} wider than ${parent.clientWidth}`);
        }
        return out;
      }),
    );
    expect(problems, selector).toEqual([]);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  const sheets = await doc.getByTestId("sop-sheet").count();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages, "identity page + one page per procedure sheet").toBe(1 + sheets);
  await testInfo.attach("sop-diskominfo-lumajang.pdf", { body: pdf, contentType: "application/pdf" });
  const { writeFile } = await import("node:fs/promises");
  await writeFile(testInfo.outputPath("sop-diskominfo-lumajang.pdf"), pdf);
  await keepScreenshot(page, { path: testInfo.outputPath("sop-diskominfo-lumajang-print.png"), fullPage: true });
});

test("on a 390 px phone the page does not scroll sideways; the procedure table scrolls in its own box", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "staf@balangan.demo");
  const doc = await openSeedSop(page, "setwan-balangan");
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);
  const scroller = doc.locator(".sop-sheet-scroll").first();
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  // The activity column stays in view while the executor columns scroll under it.
  const kegiatan = doc.locator('tr[data-step="1"] [data-field="kegiatan"]').first();
  const before = await kegiatan.boundingBox();
  await scroller.evaluate((el) => (el.scrollLeft = 400));
  await expect.poll(async () => (await kegiatan.boundingBox())?.x).toBe(before?.x);
  await keepScreenshot(page, { path: test.info().outputPath("sop-setwan-balangan-390.png"), fullPage: true });
});

test("buttons follow permissions: an auditor reads without edit or activation controls; staff cannot make a new version", async ({ browser }) => {
  const auditor = await browser.newPage();
  await signIn(auditor, "auditor@lumajang.demo");
  const doc = await openSeedSop(auditor, "diskominfo-lumajang");
  await expect(doc.locator("tr[data-step]")).toHaveCount(SEED_SOPS["diskominfo-lumajang"].steps.length);
  const actions = auditor.getByTestId("sop-actions");
  await expect(actions.getByRole("button", { name: "Cetak" })).toBeVisible();
  // The server's PDF of the same SOP (decision 034): identity and procedure table, fonts embedded.
  const pdfHref = await actions.getByRole("link", { name: "Unduh PDF" }).getAttribute("href");
  const pdf = await auditor.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  for (const name of ["Ubah draf", "Buat versi baru", "Sahkan", "Arsipkan"]) {
    await expect(auditor.getByRole("button", { name })).toHaveCount(0);
    await expect(auditor.getByRole("link", { name })).toHaveCount(0);
  }
  await auditor.getByRole("link", { name: "Kembali ke daftar SOP" }).click();
  await expect(auditor.getByRole("link", { name: "SOP baru" })).toHaveCount(0);
  await expect(auditor.getByRole("link", { name: "Impor SOP" })).toHaveCount(0);

  const staff = await browser.newPage();
  await signIn(staff, "staff@lumajang.demo");
  await openSeedSop(staff, "diskominfo-lumajang");
  await expect(staff.getByTestId("sop-actions").getByRole("button", { name: "Cetak" })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Buat versi baru" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Arsipkan" })).toHaveCount(0);

  // The controls exist for those allowed: the agency administrator edits, the head activates.
  const admin = await browser.newPage();
  await signIn(admin, "admin@lumajang.demo");
  await openSeedSop(admin, "diskominfo-lumajang");
  await expect(admin.getByRole("button", { name: "Buat versi baru" })).toBeVisible();
  await admin.getByRole("link", { name: "Kembali ke daftar SOP" }).click();
  await expect(admin.getByRole("link", { name: "SOP baru" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Impor SOP" })).toBeVisible();
  const head = await browser.newPage();
  await signIn(head, "kadis@lumajang.demo");
  await openSeedSop(head, "diskominfo-lumajang");
  await expect(head.getByRole("button", { name: "Arsipkan" })).toBeVisible();
  await expect(head.getByRole("button", { name: "Buat versi baru" })).toHaveCount(0);
});

test("an SOP of another agency answers 404 under this agency's address", async ({ browser }) => {
  const other = await browser.newPage();
  await signIn(other, "staf@balangan.demo");
  await openSeedSop(other, "setwan-balangan");
  const foreignId = other.url().split("/").at(-1)!;

  const member = await browser.newPage();
  await signIn(member, "staff@lumajang.demo");
  const response = await member.goto(`/a/diskominfo-lumajang/sops/${foreignId}`);
  expect(response?.status()).toBe(404);
  await expect(member.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
});

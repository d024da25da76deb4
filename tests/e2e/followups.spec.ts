/**
 * Tindak Lanjut Rekomendasi on an agency nobody seeded (the BKPSDM Bitung of
 * tests/fixtures/fresh-agencies.ts, its Evaluasi Kinerja Internal cycle past the meeting):
 * the meeting's leader records a follow-up for a Bidang from the cycle page, that Bidang's
 * head finds it in their inbox, overdue first, and closes it with a file; the list then
 * shows it Selesai.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { freshMember, KEPEGAWAIAN } from "../fixtures/fresh-agencies";
import { signIn } from "./helpers";

const SLUG = KEPEGAWAIAN.slug;
const UNIT = "Bidang Mutasi";
const RECOMMENDATION = "Mutakhirkan peta jabatan Bidang Mutasi sesuai hasil evaluasi Triwulan II";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

async function fitsPhone(page: Page, what: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${what} at 390 px`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Three days ago: overdue in any Indonesian time zone.
const pastDay = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

test("the evaluator adds a follow-up for a Bidang; its head sees it in the inbox and closes it with a file", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext()).newPage();
  const evaluator = await (await browser.newContext()).newPage();
  const kabid = await (await browser.newContext()).newPage();

  await test.step("the administrator creates the Bidang and places the Kepala Bidang in it", async () => {
    await signIn(admin, freshMember(KEPEGAWAIAN, "ADMIN").email);
    await admin.goto(`/a/${SLUG}/unit`);
    await admin.getByLabel("Nama unit").fill(UNIT);
    await admin.getByLabel("Jenis").selectOption({ label: "Bidang" });
    await admin.getByRole("button", { name: "Tambah unit" }).click();
    await expect(admin.getByText(`Unit “${UNIT}” ditambahkan.`)).toBeVisible();
    await admin.goto(`/a/${SLUG}/anggota`);
    const row = admin.getByTestId(`member-${freshMember(KEPEGAWAIAN, "KABID").nip}`);
    await row.getByLabel("Unit kerja").selectOption({ label: UNIT });
    await expect(admin.getByText("Unit kerja anggota disimpan.")).toBeVisible();
  });

  await test.step("the Sekretaris, who leads the evaluation meeting, adds a follow-up from the cycle page", async () => {
    await signIn(evaluator, freshMember(KEPEGAWAIAN, "SEKRETARIS").email);
    await evaluator.goto(`/a/${SLUG}/cycles`);
    await evaluator.getByTestId("cycle-list").getByRole("link").first().click();
    const panel = evaluator.getByTestId("cycle-followups");
    await expect(panel).toContainText("Tindak lanjut dari siklus ini");
    await expect(panel).toContainText("Belum ada tindak lanjut dari siklus ini.");
    await panel.locator("summary", { hasText: "Tambah tindak lanjut" }).click();
    // Nothing filled in: Indonesian messages, nothing saved.
    await panel.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    await expect(panel.getByText("Rekomendasi terlalu pendek (minimal 5 karakter).")).toBeVisible();
    await panel.getByLabel("Rekomendasi").fill(RECOMMENDATION);
    await panel.getByLabel("Unit penanggung jawab").selectOption({ label: UNIT });
    await panel.getByLabel("Tenggat").fill(pastDay);
    await panel.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    await expect(evaluator.getByText("Tindak lanjut ditambahkan.")).toBeVisible();
    const list = panel.getByTestId("cycle-followup-list");
    await expect(list).toContainText(RECOMMENDATION);
    await expect(list).toContainText("Lewat tenggat");
    await expect(list).toContainText(UNIT);
  });

  await test.step("the Kepala Bidang sees it in the inbox, overdue, and closes it with a file", async () => {
    await signIn(kabid, freshMember(KEPEGAWAIAN, "KABID").email);
    await kabid.goto(`/a/${SLUG}`);
    const mine = kabid.getByTestId("my-followups");
    await expect(mine).toContainText(RECOMMENDATION);
    await expect(mine).toContainText("Lewat tenggat");
    await mine.getByRole("link", { name: new RegExp(RECOMMENDATION.slice(0, 20)) }).click();
    await expect(kabid).toHaveURL(/\/tindak-lanjut/);
    await fitsPhone(kabid, "the follow-up list");

    const item = kabid.getByTestId("followup-list").locator("li", { hasText: RECOMMENDATION }).first();
    await item.getByRole("button", { name: "Tandai selesai" }).click();
    await item.getByLabel("Catatan penyelesaian").fill("Peta jabatan dimutakhirkan dan ditetapkan dengan SK Kepala Badan");
    // No file and no reason: refused, still open.
    await item.getByRole("button", { name: "Tandai selesai" }).click();
    await expect(item.getByText(/Lampirkan minimal satu berkas bukti/)).toBeVisible();

    await item.getByLabel("Berkas bukti").setInputFiles({ name: "SK peta jabatan.pdf", mimeType: "application/pdf", buffer: PDF });
    await item.getByRole("button", { name: "Unggah" }).click();
    await expect(kabid.getByText("Berkas SK peta jabatan.pdf diunggah.")).toBeVisible();
    await expect(item.getByRole("link", { name: "SK peta jabatan.pdf" })).toBeVisible();
    await item.getByRole("button", { name: "Tandai selesai" }).click();
    await expect(kabid.getByText("Tindak lanjut diselesaikan.")).toBeVisible();
  });

  await test.step("the list shows it Selesai, with its file; the inbox no longer lists it", async () => {
    await kabid.goto(`/a/${SLUG}/tindak-lanjut?status=selesai`);
    const done = kabid.getByTestId("followup-list").locator("li", { hasText: RECOMMENDATION }).first();
    await expect(done).toContainText("Selesai");
    await expect(done).toContainText("Diselesaikan oleh");
    await expect(done.getByRole("link", { name: "SK peta jabatan.pdf" })).toBeVisible();
    await expect(kabid.getByTestId("followup-counts")).toContainText("0 terbuka · 0 lewat tenggat · 1 selesai");
    await kabid.goto(`/a/${SLUG}`);
    await expect(kabid.getByTestId("my-followups")).toHaveCount(0);
    // The evaluator's cycle page shows it done as well.
    await evaluator.reload();
    await expect(evaluator.getByTestId("cycle-followup-list")).toContainText("Selesai");
    await fitsPhone(evaluator, "the cycle page with its follow-ups");
  });
});

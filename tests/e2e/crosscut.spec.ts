/**
 * Crosscutting links (decision 045) between two fresh agencies of one Kabupaten
 * (tests/e2e/fixtures/crosscut-data.ts): the Dinas LH's planning unit, on a phone, proposes that
 * its indicator supports the Dinas PUPR's Sasaran, picked from a list that offers only the
 * statements of its own government; the Dinas PUPR's administrator finds the notification,
 * accepts, and its tree lists the contribution (name, agency, target of the year) with no link
 * into the other agency; the Dinas LH's tree says what its indicator supports; the head of the
 * Dinas PUPR reads without tools; the Dinas LH ends the link and it leaves both trees.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { CC } from "./fixtures/crosscut-data";
import { keepScreenshot, signIn, signOut } from "./helpers";

const YEAR = new Date().getFullYear();
const yearTarget = CC.dlh.targets[Math.min(Math.max(YEAR - 2025, 0), 4)]!;

async function fitsPhone(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${what} at 390 px`).toEqual([]);
}

const sasaran = (page: Page, statement: string) => page.locator(`[data-testid="cascade-node"][data-statement="${statement}"]`);

test("a crosscutting link: proposed from a phone, accepted, shown in both trees, ended; proposed again and declined with a reason", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await test.step("the Dinas LH proposes its indicator for the Dinas PUPR's Sasaran; the picker offers only its own government", async () => {
    await signIn(page, CC.dlh.admin.email, CC.password);
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja`);
    await page.getByTestId("crosscut-open").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Kontribusi Lintas Perangkat Daerah");
    const form = page.getByTestId("crosscut-propose-form");
    const picker = form.getByLabel("Mendukung Tujuan/Sasaran perangkat daerah lain");
    await expect(picker.locator("optgroup")).toHaveCount(1);
    await expect(picker.locator("optgroup")).toHaveAttribute("label", CC.pupr.name);
    await expect(picker).toContainText(`Sasaran Strategis: ${CC.pupr.sasaran}`);
    await expect(picker).not.toContainText(CC.foreign.sasaran);
    await expect(picker).not.toContainText(CC.dlh.sasaran);
    // Nothing picked: an Indonesian message, nothing sent.
    await form.getByRole("button", { name: "Usulkan kontribusi" }).click();
    await expect(form.getByText("Pilih indikator yang diusulkan.")).toBeVisible();
    await expect(form.getByText("Pilih Tujuan atau Sasaran yang didukung.")).toBeVisible();
    await form.getByLabel("Indikator instansi ini").selectOption({ label: `${CC.dlh.indicator} (Sasaran Strategis)` });
    await picker.selectOption({ label: `Sasaran Strategis: ${CC.pupr.sasaran}` });
    await form.getByRole("button", { name: "Usulkan kontribusi" }).click();
    await expect(page.getByText("Usulan dikirim.", { exact: false })).toBeVisible();
    const outgoing = page.getByTestId("crosscut-outgoing");
    await expect(outgoing).toContainText(CC.dlh.indicator);
    await expect(outgoing).toContainText("Menunggu jawaban");
    await expect(outgoing).toContainText(`Mendukung Sasaran Strategis "${CC.pupr.sasaran}" — ${CC.pupr.name}`);
    await fitsPhone(page, "the crosscutting page");
    await keepScreenshot(page, { path: "test-results/crosscut-propose-390.png", fullPage: true });
    // Not shown in the tree before it is accepted.
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja`);
    await expect(page.getByTestId("crosscut-support")).toHaveCount(0);
    await signOut(page);
  });

  await test.step("the Dinas PUPR's administrator is notified and accepts; its Sasaran lists the contribution and nothing else", async () => {
    await signIn(page, CC.pupr.admin.email, CC.password);
    await page.goto(`/a/${CC.pupr.slug}/notifikasi`);
    await page.getByRole("link", { name: `Usulan kontribusi lintas perangkat daerah dari ${CC.dlh.name}` }).click();
    const incoming = page.getByTestId("crosscut-incoming");
    await expect(incoming).toContainText(CC.dlh.indicator);
    await expect(incoming).toContainText(`Dari ${CC.dlh.name}`);
    await incoming.getByRole("button", { name: `Terima: ${CC.dlh.indicator}` }).click();
    await expect(page.getByText("Usulan diterima", { exact: false })).toBeVisible();
    await expect(page.getByTestId("crosscut-active")).toContainText(CC.dlh.indicator);

    await page.goto(`/a/${CC.pupr.slug}/pohon-kinerja`);
    const contribution = sasaran(page, CC.pupr.sasaran).getByTestId("crosscut-contribution");
    await expect(contribution).toHaveCount(1);
    await expect(contribution).toContainText(`${CC.dlh.indicator} — ${CC.dlh.name}`);
    await expect(contribution).toContainText(`Target ${YEAR}: ${yearTarget} ${CC.dlh.unit}`);
    // Nothing of the other agency beyond that: no link into its pages, not its Tujuan or Sasaran.
    await expect(page.locator(`a[href*="${CC.dlh.slug}"]`)).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(CC.dlh.sasaran);
    await fitsPhone(page, "the tree with a contribution");
    await keepScreenshot(page, { path: "test-results/crosscut-tree-390.png", fullPage: true });
    await signOut(page);
  });

  await test.step("the Dinas PUPR's head reads it without tools", async () => {
    await signIn(page, CC.pupr.head.email, CC.password);
    await page.goto(`/a/${CC.pupr.slug}/pohon-kinerja/lintas`);
    await expect(page.getByTestId("crosscut-active")).toContainText(CC.dlh.indicator);
    await expect(page.getByRole("button", { name: /Akhiri tautan/ })).toHaveCount(0);
    await expect(page.getByTestId("crosscut-propose-form")).toHaveCount(0);
    await signOut(page);
  });

  await test.step("the Dinas LH's tree says what its indicator supports; it ends the link and it leaves both trees", async () => {
    await signIn(page, CC.dlh.admin.email, CC.password);
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja`);
    await expect(page.getByTestId("crosscut-support")).toHaveText(`Mendukung Sasaran Strategis "${CC.pupr.sasaran}" — ${CC.pupr.name}`);
    await expect(page.locator(`a[href*="${CC.pupr.slug}"]`)).toHaveCount(0);
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja/lintas`);
    await page.getByTestId("crosscut-active").getByRole("button", { name: `Akhiri tautan: ${CC.dlh.indicator}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Akhiri tautan" }).click();
    await expect(page.getByText("Tautan diakhiri.")).toBeVisible();
    await expect(page.getByText("Belum ada tautan lintas perangkat daerah.")).toBeVisible();
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja`);
    await expect(page.getByTestId("crosscut-support")).toHaveCount(0);
    await signOut(page);

    await signIn(page, CC.pupr.admin.email, CC.password);
    await page.goto(`/a/${CC.pupr.slug}/pohon-kinerja`);
    await expect(page.getByTestId("crosscut-contribution")).toHaveCount(0);
    // The Dinas PUPR hears that the Dinas LH ended it.
    await page.goto(`/a/${CC.pupr.slug}/notifikasi`);
    await expect(page.getByRole("link", { name: `${CC.dlh.name} mengakhiri tautan kontribusi lintas perangkat daerah` })).toBeVisible();
    await signOut(page);
  });

  const reason = "Indeks kualitas air belum mengukur akses sanitasi; usulkan indikator cakupan IPAL komunal.";
  await test.step("proposed again, the Dinas PUPR declines it with a reason the Dinas LH reads", async () => {
    await signIn(page, CC.dlh.admin.email, CC.password);
    await page.goto(`/a/${CC.dlh.slug}/pohon-kinerja/lintas`);
    const form = page.getByTestId("crosscut-propose-form");
    await form.getByLabel("Indikator instansi ini").selectOption({ label: `${CC.dlh.indicator} (Sasaran Strategis)` });
    await form.getByLabel("Mendukung Tujuan/Sasaran perangkat daerah lain").selectOption({ label: `Sasaran Strategis: ${CC.pupr.sasaran}` });
    await form.getByRole("button", { name: "Usulkan kontribusi" }).click();
    await expect(page.getByText("Usulan dikirim.", { exact: false })).toBeVisible();
    await signOut(page);

    await signIn(page, CC.pupr.admin.email, CC.password);
    await page.goto(`/a/${CC.pupr.slug}/pohon-kinerja/lintas`);
    const incoming = page.getByTestId("crosscut-incoming");
    await incoming.getByRole("button", { name: `Tolak: ${CC.dlh.indicator}` }).click();
    // Without a reason the server refuses and the proposal still waits.
    await incoming.getByRole("button", { name: "Tolak usulan" }).click();
    await expect(incoming.getByRole("alert")).toHaveText("Tulis alasan penolakan (minimal 10 karakter) agar perangkat daerah pengusul tahu apa yang perlu diubah.");
    await page.reload();
    await expect(page.getByTestId("crosscut-incoming")).toContainText(CC.dlh.indicator);
    await page.getByTestId("crosscut-incoming").getByRole("button", { name: `Tolak: ${CC.dlh.indicator}` }).click();
    await page.getByLabel(`Alasan penolakan: ${CC.dlh.indicator}`).fill(reason);
    await fitsPhone(page, "the decline form");
    await page.getByTestId("crosscut-incoming").getByRole("button", { name: "Tolak usulan" }).click();
    await expect(page.getByText("Usulan ditolak.")).toBeVisible();
    await expect(page.getByText("Tidak ada usulan yang menunggu jawaban.")).toBeVisible();
    await signOut(page);

    await signIn(page, CC.dlh.admin.email, CC.password);
    await page.goto(`/a/${CC.dlh.slug}/notifikasi`);
    await page.getByRole("link", { name: `${CC.pupr.name} menolak usulan kontribusi lintas perangkat daerah` }).click();
    const outgoing = page.getByTestId("crosscut-outgoing");
    await expect(outgoing).toContainText("Ditolak");
    await expect(outgoing).toContainText(`Alasan penolakan: ${reason}`);
  });
  await context.close();
});

/**
 * Steps many people do, in Chromium, on a fresh agency nobody seeded
 * (tests/e2e/fixtures/multi-party-agency.ts: Dinas SDA in WITA, three Bidang
 * each with its own Kepala Bidang): the Sekretaris starts a quarter's
 * evaluation; in its every-unit data step (each ticks its Kelengkapan) each
 * Kabid sees only their own Bidang's sub-task with the progress ("1 dari 3
 * Bidang") and who is missing, on a phone too; the step moves on only after
 * the third Bidang; the Kasubbag returns one Bidang's work
 * alone; the joint meeting reaches every Kabid as participants, the Sekretaris
 * sends the invitation, the Kabid see it, and attendance is ticked from the
 * member list (attended / represented by whom / absent) and kept in the history.
 *
 * The agency is created before the server starts (tests/e2e/fresh-agencies-setup.ts),
 * so this runs on the embedded database and on PostgreSQL alike.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { MP } from "./fixtures/multi-party-data";
import { signIn } from "./helpers";

const AGENCY = `/a/${MP.slug}`;
const [IRIGASI, AIR_BAKU, SUNGAI] = MP.kabid;

async function userPage(browser: Browser, nip: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, nip, MP.password);
  return page;
}

async function panelOf(page: Page, url: string, heading: RegExp) {
  await page.goto(url);
  const panel = page.getByTestId("action-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(heading);
  return panel;
}

/** The data step's work: its Kelengkapan ticked and a summary. */
async function fillData(page: Page, summary: string) {
  for (const item of MP.kelengkapan) await page.getByLabel(item).check();
  await page.getByLabel("Ringkasan output").fill(summary);
}

async function complete(page: Page, toast = "Langkah selesai dan diteruskan ke langkah berikutnya.") {
  await page.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(page.getByText(toast)).toBeVisible();
  await expect(page.getByTestId("action-panel")).toHaveCount(0);
}

test("three Kabid of three Bidang through an every-unit step and a joint meeting", async ({ browser }) => {
  test.setTimeout(300_000);
  const sek = await userPage(browser, MP.sekretaris.nip);
  const kasubbag = await userPage(browser, MP.kasubbag.nip);
  const kabid = [await userPage(browser, IRIGASI.nip, { width: 390, height: 844 }), await userPage(browser, AIR_BAKU.nip), await userPage(browser, SUNGAI.nip)];

  // The Sekretaris starts Triwulan I and gives the disposition.
  await sek.goto(`${AGENCY}/cycles`);
  const sopValue = await sek.locator("#start-sopId option", { hasText: "800/SOP-EV/SDA/2026" }).getAttribute("value");
  await sek.getByLabel("SOP", { exact: true }).selectOption(sopValue!);
  await sek.getByLabel("Tahun").fill("2026");
  await sek.getByLabel("Periode").selectOption({ label: "Triwulan I" });
  await sek.getByRole("button", { name: "Mulai siklus" }).click();
  await sek.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(sek.url()).pathname;
  await panelOf(sek, cycleUrl, /Langkah 1/);
  await sek.getByLabel("Isi disposisi / nota").fill("Setiap Bidang mengisi data capaian kinerja Triwulan I.");
  await complete(sek);

  // Each Kabid's inbox has their own Bidang's sub-task, with the progress.
  for (const [i, page] of kabid.entries()) {
    await page.goto(AGENCY);
    const tasks = page.getByTestId("my-tasks");
    await expect(tasks).toContainText(MP.kabid[i]!.unit);
    await expect(tasks.getByTestId("task-progress")).toHaveText(/0 dari 3 Bidang/);
  }

  // Bidang Irigasi (on a phone) and Bidang Sungai dan Pantai finish; the step waits for Air Baku.
  for (const i of [0, 2]) {
    const page = kabid[i]!;
    const panel = await panelOf(page, cycleUrl, /Langkah 2/);
    await expect(panel.getByTestId("task-unit")).toHaveText(`Unit: ${MP.kabid[i]!.unit}`);
    await fillData(page, `Data capaian ${MP.kabid[i]!.unit} Triwulan I.`);
    await complete(page);
  }
  const overflow = await kabid[0]!.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await sek.goto(cycleUrl);
  await expect(sek.getByTestId("unit-progress")).toContainText("2 dari 3 Bidang");
  await expect(sek.getByTestId("unit-progress")).toContainText(`Belum selesai: ${AIR_BAKU.unit}`);
  await kabid[1]!.goto(AGENCY);
  await expect(kabid[1]!.getByTestId("task-progress")).toContainText(`2 dari 3 Bidang · Belum selesai: ${AIR_BAKU.unit}`);

  await panelOf(kabid[1]!, cycleUrl, /Langkah 2/);
  await fillData(kabid[1]!, "Data capaian Bidang Air Baku Triwulan I.");
  await complete(kabid[1]!);

  // The Kasubbag returns Bidang Air Baku's work alone.
  await panelOf(kasubbag, cycleUrl, /Langkah 3/);
  await kasubbag.getByLabel("Kembalikan pekerjaan").selectOption({ label: AIR_BAKU.unit });
  await kasubbag.getByLabel("Alasan pengembalian / catatan").fill("Data debit Bidang Air Baku belum dilampirkan.");
  await kasubbag.getByRole("button", { name: "Kembalikan (Tidak)" }).click();
  await expect(kasubbag.getByText("Dikembalikan untuk perbaikan beserta alasannya.")).toBeVisible();
  await kasubbag.goto(cycleUrl);
  await expect(kasubbag.getByTestId("unit-progress")).toContainText("2 dari 3 Bidang");
  for (const i of [0, 2]) {
    await kabid[i]!.goto(cycleUrl);
    await expect(kabid[i]!.getByTestId("action-panel")).toHaveCount(0);
  }
  const returned = await panelOf(kabid[1]!, cycleUrl, /Langkah 2/);
  await expect(returned.getByTestId("returned-alert")).toContainText("Data debit Bidang Air Baku belum dilampirkan.");
  await fillData(kabid[1]!, "Data capaian Bidang Air Baku dengan data debit.");
  await kabid[1]!.getByRole("button", { name: "Kirim ulang perbaikan" }).click();
  await expect(kabid[1]!.getByText("Perbaikan dikirim ulang.")).toBeVisible();

  await panelOf(kasubbag, cycleUrl, /Langkah 3/);
  await kasubbag.getByRole("button", { name: "Setujui (Ya)" }).click();
  await kasubbag.getByRole("alertdialog").getByRole("button", { name: "Ya, setujui" }).click();
  await expect(kasubbag.getByText("Disetujui. Pekerjaan diteruskan.")).toBeVisible();

  // The joint meeting: the Kabid see it as participants.
  await kabid[2]!.goto(AGENCY);
  await expect(kabid[2]!.getByTestId("my-tasks")).toContainText("Peserta");
  await expect(kabid[2]!.getByTestId("my-tasks")).toContainText("Rapat evaluasi bersama seluruh Kepala Bidang");

  // The Sekretaris cannot close it before inviting; then invites.
  await panelOf(sek, cycleUrl, /Langkah 4/);
  await expect(sek.getByTestId("task-refusal")).toContainText("Kirim undangan rapat kepada peserta terlebih dahulu");
  await sek.getByLabel("Tanggal rapat").fill("2026-04-14");
  await sek.getByLabel("Jam mulai").fill("09:00");
  await sek.getByLabel("Tempat").fill("Aula Dinas SDA");
  await sek.getByLabel("Agenda").fill("Evaluasi kinerja Triwulan I");
  await sek.getByRole("button", { name: "Kirim undangan" }).click();
  await expect(sek.getByText("Undangan rapat dikirim kepada peserta.")).toBeVisible();
  await expect(sek.getByTestId("invitation-sent")).toContainText("14 April 2026 09.00 WITA, Aula Dinas SDA");

  // The Kabid read the invitation in their notifications.
  await kabid[0]!.goto(`${AGENCY}/notifikasi`);
  await expect(kabid[0]!.getByText(/Undangan rapat: langkah 4/)).toBeVisible();
  await expect(kabid[0]!.getByText(/Tempat: Aula Dinas SDA/)).toBeVisible();

  // Attendance from the member list: one not ticked is named; who represented is required.
  await panelOf(sek, cycleUrl, /Langkah 4/);
  await sek.getByLabel("Notulen rapat").fill("Rapat evaluasi Triwulan I membahas laporan tiga Bidang.");
  await sek.getByLabel("Keputusan rapat").fill("Bidang Air Baku melengkapi data debit bulanan.");
  const attendance = sek.getByTestId("attendance");
  await attendance.getByRole("radiogroup", { name: IRIGASI.name }).getByLabel("Hadir", { exact: true }).check();
  await attendance.getByRole("radiogroup", { name: AIR_BAKU.name }).getByLabel("Diwakili", { exact: true }).check();
  await sek.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(attendance.getByRole("alert")).toContainText(`${SUNGAI.name} belum ditandai`);
  await attendance.getByRole("radiogroup", { name: SUNGAI.name }).getByLabel("Tidak hadir", { exact: true }).check();
  await sek.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(attendance.getByRole("alert")).toContainText(`Tulis siapa yang mewakili ${AIR_BAKU.name}`);
  await sek.getByLabel(`Diwakili oleh (untuk ${AIR_BAKU.name})`).fill("Kasi Air Baku");
  await complete(sek);

  // The history keeps who attended, who sent someone, who was absent.
  await sek.goto(cycleUrl);
  await expect(sek.getByText(`${AIR_BAKU.name} (Kepala Bidang): Diwakili oleh Kasi Air Baku`)).toBeVisible();
  await expect(sek.getByText(`${SUNGAI.name} (Kepala Bidang): Tidak hadir`)).toBeVisible();
  await expect(sek.getByText(`${IRIGASI.name} (Kepala Bidang): Hadir`)).toBeVisible();
});

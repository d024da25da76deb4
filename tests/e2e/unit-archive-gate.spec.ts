/**
 * Archiving a quarter waits for the unit PK rows too (decision 061), on an agency nobody seeded (the
 * Dinas Kelautan dan Perikanan of tests/e2e/fixtures/unit-gate-data.ts, set up through the app's
 * services: its agency PK's Triwulan I value is verified, its Triwulan I 2026 cycle waits at the
 * archive step, the Kasubag Program's). The Kasubag opens the archive step while nothing blocks it;
 * the Bidang's member, on a phone, then sends the unit row's value; the Kasubag's archive, from the
 * page opened before, is refused by the server with the Indonesian message naming the unit row, and
 * the reloaded page lists it under "PK unit <unit>" without the archive button; the head, on a phone,
 * is offered only the archive with a note (the waiver, decision 061, left unused here); Tim SAKIP, on
 * a phone, verifies the row from "Tugas saya"; the Kasubag's archive then goes through.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { UG, type TUnitGateRole } from "./fixtures/unit-gate-data";
import { signIn } from "./helpers";

const AGENCY = `/a/${UG.slug}`;
const PK_TW1 = `${AGENCY}/pohon-kinerja/pk?tahun=${UG.year}&tw=1`;
const PHONE = { width: 390, height: 844 };
/** How the archive step names the sent unit row: "PK unit <unit>: <indicator> (<status>)". */
const UNIT_ROW = `PK unit ${UG.unit}: ${UG.unitIndicator} (Dikirim)`;

async function userPage(browser: Browser, role: TUnitGateRole, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, UG.members[role].email);
  return page;
}

async function fillArchiveStep(page: Page) {
  await page.getByLabel("Ringkasan output").fill("SK Tim dan rekap realisasi Triwulan I diarsipkan.");
  await page.getByLabel("Tanggal unggah ke e-SAKIP").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Makassar" }));
  await page.getByLabel("Nomor referensi / tanda terima e-SAKIP").fill("ESR-2026-TW1-KTB-0001");
}

test("a unit PK row sent but not verified stops the quarter's archive until Tim SAKIP verifies it", async ({ browser }) => {
  // About 1.5 min on a loaded 2-core machine; the margin is for the load, not for the journey.
  test.setTimeout(180_000);
  const kasubag = await userPage(browser, "KASUBAG_PROGRAM");
  const member = await userPage(browser, "TIM_PENGUKURAN", PHONE);
  const unitRow = (p: Page) => p.getByTestId("level-pk-row").filter({ hasText: UG.unitIndicator });
  let cycleUrl = "";

  await test.step("the Kasubag opens the archive step: nothing waits yet, the archive is offered", async () => {
    await kasubag.goto(`${AGENCY}/cycles`);
    await kasubag.getByTestId("cycle-list").getByRole("link").filter({ hasText: "Triwulan I 2026" }).click();
    await kasubag.waitForURL(/\/cycles\/[a-z0-9]+$/);
    cycleUrl = new URL(kasubag.url()).pathname;
    await expect(kasubag.getByTestId("action-panel")).toContainText(/Langkah 8/);
    // The agency PK's value is verified and the unit row holds neither a value nor a quarter's target.
    await expect(kasubag.getByTestId("archive-gate")).toHaveCount(0);
    await expect(kasubag.getByRole("button", { name: "Arsipkan dan tutup siklus" })).toBeVisible();
  });

  await test.step("on a phone, the Bidang's member sends the unit row's Triwulan I value", async () => {
    await member.goto(PK_TW1);
    const row = unitRow(member);
    await expect(row.getByTestId("unit-realization-status")).toHaveText("TW I: Belum diisi");
    await row.getByRole("button", { name: "Isi realisasi" }).click();
    await row.getByTestId("unit-realization-form").getByLabel("Realisasi TW I (ton)").fill("310");
    await row.getByRole("button", { name: "Kirim" }).click();
    await member.getByTestId("confirm-unit-realization").getByRole("button", { name: "Ya, kirim" }).click();
    await expect(member.getByText("Realisasi dikirim ke Tim SAKIP untuk diverifikasi.")).toBeVisible();
    await member.goto(PK_TW1);
    await expect(unitRow(member).getByTestId("unit-realization-status")).toHaveText("TW I: Dikirim");
  });

  await test.step("the Kasubag's archive, from the page opened before, is refused; the reloaded step names the unit row", async () => {
    await fillArchiveStep(kasubag);
    await kasubag.getByRole("button", { name: "Arsipkan dan tutup siklus" }).click();
    await kasubag.getByRole("alertdialog").getByRole("button", { name: "Ya, arsipkan" }).click();
    const refusal = kasubag.getByRole("alert").filter({ hasText: /^Triwulan I belum dapat diarsipkan karena realisasi berikut belum diverifikasi: / });
    await expect(refusal).toContainText(`${UNIT_ROW}.`);
    await expect(kasubag.getByText("Siklus selesai dan diarsipkan.")).toHaveCount(0);

    await kasubag.reload();
    await expect(kasubag.getByTestId("cycle-status")).toHaveText("Berjalan");
    await expect(kasubag.getByTestId("action-panel")).toContainText(/Langkah 8/);
    const gate = kasubag.getByTestId("archive-gate");
    await expect(gate).toContainText("Realisasi Triwulan I yang belum diverifikasi");
    // Only the unit row: the agency PK's verified value is not listed.
    await expect(gate.getByRole("listitem")).toHaveText([UNIT_ROW]);
    await expect(gate).toContainText("Minta Tim SAKIP memverifikasi");
    await expect(kasubag.getByRole("button", { name: "Arsipkan dan tutup siklus" })).toHaveCount(0);
    await expect(kasubag.getByLabel("Catatan pengarsipan (wajib)")).toHaveCount(0);
  });

  await test.step("on a phone, the head is offered only the archive with a note", async () => {
    const head = await userPage(browser, "KEPALA_DINAS", PHONE);
    await head.goto(cycleUrl);
    const gate = head.getByTestId("archive-gate");
    await expect(gate.getByRole("listitem")).toHaveText([UNIT_ROW]);
    await expect(gate).toContainText("Sebagai Kepala, Anda dapat mengarsipkan sekarang dengan catatan.");
    await expect(head.getByLabel("Catatan pengarsipan (wajib)")).toBeVisible();
    await expect(head.getByRole("button", { name: "Arsipkan dengan catatan" })).toBeVisible();
    await expect(head.getByRole("button", { name: "Arsipkan dan tutup siklus" })).toHaveCount(0);
    await head.context().close();
  });

  await test.step("on a phone, Tim SAKIP verifies the unit row from 'Tugas saya'", async () => {
    const timSakip = await userPage(browser, "TIM_SAKIP", PHONE);
    await timSakip.goto(AGENCY);
    const work = timSakip.getByTestId("my-work").locator('a[data-scope="UNIT"][data-kind="SUBMITTED"]');
    await expect(work).toContainText("1 realisasi PK unit menunggu verifikasi · TW I 2026");
    await work.click();
    const review = unitRow(timSakip).getByTestId("unit-realization-review");
    await expect(review).toContainText("Realisasi TW I: 310 ton");
    await review.getByRole("button", { name: "Verifikasi" }).click();
    await expect(timSakip.getByText("Realisasi diverifikasi.")).toBeVisible();
    await timSakip.context().close();
  });

  await test.step("the archive goes through; the unit row is frozen as verified", async () => {
    await kasubag.reload();
    await expect(kasubag.getByTestId("archive-gate")).toHaveCount(0);
    await fillArchiveStep(kasubag);
    await kasubag.getByRole("button", { name: "Arsipkan dan tutup siklus" }).click();
    await kasubag.getByRole("alertdialog").getByRole("button", { name: "Ya, arsipkan" }).click();
    await expect(kasubag.getByText("Siklus selesai dan diarsipkan.")).toBeVisible();
    await expect(kasubag.getByTestId("cycle-status")).toHaveText("Selesai");
    await expect(kasubag.getByTestId("archive-note")).toHaveCount(0);

    await member.goto(PK_TW1);
    await expect(unitRow(member).getByTestId("unit-realization-status")).toHaveText("TW I: Terverifikasi");
    await expect(unitRow(member).getByRole("button", { name: "Isi realisasi" })).toHaveCount(0);
  });
});

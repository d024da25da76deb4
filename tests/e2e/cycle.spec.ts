import { expect, test, type Browser, type Page } from "@playwright/test";

import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS } from "@/lib/cli/busy.mjs";

import { signIn } from "./helpers";

/**
 * A measurement cycle of the Sumatera Barat SOP (150/SOP-BMCKTR/2024) run end to end in
 * a real browser, each role in its own browser context as its own person: start,
 * disposition, meeting, format, checklist, report, a return by the Kepala Dinas with a
 * reason, the revision, approval, upload and archive. Along the way: a member without
 * the open step's role and the auditor see no actions, and a return without a reason is
 * refused in Indonesian without changing anything.
 *
 * The demo data holds cycles for Triwulan I and II of the current year; this spec uses
 * "Tahunan" of a far year so it never collides with them (or with itself on a reused
 * database).
 */

const AGENCY = "/a/bmcktr-sumbar";
const SOP_NOMOR = "150/SOP-BMCKTR/2024";
// E2E_CYCLE_YEAR_OFFSET shifts the years when re-running against a database that already holds these cycles.
const YEAR = 2030 + (Number(process.env.E2E_CYCLE_YEAR_OFFSET ?? 0) || 0);
const PERIOD = `Tahunan ${YEAR}`;
const CHECKLIST_ITEM = "Format Realisasi Rencana Aksi Akuntabilitas Kinerja";
const RETURN_REASON = "Data dukung Bidang Cipta Karya belum dilampirkan; lengkapi realisasi TW IV.";

const MSG = {
  started: "Siklus dimulai. Langkah 1 dikirim ke pelaksananya.",
  done: "Langkah selesai dan diteruskan ke langkah berikutnya.",
  approved: "Disetujui. Pekerjaan diteruskan.",
  returned: "Dikembalikan untuk perbaikan beserta alasannya.",
  resubmitted: "Perbaikan dikirim ulang.",
  completed: "Siklus selesai dan diarsipkan.",
  duplicate: `Siklus ${PERIOD} untuk SOP ini sudah ada.`,
  reasonRequired: "Alasan pengembalian wajib diisi",
  checklistIncomplete: "Centang semua kelengkapan sebelum menyelesaikan langkah ini.",
};

async function userPage(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens the cycle fresh and returns its action panel, which must be there. */
async function openTask(page: Page, url: string, heading: RegExp) {
  await page.goto(url);
  const panel = page.getByTestId("action-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(heading);
  return panel;
}

/** Waits for the outcome toast, then for the refreshed page without this user's panel. */
async function expectHandedOn(page: Page, toast: string) {
  await expect(page.getByText(toast)).toBeVisible();
  await expect(page.getByTestId("action-panel")).toHaveCount(0);
}

async function complete(page: Page, button = "Selesaikan langkah", toast = MSG.done) {
  await page.getByRole("button", { name: button }).click();
  // Arsipkan cannot be undone: it asks first, saying so.
  if (button === "Arsipkan dan tutup siklus") {
    const dialog = page.getByRole("alertdialog", { name: "Arsipkan dan tutup siklus?" });
    await expect(dialog).toContainText("tidak dapat dibatalkan");
    await dialog.getByRole("button", { name: "Ya, arsipkan" }).click();
  }
  await expectHandedOn(page, toast);
}

test("Sumatera Barat: a cycle runs through every role, with a return and its reason kept in the history", async ({ browser }) => {
  test.setTimeout(300_000);
  const kadis = await userPage(browser, "kadis@sumbar.demo", { width: 390, height: 844 });
  const sekretaris = await userPage(browser, "sekretaris@sumbar.demo");
  const timSakip = await userPage(browser, "tim.sakip@sumbar.demo");
  const subbag = await userPage(browser, "subbag.perencanaan@sumbar.demo");
  const bidang = await userPage(browser, "bidang@sumbar.demo");
  const auditor = await userPage(browser, "auditor@sumbar.demo");

  // 1. The Kepala Dinas starts the yearly cycle (on a phone).
  await kadis.goto(`${AGENCY}/cycles`);
  const sopValue = await kadis.locator("#start-sopId option", { hasText: SOP_NOMOR }).getAttribute("value");
  await kadis.getByLabel("SOP", { exact: true }).selectOption(sopValue!);
  await kadis.getByLabel("Tahun").fill(String(YEAR));
  await kadis.getByLabel("Periode").selectOption({ label: "Tahunan" });
  await kadis.getByRole("button", { name: "Mulai siklus" }).click();
  await kadis.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(kadis.url()).pathname;
  await expect(kadis.getByTestId("cycle-period")).toHaveText(PERIOD);
  await expect(kadis.getByTestId("cycle-status")).toHaveText("Berjalan");

  // The same period cannot be started twice; the form says so in Indonesian.
  await kadis.goto(`${AGENCY}/cycles`);
  await kadis.getByLabel("SOP", { exact: true }).selectOption(sopValue!);
  await kadis.getByLabel("Tahun").fill(String(YEAR));
  await kadis.getByLabel("Periode").selectOption({ label: "Tahunan" });
  await kadis.getByRole("button", { name: "Mulai siklus" }).click();
  await expect(kadis.locator("form").getByText(MSG.duplicate)).toBeVisible();
  await expect(kadis).toHaveURL(new RegExp(`${AGENCY}/cycles$`));
  await expect(kadis.getByTestId("cycle-list").getByText(PERIOD)).toHaveCount(1);

  // Step 1, disposition.
  await openTask(kadis, cycleUrl, /Langkah 1/);
  await kadis.getByLabel("Isi disposisi / nota").fill("Sekretaris agar segera melaksanakan pengukuran kinerja tahunan 2030.");
  await complete(kadis);
  await expect(kadis.getByTestId("waiting-note")).toContainText("Langkah 2 sedang menunggu Sekretaris");

  // A member without the open step's role sees the cycle but no action panel.
  await bidang.goto(cycleUrl);
  await expect(bidang.getByTestId("cycle-period")).toHaveText(PERIOD);
  await expect(bidang.getByTestId("waiting-note")).toContainText("Langkah 2 sedang menunggu Sekretaris");
  await expect(bidang.getByTestId("action-panel")).toHaveCount(0);
  await expect(bidang.getByRole("button", { name: /Selesaikan|Setujui|Kembalikan|Batalkan/ })).toHaveCount(0);

  // Step 2, the briefing meeting.
  await openTask(sekretaris, cycleUrl, /Langkah 2/);
  await sekretaris.getByLabel("Notulen rapat").fill("Arahan pengukuran kinerja tahunan: format dari PK dan Rencana Aksi.");
  await sekretaris.getByLabel("Daftar hadir (satu nama per baris)").fill("Sekretaris\nKetua Tim SAKIP\nAnggota Tim SAKIP");
  await sekretaris.getByLabel("Keputusan rapat").fill("Tim SAKIP menyiapkan format dalam 1 jam.");
  await complete(sekretaris);

  // Step 3, Tim SAKIP prepares the format.
  await openTask(timSakip, cycleUrl, /Langkah 3/);
  await timSakip.getByLabel("Ringkasan output").fill("Format realisasi 2030 disusun dari PK dan Rencana Aksi.");
  await timSakip.getByLabel("Rujukan dokumen (opsional)").fill("format-realisasi-2030.xlsx");
  await complete(timSakip);

  // Step 4, the checklist: every Kelengkapan line must be ticked.
  await openTask(sekretaris, cycleUrl, /Langkah 4/);
  await sekretaris.getByLabel("Ringkasan output").fill("Realisasi Sekretariat dan Bidang terisi, data dukung terlampir.");
  await sekretaris.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(sekretaris.getByText(MSG.checklistIncomplete)).toBeVisible();
  await sekretaris.getByRole("checkbox", { name: CHECKLIST_ITEM }).check();
  await complete(sekretaris);

  // Step 5, Tim SAKIP compiles; step 6, Sekretaris reports.
  await openTask(timSakip, cycleUrl, /Langkah 5/);
  await timSakip.getByLabel("Ringkasan output").fill("Laporan hasil pengukuran kinerja tahunan 2030, versi 1.");
  await complete(timSakip);
  await openTask(sekretaris, cycleUrl, /Langkah 6/);
  await sekretaris.getByLabel("Ringkasan output").fill("Laporan disampaikan kepada Kepala Dinas.");
  await complete(sekretaris);

  // The auditor reads the running cycle but has nothing to act on.
  await auditor.goto(cycleUrl);
  await expect(auditor.getByTestId("waiting-note")).toContainText("Langkah 7 sedang menunggu Kepala Dinas");
  await expect(auditor.getByTestId("waiting-note")).toContainText("auditor");
  await expect(auditor.getByTestId("action-panel")).toHaveCount(0);
  await expect(auditor.getByRole("button", { name: /Setujui|Kembalikan|Batalkan/ })).toHaveCount(0);
  await expect(auditor.getByTestId("history-6-1")).toContainText("Laporan disampaikan kepada Kepala Dinas.");

  // Step 7 on the phone: the Kepala Dinas sees the work under review and returns it, first without a reason.
  const review = await openTask(kadis, cycleUrl, /Langkah 7/);
  await expect(review).toContainText("Laporan hasil pengukuran kinerja tahunan 2030, versi 1.");
  await kadis.getByRole("button", { name: "Kembalikan (Tidak)" }).click();
  await expect(kadis.getByText(MSG.reasonRequired)).toBeVisible();
  await kadis.reload();
  await expect(kadis.getByTestId("action-panel")).toContainText(/Langkah 7/);
  // Under the task panel the history is folded and rendered only once opened.
  await expect(kadis.getByTestId("history-7-1")).toHaveCount(0);
  await kadis.getByTestId("fold-history").locator("summary").click();
  await expect(kadis).toHaveURL(/buka=riwayat/);
  await expect(kadis.getByTestId("history-7-1")).toContainText("Sedang dikerjakan");
  await expect(kadis.getByTestId("history-4-2")).toHaveCount(0);

  await kadis.getByLabel("Alasan pengembalian").fill(RETURN_REASON);
  await kadis.getByRole("button", { name: "Kembalikan (Tidak)" }).click();
  await expectHandedOn(kadis, MSG.returned);
  await expect(kadis.getByTestId("waiting-note")).toContainText("Langkah 4 sedang menunggu Sekretaris");

  // The Sekretaris sees who returned it and why, fixes step 4 and resubmits.
  await openTask(sekretaris, cycleUrl, /Langkah 4 · putaran 2/);
  const alert = sekretaris.getByTestId("returned-alert");
  await expect(alert).toContainText("Dikembalikan oleh Kepala Dinas");
  await expect(alert).toContainText(RETURN_REASON);
  await sekretaris.getByRole("checkbox", { name: CHECKLIST_ITEM }).check();
  await sekretaris.getByLabel("Ringkasan output").fill("Realisasi lengkap; data dukung Bidang Cipta Karya dilampirkan.");
  await sekretaris.getByLabel("Catatan perbaikan (opsional)").fill("Lampiran Cipta Karya ditambahkan.");
  await complete(sekretaris, "Kirim ulang perbaikan", MSG.resubmitted);

  // Steps 5 and 6 run again.
  await openTask(timSakip, cycleUrl, /Langkah 5 · putaran 2/);
  await timSakip.getByLabel("Ringkasan output").fill("Laporan hasil pengukuran kinerja tahunan 2030, versi 2.");
  await complete(timSakip);
  await openTask(sekretaris, cycleUrl, /Langkah 6 · putaran 2/);
  await sekretaris.getByLabel("Ringkasan output").fill("Laporan perbaikan disampaikan kepada Kepala Dinas.");
  await complete(sekretaris);

  // The Kepala Dinas approves the revised report.
  const secondReview = await openTask(kadis, cycleUrl, /Langkah 7 · putaran 2/);
  await expect(secondReview).toContainText("Laporan hasil pengukuran kinerja tahunan 2030, versi 2.");
  // What the decision is taken on is a snapshot, shown by its short code (docs/decisions/022-decision-snapshot.md).
  await expect(kadis.getByTestId("decision-snapshot")).toContainText("Snapshot yang diputuskan");
  await expect(kadis.getByTestId("snapshot-hash")).toHaveText(/^[0-9a-f]{12}$/);
  await kadis.getByRole("button", { name: "Setujui (Ya)" }).click();
  // Setujui asks first and says what cannot be undone; "Batal" changes nothing.
  const confirmApprove = kadis.getByRole("alertdialog", { name: "Setujui langkah 7?" });
  await expect(confirmApprove).toContainText("tidak dapat ditarik kembali");
  await confirmApprove.getByRole("button", { name: "Batal" }).click();
  await expect(confirmApprove).toHaveCount(0);
  await expect(secondReview).toContainText(/Langkah 7 · putaran 2/);
  await kadis.getByRole("button", { name: "Setujui (Ya)" }).click();
  await confirmApprove.getByRole("button", { name: "Ya, setujui" }).click();
  await expectHandedOn(kadis, MSG.approved);

  // Step 8, Sekretaris; step 9, Subbag Perencanaan uploads and archives, which closes the cycle.
  await openTask(sekretaris, cycleUrl, /Langkah 8/);
  await sekretaris.getByLabel("Ringkasan output").fill("Hasil pengukuran final dilaporkan.");
  await complete(sekretaris);
  const archive = await openTask(subbag, cycleUrl, /Langkah 9/);
  await expect(archive).toContainText("menutup siklus");
  await subbag.getByLabel("Ringkasan output").fill("Diunggah ke esr.menpan.go.id dan diarsipkan.");
  await subbag.getByLabel("Rujukan dokumen (opsional)").fill("ESR-2030-TAHUNAN");
  // Without the e-SAKIP upload record the archive is refused, naming the fields.
  await subbag.getByRole("button", { name: "Arsipkan dan tutup siklus" }).click();
  await expect(subbag.getByText("Isi tanggal dokumen diunggah ke aplikasi e-SAKIP.")).toBeVisible();
  await subbag.getByLabel("Tanggal unggah ke e-SAKIP").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" }));
  await subbag.getByLabel("Nomor referensi / tanda terima e-SAKIP").fill("ESR-2030-0042");
  await complete(subbag, "Arsipkan dan tutup siklus", MSG.completed);

  // Finished: read-only for everyone, both rounds of step 7 with the reason in the history.
  await expect(subbag.getByTestId("cycle-status")).toHaveText("Selesai");
  await expect(subbag.getByTestId("read-only-note")).toBeVisible();
  for (const page of [kadis, auditor]) {
    await page.goto(cycleUrl);
    await expect(page.getByTestId("cycle-status")).toHaveText("Selesai");
    await expect(page.getByTestId("action-panel")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Batalkan/ })).toHaveCount(0);
    const firstRound = page.getByTestId("history-7-1");
    await expect(firstRound).toContainText("Dikembalikan (Tidak)");
    await expect(firstRound.getByTestId("return-reason")).toHaveText(RETURN_REASON);
    await expect(page.getByTestId("history-7-2")).toContainText("Disetujui (Ya)");
    await expect(page.getByTestId("history-4-2")).toContainText(RETURN_REASON);
    await expect(page.getByTestId("history-9-1")).toContainText("ESR-2030-TAHUNAN");
  }
  await kadis.goto(`${AGENCY}/cycles`);
  const row = kadis.getByTestId("cycle-list").getByRole("link").filter({ hasText: PERIOD });
  await expect(row).toContainText("Selesai");
});

test("Lumajang: the administrator starts a cycle, staff cannot, and the head cancels it with a reason", async ({ browser }) => {
  test.setTimeout(180_000);
  const period = `Tahunan ${YEAR + 1}`;
  const staff = await userPage(browser, "staff@lumajang.demo", { width: 390, height: 844 });
  const admin = await userPage(browser, "admin@lumajang.demo");
  const kadis = await userPage(browser, "kadis@lumajang.demo", { width: 390, height: 844 });
  const sekretaris = await userPage(browser, "sekretaris@lumajang.demo");

  // Staff hold no step-1 role and are no administrator: nothing to start.
  await staff.goto("/a/diskominfo-lumajang/cycles");
  await expect(staff.getByText("Belum ada SOP berlaku yang langkah pertamanya dijalankan oleh peran Anda.")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Mulai siklus" })).toHaveCount(0);

  // The agency administrator may start any active SOP.
  await admin.goto("/a/diskominfo-lumajang/cycles");
  await admin.getByLabel("SOP", { exact: true }).selectOption({ index: 1 });
  await admin.getByLabel("Tahun").fill(String(YEAR + 1));
  await admin.getByLabel("Periode").selectOption({ label: "Tahunan" });
  await admin.getByRole("button", { name: "Mulai siklus" }).click();
  await admin.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(admin.url()).pathname;
  await expect(admin.getByTestId("cycle-period")).toHaveText(period);
  // Step 1 belongs to the Kepala Dinas, not to the administrator.
  await expect(admin.getByTestId("waiting-note")).toContainText("Langkah 1 sedang menunggu Kepala Dinas");

  await openTask(kadis, cycleUrl, /Langkah 1/);
  await kadis.getByLabel("Isi disposisi / nota").fill("Sekretaris agar menyiapkan pengukuran kinerja tahunan.");
  await complete(kadis);
  await openTask(sekretaris, cycleUrl, /Langkah 2/);
  await sekretaris.getByLabel("Isi disposisi / nota").fill("Kasubag PK menyiapkan format.");
  await complete(sekretaris);

  // The head cancels: a reason is required, then every open task closes and the cycle is read-only.
  await kadis.goto(cycleUrl);
  await kadis.getByRole("button", { name: "Batalkan siklus…" }).click();
  await kadis.getByRole("button", { name: "Batalkan siklus ini" }).click();
  await expect(kadis.getByText("Alasan pembatalan wajib diisi.")).toBeVisible();
  await kadis.getByLabel("Alasan pembatalan").fill("Dimulai untuk tahun yang salah.");
  await kadis.getByRole("button", { name: "Batalkan siklus ini" }).click();
  await expect(kadis.getByText("Siklus dibatalkan.")).toBeVisible();
  await expect(kadis.getByTestId("cycle-status")).toHaveText("Dibatalkan");
  await expect(kadis.getByTestId("read-only-note")).toContainText("Dimulai untuk tahun yang salah.");
  await expect(kadis.getByTestId("history-3-1")).toContainText("Dibatalkan");

  // Nobody has anything left to do on it.
  await sekretaris.goto(cycleUrl);
  await expect(sekretaris.getByTestId("read-only-note")).toBeVisible();
  await expect(sekretaris.getByTestId("action-panel")).toHaveCount(0);
});

test("Lumajang: a step sent while the server turns actions away says it is busy, changes nothing, and goes through when sent again", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await userPage(browser, "admin@lumajang.demo");
  const kadis = await userPage(browser, "kadis@lumajang.demo");
  await admin.goto("/a/diskominfo-lumajang/cycles");
  await admin.getByLabel("SOP", { exact: true }).selectOption({ index: 1 });
  await admin.getByLabel("Tahun").fill(String(YEAR + 2));
  await admin.getByLabel("Periode").selectOption({ label: "Tahunan" });
  await admin.getByRole("button", { name: "Mulai siklus" }).click();
  await admin.waitForURL(/\/cycles\/[a-z0-9]+$/);
  const cycleUrl = new URL(admin.url()).pathname;

  await openTask(kadis, cycleUrl, /Langkah 1/);
  await kadis.getByLabel("Isi disposisi / nota").fill("Sekretaris agar menyiapkan pengukuran kinerja tahunan.");
  // The render gate's answer to an action beyond a full queue, exactly as the server gives it
  // (lib/cli/render-gate.mjs; its headers and body are checked on the real server in
  // tests/proof/render-gate.proof.ts): the action never reaches the app.
  await kadis.route(`**${cycleUrl}`, (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.fulfill({ status: 503, headers: { "Content-Type": "text/plain", "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" }, body: `${BUSY_MESSAGE}\n` })
      : route.fallback(),
  );
  await kadis.getByRole("button", { name: "Selesaikan langkah" }).click();
  await expect(kadis.getByRole("alert").filter({ hasText: BUSY_MESSAGE }).first()).toBeVisible();
  // Nothing changed: the step is still the head's, what was typed is kept, and sending again works.
  await expect(kadis.getByTestId("action-panel")).toContainText(/Langkah 1/);
  await expect(kadis.getByLabel("Isi disposisi / nota")).toHaveValue("Sekretaris agar menyiapkan pengukuran kinerja tahunan.");
  await kadis.unroute(`**${cycleUrl}`);
  await complete(kadis);
});

import { readFile } from "node:fs/promises";

import { expect, test, type Download } from "@playwright/test";

import { signIn } from "./helpers";

/** The demo data: in Dinas BMCKTR Sumatera Barat, step 7 of the Triwulan I 2026 cycle was returned once with this reason. */
const REASON = "Data dukung Bidang Jalan belum lengkap: lampirkan foto dan berita acara progres fisik.";

async function text(download: Download) {
  return readFile((await download.path())!, "utf8");
}

test("an Inspektorat auditor filters the log, reads the returned step in the cycle timeline, downloads CSV and verifies the chain", async ({ page }) => {
  await signIn(page, "auditor@sumbar.demo");

  // The completed Triwulan I cycle, as the cycle list shows it.
  await page.goto("/a/bmcktr-sumbar/cycles");
  await page.getByRole("link", { name: /Triwulan I 2026/ }).click();
  await expect(page).toHaveURL(/\/a\/bmcktr-sumbar\/cycles\/[^/]+$/);
  const cycleId = new URL(page.url()).pathname.split("/").pop()!;

  // The audit log, filtered by event type.
  await page.goto("/a/bmcktr-sumbar/audit");
  await expect(page.getByRole("heading", { name: "Jejak audit", level: 1 })).toBeVisible();
  const rows = page.getByTestId("audit-row");
  expect(await rows.count()).toBeGreaterThan(20);
  await page.getByLabel("Jenis peristiwa").selectOption({ label: "Mengembalikan untuk perbaikan" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]action=task\.return/);
  await expect(rows).toHaveCount(1);
  const returned = rows.first();
  await expect(returned).toContainText("Mengembalikan untuk perbaikan");
  await expect(returned).toContainText(`Langkah 7 putaran 1 dikembalikan ke langkah 4: ${REASON}`);
  await expect(returned).toContainText("Kepala Dinas");
  await expect(returned).toContainText(/NIP \d{8} \d{6} \d \d{3}/);

  // The log's CSV: the same filter, every matching row.
  const [logCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ekspor CSV" }).click()]);
  expect(logCsv.suggestedFilename()).toMatch(/^jejak-audit-bmcktr-sumbar-\d{4}-\d{2}-\d{2}\.csv$/);
  const logText = await text(logCsv);
  expect(logText.startsWith("\uFEFFID;No. urut rantai;Waktu;")).toBe(true);
  expect(logText).toContain(REASON);
  expect(logText.trimEnd().split("\r\n")).toHaveLength(2);

  // From the event to the timeline of its cycle.
  const link = returned.getByRole("link", { name: "Lihat linimasa siklus" });
  await expect(link).toHaveAttribute("href", `/a/bmcktr-sumbar/cycles/${cycleId}/timeline`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/cycles/${cycleId}/timeline$`));
  await expect(page.getByTestId("timeline-period")).toHaveText("Triwulan I 2026");
  await expect(page.getByRole("heading", { name: "Pengukuran Kinerja", level: 1 })).toBeVisible();

  // Both rounds of step 7: the return with its reason, then the approval; and step 4 reopened with the same reason.
  const round1 = page.getByTestId("timeline-7-1");
  await expect(round1).toContainText("Dikembalikan (Tidak)");
  await expect(round1).toContainText("Dikembalikan ke langkah 4. Alasan:");
  await expect(round1.getByTestId("return-reason")).toHaveText(REASON);
  await expect(page.getByTestId("timeline-7-2")).toContainText("Disetujui (Ya)");
  await expect(page.getByTestId("timeline-4-2").getByTestId("reopened-reason")).toHaveText(REASON);
  await expect(page.getByTestId("timeline-summary")).toContainText("1 pengembalian");
  // Lateness is written out, not only coloured.
  await expect(page.getByTestId("timeline").getByText(/^Terlambat \d/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Cetak" })).toBeVisible();

  // The timeline's CSV: both rounds of step 7 and the reason.
  const [timelineCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ekspor CSV" }).click()]);
  expect(timelineCsv.suggestedFilename()).toMatch(/^linimasa-.*-TW1-2026\.csv$/);
  const timelineText = await text(timelineCsv);
  expect(timelineText.startsWith("\uFEFFLangkah;Putaran;Kegiatan;Peran;Pelaksana;NIP;Mulai;Selesai")).toBe(true);
  expect(timelineText).toContain(REASON);
  expect(timelineText.split("\r\n").filter((line) => /^7;[12];/.test(line))).toHaveLength(2);

  // The hash chain.
  await page.goto("/a/bmcktr-sumbar/audit/verifikasi");
  await expect(page.getByTestId("chain-status")).toContainText(/Rantai audit utuh: \d+ peristiwa/);
  await expect(page.getByTestId("chain-status")).toContainText("Diperiksa pada");

  // The SLA summary lists the SOP's steps with their standard.
  await page.goto("/a/bmcktr-sumbar/audit/sla");
  await expect(page.getByTestId("sla-step-7")).toContainText("2 jam");
});

test("a Bidang member and another agency's auditor get 404 on the audit pages and exports", async ({ page }) => {
  await signIn(page, "bidang@sumbar.demo");
  for (const path of ["/a/bmcktr-sumbar/audit", "/a/bmcktr-sumbar/audit/verifikasi", "/a/bmcktr-sumbar/audit/sla"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  }
  expect((await page.request.get("/a/bmcktr-sumbar/audit/export")).status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, "auditor@lumajang.demo");
  for (const path of ["/a/bmcktr-sumbar/audit", "/a/bmcktr-sumbar/audit/export"]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("a row's details are fetched when opened; another agency's event and a member without audit.view are refused", async ({ browser }) => {
  const auditor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(auditor, "auditor@sumbar.demo");
  await auditor.goto("/a/bmcktr-sumbar/audit");
  const details = auditor.getByTestId("audit-row").first().getByTestId("audit-details");
  // Closed rows carry no details: they come from the event's route when opened.
  await expect(details.getByText("Kode peristiwa")).toHaveCount(0);
  await details.getByText("Rincian untuk auditor").click();
  await expect(details.getByText("Kode peristiwa")).toBeVisible();
  await expect(details.getByText("Hash rantai")).toBeVisible();
  // The row carries the event's id; its details come from the agency's event route (decision 075).
  const own = `/a/bmcktr-sumbar/audit/events/${(await details.getAttribute("data-id"))!}`;
  expect(own).toMatch(/^\/a\/bmcktr-sumbar\/audit\/events\/\d+$/);
  const ok = await auditor.request.get(own);
  expect(ok.status()).toBe(200);

  // An event of Diskominfo Lumajang, as its head sees it, asked through Sumbar's door: not found.
  const lumajang = await (await browser.newContext()).newPage();
  await signIn(lumajang, "kadis@lumajang.demo");
  await lumajang.goto("/a/diskominfo-lumajang/audit");
  const foreignId = (await lumajang.getByTestId("audit-details").first().getAttribute("data-id"))!;
  const foreign = `/a/diskominfo-lumajang/audit/events/${foreignId}`;
  expect((await lumajang.request.get(foreign)).status()).toBe(200);
  const crossed = await auditor.request.get(`/a/bmcktr-sumbar/audit/events/${foreignId}`);
  expect(crossed.status()).toBe(404);

  // A Bidang member (no audit.view) gets the same 404 for Sumbar's own event.
  const bidang = await (await browser.newContext()).newPage();
  await signIn(bidang, "bidang.ck@sumbar.demo");
  const refused = await bidang.request.get(own);
  expect(refused.status()).toBe(404);
  for (const p of [auditor, lumajang, bidang]) await p.context().close();
});

test("the log names the LKE evaluation and the follow-up item each row is about, never '(tidak ditemukan)' (decision 061)", async ({ page }) => {
  await signIn(page, "auditor@sumbar.demo");
  const rows = page.getByTestId("audit-row");
  // The demo agency opened its LKE 2025 (and 2026) on the edition of Permenpan RB 88/2021.
  await page.goto("/a/bmcktr-sumbar/audit?action=lke.create");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: "Evaluasi LKE: LKE 2025 · Permenpan RB 88/2021" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "(tidak ditemukan)" })).toHaveCount(0);
  // A follow-up recommendation given to the Sekretariat, by its words and unit.
  await page.goto("/a/bmcktr-sumbar/audit?action=followup.create");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: "Tindak lanjut: “Tetapkan pedoman pengumpulan data kinerja" }).filter({ hasText: "· Sekretariat" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "(tidak ditemukan)" })).toHaveCount(0);
});

test("clearing the filters shows every filter at 'Semua' again, also when the page moves without reloading (decision 070)", async ({ page }) => {
  await signIn(page, "auditor@sumbar.demo");
  await page.goto("/a/bmcktr-sumbar/audit?action=task.return");
  const type = page.getByLabel("Jenis peristiwa");
  await expect(type).toHaveValue("task.return");
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  // Hydrated: "Hapus saringan" then moves within the app (next/link), not by a full reload.
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Hapus saringan" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  expect(await page.getByTestId("audit-row").count()).toBeGreaterThan(20);
  // The form says what the list shows: no filter.
  await expect(type).toHaveValue("");
  await expect(type.locator("option:checked")).toHaveText("Semua");
});

test("the rows and options travel once in the page, and the log still pages and comes back without reloading (decision 075)", async ({ page }) => {
  await signIn(page, "auditor@sumbar.demo");
  // A document request: the rows and the event types are in the markup, not again in the RSC payload.
  const html = await (await page.request.get("/a/bmcktr-sumbar/audit", { headers: { accept: "text/html" } })).text();
  const rowsInHtml = html.split('data-testid="audit-row"').length - 1;
  expect(rowsInHtml).toBeGreaterThan(20);
  expect(html.split('data-testid=\\"audit-row\\"').length - 1).toBe(0);
  expect(html.split('<option value="task.return">').length - 1).toBe(1);
  expect(html.split('value=\\"task.return\\"').length - 1).toBe(0);
  // The filter form's fields too (decision 087): labels and controls in the markup, not in the payload.
  expect(html.split('id="f-from"').length - 1).toBe(1);
  expect(html.split('\\"f-from\\"').length - 1).toBe(0);

  await page.goto("/a/bmcktr-sumbar/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(rowsInHtml);
  const firstTime = await rows.first().locator("time").getAttribute("datetime");
  await page.waitForLoadState("networkidle");
  const next = page.getByRole("link", { name: "Muat berikutnya" });
  if (await next.count()) {
    // The next page by the client router (its payload carries the rows), then back to the first.
    await next.click();
    await expect(page).toHaveURL(/[?&]before=\d+/);
    await expect(rows.first().locator("time")).not.toHaveAttribute("datetime", firstTime!);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(rows.first().locator("time")).toHaveAttribute("datetime", firstTime!);
    await expect(rows).toHaveCount(rowsInHtml);
  }
  // Away to another page of the app and back (the first page's tree is mounted again from the router's cache).
  await page.getByRole("link", { name: "Beranda", exact: true }).first().click();
  await expect(page).not.toHaveURL(/\/audit/);
  await page.goBack();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows.first().locator("time")).toHaveAttribute("datetime", firstTime!);
  await expect(rows).toHaveCount(rowsInHtml);
  // The filters still filter, their options intact after the moves.
  await page.getByLabel("Jenis peristiwa").selectOption({ label: "Mengembalikan untuk perbaikan" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]action=task\.return/);
  await expect(rows).toHaveCount(1);
});

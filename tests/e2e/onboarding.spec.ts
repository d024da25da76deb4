/**
 * Issue #13's acceptance journey, in Chromium, on a fresh database, never
 * touching the three demo agencies: the platform administrator creates a
 * government and a Dinas in WIT with a brand-new administrator; that
 * administrator sets a password, creates four roles (one the head) and three
 * Bidang, imports six members from an xlsx (a row with a bad NIP and a
 * duplicate NIP are shown first, nothing saved; the fixed file is saved),
 * pastes a procedure whose executors include a role the agency lacks and
 * creates it from the import screen; the head activates the SOP; a cycle is
 * started and its first task reaches the right member's inbox; a Plt. of the
 * head approves the decision step, and the timeline and the printed SOP
 * signature (a version the Plt. activates) show "Plt.". Non-administrators,
 * the Plt. included, calling the member and acting actions directly are
 * refused with nothing changed.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { builtActions, callAction, requireActionId, signIn as httpSignIn, type WireActionResult } from "../support/http";
import { signIn } from "./helpers";

const SLUG = "dkp-merauke";
const AGENCY = "Dinas Ketahanan Pangan Kabupaten Merauke";
const ADMIN_NIP = "198603152010012004";
const ROLES = {
  head: "Kepala Dinas Ketahanan Pangan",
  evaluator: "Tim Penilai Kinerja Internal",
  penyuluh: "Penyuluh Ketahanan Pangan",
  analis: "Analis Distribusi Pangan",
};
const UNITS = ["Bidang Ketersediaan Pangan", "Bidang Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan"];
/** Six members as a SIASN export has them, plus PERAN and EMAIL. */
const MEMBERS = [
  { nip: "197405122000031002", name: "Petrus Gebze", gelarDepan: "Ir.", gelarBelakang: "M.Si.", jabatan: "Kepala Dinas", gol: "Pembina Utama Muda (IV/c)", unit: "", roles: ROLES.head },
  { nip: "198011042005012003", name: "Yuliana Kaize", gelarDepan: "", gelarBelakang: "S.P., M.M.", jabatan: "Kepala Bidang Distribusi Pangan", gol: "Pembina (IV/a)", unit: UNITS[1], roles: ROLES.analis },
  { nip: "199002202015031001", name: "Markus Mahuze", gelarDepan: "", gelarBelakang: "S.P.", jabatan: "Penyuluh Pertanian Ahli Pertama", gol: "Penata Muda (III/a)", unit: UNITS[0], roles: ROLES.penyuluh },
  { nip: "199105182016022002", name: "Maria Ndiken", gelarDepan: "", gelarBelakang: "S.E.", jabatan: "Analis Kinerja", gol: "Penata Muda Tk. I (III/b)", unit: UNITS[2], roles: ROLES.evaluator },
  { nip: "199207072017031003", name: "Yosep Balagaize", gelarDepan: "", gelarBelakang: "", jabatan: "Pengelola Data", gol: "Pengatur (II/c)", unit: UNITS[1], roles: ROLES.analis },
  { nip: "199309092018032001", name: "Agustina Samkakai", gelarDepan: "", gelarBelakang: "A.Md.", jabatan: "Pengadministrasi Umum", gol: "Pengatur Muda (II/a)", unit: UNITS[2], roles: ROLES.penyuluh },
];
const [HEAD, PLT, PENYULUH] = [MEMBERS[0]!, MEMBERS[1]!, MEMBERS[2]!];
/** Added by hand after the SOP's import created the role this member holds. */
const ARCHIVIST = { nip: "199511232019032004", name: "Fransiska Gebze", initialPassword: "ArsipAwal2026!" };
const PASSWORD = "MeraukeKotaRusa2026";
const SOP_NOMOR = "500/07/DKP-MRK/2026";

async function memberFile(dir: string, name: string, rows: (typeof MEMBERS)[number][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Data Pegawai");
  sheet.addRow(["NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "JABATAN NAMA", "GOL AKHIR NAMA", "UNOR NAMA", "PERAN", "EMAIL"]);
  for (const m of rows) sheet.addRow([m.nip, m.name, m.gelarDepan, m.gelarBelakang, m.jabatan, m.gol, m.unit, m.roles, ""]);
  sheet.getColumn(1).numFmt = "@";
  const file = path.join(dir, name);
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** Follows a set-password link, chooses a password, signs in. */
async function firstSignIn(browser: Browser, link: string, nip: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ulangi kata sandi baru").fill(PASSWORD);
  await page.getByRole("button", { name: /Simpan/ }).click();
  await expect(page.getByText("Kata sandi tersimpan.")).toBeVisible();
  await signIn(page, nip, PASSWORD);
  return page;
}

/** Nothing sticks out sideways on a 390 px phone. */
async function fitsPhone(page: Page, what: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("a new Dinas in WIT, from nothing to a cycle approved by a Plt. of its head", async ({ browser, baseURL }) => {
  test.setTimeout(420_000);
  const dir = await mkdtemp(path.join(tmpdir(), "onboarding-"));
  const platform = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  let temporaryPassword = "";
  const links = new Map<string, string>();
  let sopUrl = "";
  let cycleUrl = "";

  await test.step("the platform administrator creates a government and the Dinas in WIT with a new administrator", async () => {
    await signIn(platform, "admin@alurkinerja.demo");
    await platform.goto("/admin");
    await platform.getByLabel("Tingkat").selectOption("KABUPATEN");
    await platform.getByLabel("Nama (tanpa kata Provinsi/Kabupaten/Kota)").fill("Merauke");
    await platform.getByRole("button", { name: "Tambah pemerintah daerah" }).click();
    await expect(platform.getByText("Pemerintah daerah ditambahkan.")).toBeVisible();
    await platform.reload();
    await platform.getByLabel("Pemerintah daerah", { exact: true }).selectOption({ label: "Kabupaten Merauke" });
    await platform.getByLabel("Nama resmi instansi").fill(AGENCY);
    await platform.getByLabel("Alamat singkat (slug)").fill(SLUG);
    await platform.getByLabel("Zona waktu").selectOption("WIT");
    await platform.getByLabel("Kota tempat penandatanganan").fill("Merauke");
    await platform.getByLabel("NIP administrator").fill(ADMIN_NIP);
    await platform.getByLabel("Nama lengkap").fill("Theresia Basik-Basik");
    await platform.getByLabel("Jabatan", { exact: true }).fill("Kepala Subbagian Umum dan Kepegawaian");
    await platform.getByRole("radio", { name: "Kata sandi sementara, ditampilkan sekali" }).check();
    await platform.getByRole("button", { name: "Tambah instansi" }).click();
    temporaryPassword = (await platform.getByTestId("credential-secret").innerText()).trim();
    await platform.getByRole("button", { name: "Selesai, sudah saya catat" }).click();
    await expect(platform).toHaveURL(/\/admin\/instansi\/[a-z0-9]+$/);
  });

  await test.step("the administrator sets a password, creates four roles (one the head) and three Bidang", async () => {
    await signIn(admin, ADMIN_NIP, temporaryPassword);
    await expect(admin).toHaveURL(/\/ganti-sandi$/);
    await admin.getByLabel("Kata sandi saat ini").fill(temporaryPassword);
    await admin.getByLabel("Kata sandi baru", { exact: true }).fill("AdminMerauke2026!");
    await admin.getByLabel("Ulangi kata sandi baru").fill("AdminMerauke2026!");
    await admin.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(admin).toHaveURL(new RegExp(`/a/${SLUG}$`));

    await admin.goto(`/a/${SLUG}/peran`);
    const form = admin.locator("form").filter({ has: admin.getByLabel("Nama peran") });
    for (const name of [ROLES.head, ROLES.evaluator, ROLES.penyuluh, ROLES.analis]) {
      await form.getByLabel("Nama peran").fill(name);
      if (name === ROLES.head) await form.getByRole("checkbox", { name: /^Kepala instansi/ }).check();
      await form.getByRole("button", { name: "Tambah peran" }).click();
      await expect(admin.getByText(`Peran “${name}” ditambahkan.`)).toBeVisible();
    }
    await admin.goto(`/a/${SLUG}/unit`);
    for (const name of UNITS) {
      await admin.getByLabel("Nama unit").fill(name);
      await admin.getByLabel("Jenis").selectOption({ label: "Bidang" });
      await admin.getByRole("button", { name: "Tambah unit" }).click();
      await expect(admin.getByText(`Unit “${name}” ditambahkan.`)).toBeVisible();
    }
  });

  await test.step("imports six members from an xlsx: a bad NIP and a duplicate NIP are shown first and nothing is saved; the fixed file is", async () => {
    await admin.goto(`/a/${SLUG}/anggota`);
    const template = await admin.request.get(`/a/${SLUG}/anggota/templat`);
    expect(template.status()).toBe(200);
    expect(template.headers()["content-type"]).toContain("spreadsheetml");

    const bad = [...MEMBERS.slice(0, 5), { ...MEMBERS[5]!, nip: "19930909 2018" }, { ...MEMBERS[4]!, name: "Yosep Ganda" }];
    await admin.getByLabel("Berkas xlsx daftar pegawai").setInputFiles(await memberFile(dir, "pegawai-salah.xlsx", bad));
    const preview = admin.getByTestId("member-import-preview");
    await expect(preview).toContainText("7 baris terbaca; 3 bermasalah.");
    await expect(admin.getByTestId("import-row-7")).toContainText("NIP harus 18 digit");
    await expect(admin.getByTestId("import-row-6")).toContainText("NIP sama dengan baris 8");
    await expect(preview.getByRole("button", { name: /Simpan/ })).toHaveCount(0);
    await expect(preview).toContainText("belum ada yang disimpan");
    await fitsPhone(admin, "the import preview");

    await admin.getByLabel("Berkas xlsx daftar pegawai").setInputFiles(await memberFile(dir, "pegawai.xlsx", MEMBERS));
    await expect(preview).toContainText("6 baris terbaca; 0 bermasalah.");
    await preview.getByRole("button", { name: "Simpan 6 anggota" }).click();
    const done = admin.getByTestId("member-import-done");
    await expect(done).toContainText("6 anggota diimpor.");
    for (const m of MEMBERS) links.set(m.nip, (await admin.getByTestId(`link-${m.nip}`).innerText()).trim());
    await admin.reload();
    await expect(admin.getByTestId("member-197405122000031002")).toContainText("Petrus Gebze");
  });

  await test.step("pastes a procedure naming a role the agency lacks, creates it there, and saves the draft", async () => {
    const table = [
      ["No", "Kegiatan", ROLES.head, ROLES.penyuluh, "Staf Arsip Pangan", "Kelengkapan", "Waktu", "Output", "Ket"],
      ["1", "Menyusun laporan realisasi ketersediaan pangan", "", "X", "", "Data produksi", "2 hari", "Laporan realisasi", ""],
      ["2", "Memeriksa dan menyetujui laporan; jika tidak disetujui dikembalikan ke langkah 1", "X", "", "", "Laporan realisasi", "1 hari", "Laporan disetujui", ""],
      ["3", "Mengarsipkan laporan pengukuran", "", "", "X", "Laporan disetujui", "1 hari", "Arsip", ""],
    ]
      .map((r) => r.join("\t"))
      .join("\n");
    await admin.goto(`/a/${SLUG}/sops/import?tab=paste`);
    await admin.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(table);
    await admin.getByRole("button", { name: "Baca tabel" }).click();
    const missing = admin.getByTestId("missing-roles");
    await missing.getByRole("button", { name: "Buat peran “Staf Arsip Pangan”" }).click();
    await missing.getByRole("button", { name: "Buat peran" }).click();
    await expect(admin.getByText("Peran “Staf Arsip Pangan” dibuat.")).toBeVisible();
    await admin.getByRole("button", { name: "Lanjutkan ke editor" }).click();
    await admin.getByLabel("Nomor SOP").fill(SOP_NOMOR);
    await admin.getByLabel("Nama SOP").fill("Pelaporan Realisasi Ketersediaan Pangan");
    await admin.getByLabel("Unit", { exact: true }).fill("Sekretariat");
    await admin.getByLabel("Jabatan", { exact: true }).fill(ROLES.head);
    await admin.getByLabel("Nama", { exact: true }).fill("Ir. Petrus Gebze, M.Si.");
    await admin.getByRole("button", { name: "Simpan sebagai Draf" }).click();
    await expect(admin.getByText("SOP disimpan sebagai Draf.")).toBeVisible();
    await admin.waitForURL(/\/sops\/[a-z0-9]+$/);
    sopUrl = new URL(admin.url()).pathname;
  });

  const head = await firstSignIn(browser, links.get(HEAD.nip)!, HEAD.nip);
  await test.step("the head activates the SOP", async () => {
    await head.goto(sopUrl);
    await head.getByRole("button", { name: "Sahkan" }).click();
    await head.getByRole("button", { name: "Ya, sahkan" }).click();
    await expect(head.getByText("SOP disahkan dan kini berlaku.")).toBeVisible();
  });

  const penyuluh = await firstSignIn(browser, links.get(PENYULUH.nip)!, PENYULUH.nip);
  await test.step("a cycle is started; its first task reaches the Penyuluh's inbox, who completes it", async () => {
    await admin.goto(`/a/${SLUG}/cycles`);
    const sopValue = await admin.locator("#start-sopId option", { hasText: SOP_NOMOR }).getAttribute("value");
    await admin.getByLabel("SOP", { exact: true }).selectOption(sopValue!);
    await admin.getByLabel("Tahun").fill("2026");
    await admin.getByLabel("Periode").selectOption({ label: "Tahunan" });
    await admin.getByRole("button", { name: "Mulai siklus" }).click();
    await admin.waitForURL(/\/cycles\/[a-z0-9]+$/);
    cycleUrl = new URL(admin.url()).pathname;

    await penyuluh.goto(`/a/${SLUG}`);
    await expect(penyuluh.getByTestId("my-tasks")).toContainText("Langkah 1: Menyusun laporan realisasi ketersediaan pangan");
    await penyuluh.goto(cycleUrl);
    await expect(penyuluh.getByTestId("action-panel")).toContainText(/Langkah 1/);
    await penyuluh.getByLabel("Ringkasan output").fill("Laporan realisasi ketersediaan pangan 2026 terlampir.");
    await penyuluh.getByRole("button", { name: "Selesaikan langkah" }).click();
    await expect(penyuluh.getByText("Langkah selesai dan diteruskan ke langkah berikutnya.")).toBeVisible();
  });

  const plt = await firstSignIn(browser, links.get(PLT.nip)!, PLT.nip);
  await test.step("the administrator appoints a Plt. of the head; the Plt. sees the head's task and approves it", async () => {
    await admin.goto(`/a/${SLUG}/plt`);
    await admin.getByLabel("Peran yang dijabat").selectOption({ label: ROLES.head });
    await admin.getByLabel("Pelaksana", { exact: true }).selectOption({ label: "Yuliana Kaize (19801104 200501 2 003)" });
    await admin.getByLabel("Jenis", { exact: true }).selectOption("PLT");
    await admin.getByLabel("Nomor surat perintah/keputusan").fill("800/112/DKP/2026");
    await admin.getByLabel("Mulai", { exact: true }).fill(inDays(-1));
    await admin.getByLabel("Sampai (termasuk)").fill(inDays(7));
    await admin.getByRole("button", { name: "Tunjuk" }).click();
    await expect(admin.getByText("Penunjukan disimpan.")).toBeVisible();
    await expect(admin.getByText(`Plt. ${ROLES.head}: Yuliana Kaize`)).toBeVisible();
    await fitsPhone(admin, "the Plt./Plh. page");

    await plt.goto(`/a/${SLUG}`);
    await expect(plt.getByText(`Plt. ${ROLES.head}`).first()).toBeVisible();
    await expect(plt.getByTestId("my-tasks")).toContainText("Langkah 2: Memeriksa dan menyetujui laporan");
    await plt.goto(cycleUrl);
    await expect(plt.getByTestId("action-panel")).toContainText(/Langkah 2/);
    await plt.getByRole("button", { name: "Setujui (Ya)" }).click();
    await plt.getByRole("alertdialog").getByRole("button", { name: "Ya, setujui" }).click();
    await expect(plt.getByTestId("action-panel")).toHaveCount(0);
    await expect(plt.getByTestId("history-2-1")).toContainText(`Plt. ${ROLES.head}`);

    await plt.goto(`${cycleUrl}/timeline`);
    await expect(plt.getByText(`Plt. ${ROLES.head} · Yuliana Kaize`).first()).toBeVisible();
  });

  await test.step("a new member holding the role created from the import screen archives the cycle", async () => {
    await admin.goto(`/a/${SLUG}/anggota`);
    await admin.getByLabel("NIP", { exact: true }).fill(ARCHIVIST.nip);
    await admin.getByLabel("Nama lengkap").fill(ARCHIVIST.name);
    await admin.getByLabel("Kata sandi awal").fill(ARCHIVIST.initialPassword);
    await admin.getByRole("checkbox", { name: "Staf Arsip Pangan" }).first().check();
    await admin.getByRole("button", { name: "Tambah anggota" }).click();
    await expect(admin.getByText("Anggota ditambahkan.")).toBeVisible();

    const archivist = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signIn(archivist, ARCHIVIST.nip, ARCHIVIST.initialPassword);
    await expect(archivist).toHaveURL(/\/ganti-sandi$/);
    await archivist.getByLabel("Kata sandi saat ini").fill(ARCHIVIST.initialPassword);
    await archivist.getByLabel("Kata sandi baru", { exact: true }).fill(PASSWORD);
    await archivist.getByLabel("Ulangi kata sandi baru").fill(PASSWORD);
    await archivist.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(archivist).toHaveURL(new RegExp(`/a/${SLUG}$`));
    await expect(archivist.getByTestId("my-tasks")).toContainText("Langkah 3: Mengarsipkan laporan pengukuran");
    await archivist.goto(cycleUrl);
    await archivist.getByLabel("Ringkasan output").fill("Laporan pengukuran 2026 diarsipkan di Sekretariat.");
    // The archive step records the upload to the national e-SAKIP application (dated in WIT).
    await archivist.getByLabel("Tanggal unggah ke e-SAKIP").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jayapura" }));
    await archivist.getByLabel("Nomor referensi / tanda terima e-SAKIP").fill("ESR-2026-DKP-MRK-0001");
    await archivist.getByRole("button", { name: "Arsipkan dan tutup siklus" }).click();
    await archivist.getByRole("alertdialog").getByRole("button", { name: "Ya, arsipkan" }).click();
    await expect(archivist.getByText("Siklus selesai dan diarsipkan.")).toBeVisible();
    await archivist.context().close();
  });

  await test.step("the Plt. uploads the wet-signed scan of the cycle's archive record; a stranger's check of its code names this Dinas", async () => {
    // The scan route (decision 060) on an agency nobody seeded, signed by an acting head.
    const scan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.from("catatan arsip DKP Merauke")]);
    await plt.goto(`${cycleUrl}/timeline`);
    const box = plt.getByTestId("scan-archive-record");
    await box.getByLabel("Berkas pindaian").setInputFiles({ name: "catatan-arsip-ttd.png", mimeType: "image/png", buffer: scan });
    await box.getByRole("button", { name: "Unggah pindaian" }).click();
    await expect(box.getByText(/^Berkas disimpan\. Kode verifikasi:/)).toBeVisible({ timeout: 30_000 });
    const code = ((await box.locator("span.font-mono").textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(plt.getByTestId("latest-signed")).toContainText(`Kode ${code}`);

    const stranger = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await stranger.goto(`/v/${code}`);
    await expect(stranger.getByTestId("verify-status")).toHaveText("Status: Sah: ditandatangani");
    await expect(stranger.getByText(AGENCY, { exact: true })).toBeVisible();
    await expect(stranger.getByText("Tanda tangan basah (pindaian)")).toBeVisible();
    await stranger.getByLabel("Periksa berkas").setInputFiles({ name: "pindaian.png", mimeType: "image/png", buffer: scan });
    await stranger.getByRole("button", { name: "Periksa", exact: true }).click();
    await expect(stranger.getByText("Cocok: berkas ini sama persis")).toBeVisible();
    await stranger.context().close();
  });

  await test.step("a new version activated by the Plt. prints the Plt.'s signature block", async () => {
    await admin.goto(sopUrl);
    await admin.getByRole("button", { name: "Buat versi baru" }).click();
    await admin.waitForURL((url) => !url.pathname.endsWith(sopUrl.split("/").at(-1)!));
    const draftId = new URL(admin.url()).pathname.split("/sops/")[1]!.split("/")[0]!;
    await plt.goto(`/a/${SLUG}/sops/${draftId}`);
    await plt.getByRole("button", { name: "Sahkan" }).click();
    await plt.getByRole("button", { name: "Ya, sahkan" }).click();
    await expect(plt.getByText("SOP disahkan dan kini berlaku.")).toBeVisible();
    await plt.reload();
    await expect(plt.locator('[data-field="disahkanJabatan"]')).toHaveText(`Plt. ${ROLES.head}`);
    await expect(plt.locator('[data-field="disahkanNama"]')).toHaveText("Yuliana Kaize, S.P., M.M.");
    await expect(plt.locator('[data-field="disahkanNip"]')).toContainText("19801104 200501 2 003");
  });

  await test.step("a member and the Plt. call the member and acting actions directly: refused, nothing changed", async () => {
    await admin.goto(`/a/${SLUG}/anggota`);
    const before = await admin.getByRole("list").last().innerText();
    const actions = await builtActions();
    for (const nip of [PENYULUH.nip, PLT.nip]) {
      const cookie = await httpSignIn(baseURL!, nip, PASSWORD);
      expect(cookie).not.toBeNull();
      const calls: [string, unknown][] = [
        ["lib/agency/actions.ts#addMemberAction", { nip: "199501012020121001", name: "Siluman", password: "SandiSiluman123", roleCodes: ["ADMIN"] }],
        ["lib/member/actions.ts#updateMemberAction", { userId: "x", name: "Diganti Diam-diam" }],
        ["lib/member/actions.ts#resetMemberPasswordAction", { userId: "x", mode: "temporary_password" }],
        ["lib/member/actions.ts#importMembersAction", { fileBase64: "UEsDBA==", commit: true }],
        ["lib/role/acting-actions.ts#appointActingAction", { roleId: "x", userId: "x", kind: "PLT", startDate: inDays(0), endDate: inDays(3), decreeNumber: "SK/1" }],
        ["lib/role/acting-actions.ts#endActingAction", { appointmentId: "x" }],
      ];
      for (const [key, input] of calls) {
        const response = await callAction(baseURL!, requireActionId(actions, key), [SLUG, input], { cookie, path: `/a/${SLUG}` });
        expect(response.status, key).toBeLessThan(500);
        expect(response.result as WireActionResult, key).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    await admin.reload();
    expect(await admin.getByRole("list").last().innerText()).toBe(before);
  });

  await test.step("a member's profile shows their roles and unit", async () => {
    await penyuluh.goto("/profil");
    await expect(penyuluh.getByTestId("profile-agencies")).toContainText(ROLES.penyuluh);
    await expect(penyuluh.getByTestId("profile-agencies")).toContainText(UNITS[0]!);
    const overflow = await penyuluh.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

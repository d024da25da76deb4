/**
 * From nothing to an agency that runs its own SOPs, in Chromium, on a fresh
 * database, without the demo agencies: the platform administrator creates a
 * government and a Dinas in WIT with a brand-new administrator (temporary
 * password shown once); that administrator signs in, is made to choose a
 * password, creates four roles none of the demo agencies has (one the head)
 * and three Bidang, and watches the first-steps checklist fill; a pasted SOP
 * names an executor the agency lacks and the administrator creates it on
 * the spot; a member who is not an administrator calls every role and unit
 * action directly and is refused with nothing changed; deleting a role a step
 * uses is refused; the platform administrator's look at the members is audited.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { builtActions, callAction, requireActionId, signIn as httpSignIn, type WireActionResult } from "../support/http";
import { keepScreenshot, signIn, signOut } from "./helpers";

const SHOTS = path.join("test-results", "onboarding-shots");
const SLUG = "disparekraf-sorong";
const AGENCY = "Dinas Pariwisata dan Ekonomi Kreatif Kota Sorong";
const ADMIN_NIP = "198804122014022003";
const MEMBER_NIP = "199107082015031004";
const MEMBER_PASSWORD = "SandiPegawaiSorong1";
const MEMBER_INITIAL_PASSWORD = "SandiAwalDariAdmin1";
const ROLES = [
  { name: "Kepala Dinas Pariwisata dan Ekonomi Kreatif", code: "KEPALA_DINAS_PARIWISATA_DAN_EKONOMI_KREA", head: true },
  { name: "Tim Evaluator Kinerja", code: "TIM_EVALUATOR_KINERJA", verifies: true },
  { name: "Pengelola Destinasi Wisata", code: "PENGELOLA_DESTINASI_WISATA" },
  { name: "Analis Ekonomi Kreatif", code: "ANALIS_EKONOMI_KREATIF" },
];
const UNITS = ["Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Ekonomi Kreatif"];

/** Screenshots to look at, phone and laptop. */
async function shoot(browser: Browser, page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await keepScreenshot(page, { path: path.join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await keepScreenshot(page, { path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
  // Nothing may stick out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  void browser;
}

const progress = (page: Page) => page.getByTestId("first-steps-progress");

test("a platform administrator onboards a new Dinas in WIT and its new administrator sets it up", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const platform = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  let temporaryPassword = "";
  let agencyPageUrl = "";

  await test.step("the platform administrator creates a government and the agency with its first administrator", async () => {
    await signIn(platform, "admin@alurkinerja.demo");
    await platform.goto("/admin");
    await platform.getByLabel("Tingkat").selectOption("KOTA");
    await platform.getByLabel("Nama (tanpa kata Provinsi/Kabupaten/Kota)").fill("Sorong");
    await platform.getByRole("button", { name: "Tambah pemerintah daerah" }).click();
    await expect(platform.getByText("Pemerintah daerah ditambahkan.")).toBeVisible();

    await platform.reload();
    await platform.getByLabel("Pemerintah daerah", { exact: true }).selectOption({ label: "Kota Sorong" });
    await platform.getByLabel("Nama resmi instansi").fill(AGENCY);
    await platform.getByLabel("Alamat singkat (slug)").fill(SLUG);
    await platform.getByLabel("Zona waktu").selectOption("WIT");
    await platform.getByLabel("Kota tempat penandatanganan").fill("Sorong");
    await platform.getByLabel("NIP administrator").fill("19880412 201402 2 003");
    await platform.getByLabel("Nama lengkap").fill("Maria Kambu");
    await platform.getByLabel("Jabatan", { exact: true }).fill("Kepala Subbagian Umum dan Kepegawaian");
    await platform.getByRole("radio", { name: "Kata sandi sementara, ditampilkan sekali" }).check();
    await shoot(browser, platform, "admin-create-agency");
    await platform.getByRole("button", { name: "Tambah instansi" }).click();

    const notice = platform.getByTestId("credential-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Ditampilkan sekali ini saja");
    temporaryPassword = (await platform.getByTestId("credential-secret").innerText()).trim();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    await shoot(browser, platform, "admin-credential-once");
    await platform.getByRole("button", { name: "Selesai, sudah saya catat" }).click();
    await expect(platform).toHaveURL(/\/admin\/instansi\/[a-z0-9]+$/);
    agencyPageUrl = platform.url();
    await expect(platform.getByRole("heading", { name: AGENCY })).toBeVisible();
    await expect(platform.getByTestId("agency-admins")).toContainText("Maria Kambu");
    await expect(platform.getByTestId("agency-admins")).toContainText("Belum memilih kata sandi sendiri");
    // The secret is gone once acknowledged: reloading shows no password anywhere.
    await platform.reload();
    await expect(platform.getByText(temporaryPassword)).toHaveCount(0);
    await expect(platform.getByTestId("signature-sample")).toContainText(/Sorong, \d{1,2} \w+ \d{4}/);
    await shoot(browser, platform, "admin-agency-page");
  });

  await test.step("the new administrator signs in and must choose a password before anything else", async () => {
    await signIn(admin, ADMIN_NIP, temporaryPassword);
    await expect(admin).toHaveURL(/\/ganti-sandi$/);
    await expect(admin.getByText("Selamat datang, Maria Kambu")).toBeVisible();
    await admin.goto(`/a/${SLUG}`);
    await expect(admin).toHaveURL(/\/ganti-sandi$/);
    await shoot(browser, admin, "forced-password-change");
    await admin.getByLabel("Kata sandi saat ini").fill(temporaryPassword);
    await admin.getByLabel("Kata sandi baru", { exact: true }).fill("SorongKotaMinyak2026");
    await admin.getByLabel("Ulangi kata sandi baru").fill("SorongKotaLain2026");
    await admin.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(admin.getByText("Kedua isian kata sandi baru tidak sama.")).toBeVisible();
    await admin.getByLabel("Ulangi kata sandi baru").fill("SorongKotaMinyak2026");
    await admin.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(admin).toHaveURL(new RegExp(`/a/${SLUG}$`));
    await expect(admin.getByTestId("agency-name")).toHaveText(AGENCY);
    await expect(progress(admin)).toHaveText("0 dari 5 langkah selesai");
    await shoot(browser, admin, "first-steps-empty");
  });

  await test.step("creates four roles the demo agencies do not have, one the head, and the checklist moves", async () => {
    await admin.getByTestId("first-step-roles").getByRole("link").click();
    await expect(admin).toHaveURL(new RegExp(`/a/${SLUG}/peran$`));
    const form = admin.locator("form").filter({ has: admin.getByLabel("Nama peran") });
    for (const role of ROLES) {
      await form.getByLabel("Nama peran").fill(role.name);
      if (role.head) await form.getByRole("checkbox", { name: /^Kepala instansi/ }).check();
      if (role.verifies) await form.getByRole("checkbox", { name: /Memverifikasi realisasi/ }).check();
      await form.getByRole("button", { name: "Tambah peran" }).click();
      await expect(admin.getByText(`Peran “${role.name}” ditambahkan.`)).toBeVisible();
      await expect(admin.getByTestId(`role-${role.code}`)).toContainText(`Kode ${role.code}`);
    }
    await expect(admin.getByTestId(`role-${ROLES[0]!.code}`)).toContainText("Kepala instansi");
    await expect(admin.getByTestId(`role-${ROLES[1]!.code}`).getByRole("checkbox", { name: /Memverifikasi realisasi/ })).toBeChecked();
    await expect(admin.getByTestId(`role-${ROLES[0]!.code}`).getByRole("checkbox", { name: /Memberlakukan SOP/ })).toBeChecked();
    // A second role with the same name, whatever the case, is refused.
    await form.getByLabel("Nama peran").fill("tim evaluator KINERJA");
    await form.getByRole("button", { name: "Tambah peran" }).click();
    await expect(form.getByText("Sudah ada peran bernama “tim evaluator KINERJA” di instansi ini.").first()).toBeVisible();
    await shoot(browser, admin, "roles");
    await admin.goto(`/a/${SLUG}`);
    await expect(progress(admin)).toHaveText("1 dari 5 langkah selesai");
    await expect(admin.getByTestId("first-step-roles")).toHaveAttribute("data-done", "true");
  });

  await test.step("creates three Bidang", async () => {
    await admin.getByTestId("first-step-units").getByRole("link").click();
    await expect(admin).toHaveURL(new RegExp(`/a/${SLUG}/unit$`));
    for (const [i, name] of UNITS.entries()) {
      await admin.getByLabel("Nama unit").fill(name);
      await admin.getByLabel("Jenis").selectOption({ label: "Bidang" });
      // The usual title is offered; left empty, it is what the unit gets.
      await expect(admin.getByLabel("Jabatan kepala unit")).toHaveAttribute("placeholder", `Kepala ${name}`);
      if (i < 2) await admin.getByLabel("Jabatan kepala unit").fill(`Kepala ${name}`);
      await admin.getByRole("button", { name: "Tambah unit" }).click();
      await expect(admin.getByText(`Unit “${name}” ditambahkan.`)).toBeVisible();
    }
    await expect(admin.getByTestId("unit-row")).toHaveCount(3);
    for (const [i, name] of UNITS.entries()) {
      await expect(admin.getByTestId("unit-row").nth(i)).toContainText(new RegExp(`^${name}\\s*Bidang\\s*Kepala ${name}: kosong · 0 anggota · 0 indikator`));
    }
    await shoot(browser, admin, "units");
    await admin.goto(`/a/${SLUG}`);
    await expect(progress(admin)).toHaveText("2 dari 5 langkah selesai");
  });

  await test.step("adds a member to a Bidang", async () => {
    await admin.goto(`/a/${SLUG}/anggota`);
    await admin.getByLabel("NIP", { exact: true }).fill(MEMBER_NIP);
    await admin.getByLabel("Nama lengkap").fill("Yakob Mambraku");
    await admin.getByLabel("Kata sandi awal").fill(MEMBER_INITIAL_PASSWORD);
    await admin.getByLabel("Unit kerja", { exact: true }).selectOption({ label: UNITS[0]! });
    await admin.getByRole("checkbox", { name: ROLES[2]!.name }).first().check();
    await admin.getByRole("button", { name: "Tambah anggota" }).click();
    await expect(admin.getByText("Anggota ditambahkan.")).toBeVisible();
    // The administrator chose that password: the member replaces it at first sign-in.
    const member = await (await browser.newContext()).newPage();
    await signIn(member, MEMBER_NIP, MEMBER_INITIAL_PASSWORD);
    await expect(member).toHaveURL(/\/ganti-sandi$/);
    await member.getByLabel("Kata sandi saat ini").fill(MEMBER_INITIAL_PASSWORD);
    await member.getByLabel("Kata sandi baru", { exact: true }).fill(MEMBER_PASSWORD);
    await member.getByLabel("Ulangi kata sandi baru").fill(MEMBER_PASSWORD);
    await member.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(member).toHaveURL(new RegExp(`/a/${SLUG}$`));
    await member.context().close();
    await admin.goto(`/a/${SLUG}`);
    await expect(progress(admin)).toHaveText("3 dari 5 langkah selesai");
    await shoot(browser, admin, "first-steps-progress");
  });

  await test.step("a pasted SOP names an executor the agency lacks: the administrator creates it there and saves the draft", async () => {
    const table = [
      ["No", "Kegiatan", ROLES[0]!.name, ROLES[2]!.name, "Staf Dokumentasi", "Kelengkapan", "Waktu", "Output", "Ket"],
      ["1", "Memerintahkan pengukuran kinerja triwulan", "X", "", "", "Perjanjian Kinerja", "1 hari", "Nota Dinas", ""],
      ["2", "Mengisi realisasi dan data dukung", "", "X", "", "Format realisasi", "2 hari", "Realisasi", ""],
      ["3", "Mengarsipkan laporan pengukuran", "", "", "X", "Laporan", "1 hari", "Arsip", ""],
    ]
      .map((r) => r.join("\t"))
      .join("\n");
    await admin.goto(`/a/${SLUG}/sops/import?tab=paste`);
    await admin.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(table);
    await admin.getByRole("button", { name: "Baca tabel" }).click();
    const missing = admin.getByTestId("missing-roles");
    await expect(missing.getByRole("heading", { name: "Peran yang tidak ditemukan" })).toBeVisible();
    await shoot(browser, admin, "import-missing-roles");
    await missing.getByRole("button", { name: "Buat peran “Staf Dokumentasi”" }).click();
    await expect(missing.getByLabel("Nama peran baru untuk “Staf Dokumentasi”")).toHaveValue("Staf Dokumentasi");
    await missing.getByRole("button", { name: "Buat peran" }).click();
    await expect(admin.getByText("Peran “Staf Dokumentasi” dibuat.")).toBeVisible();
    await expect(admin.getByTestId("paste-step-3").getByLabel("Pelaksana langkah 3", { exact: true })).toHaveValue("STAF_DOKUMENTASI");
    await admin.getByRole("button", { name: "Lanjutkan ke editor" }).click();
    await admin.getByLabel("Nomor SOP").fill("556/01/DISPAREKRAF/2026");
    await admin.getByLabel("Nama SOP").fill("Pengukuran Kinerja");
    await admin.getByLabel("Unit", { exact: true }).fill("Sekretariat");
    await admin.getByLabel("Jabatan", { exact: true }).fill(ROLES[0]!.name);
    await admin.getByLabel("Nama", { exact: true }).fill("Dr. Yohanes Rumbiak");
    await admin.getByRole("button", { name: "Simpan sebagai Draf" }).click();
    await expect(admin.getByText("SOP disimpan sebagai Draf.")).toBeVisible();
  });

  await test.step("deleting a role a step uses is refused, naming the step; nothing changes", async () => {
    await admin.goto(`/a/${SLUG}/peran`);
    admin.once("dialog", (d) => void d.accept());
    await admin.getByTestId("role-STAF_DOKUMENTASI").getByRole("button", { name: "Hapus" }).click();
    await expect(
      admin.getByText("Peran “Staf Dokumentasi” tidak dapat dihapus karena masih dipakai: 1 langkah SOP (556/01/DISPAREKRAF/2026 v1 langkah 3)."),
    ).toBeVisible();
    await admin.reload();
    await expect(admin.getByTestId("role-STAF_DOKUMENTASI")).toBeVisible();
  });

  await test.step("a member who is not an administrator calls every role and unit action directly: refused, nothing changed", async () => {
    const roleIds = await admin.locator("[data-role-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-role-id")!));
    const headId = (await admin.getByTestId(`role-${ROLES[0]!.code}`).getAttribute("data-role-id"))!;
    const memberRoleId = (await admin.getByTestId(`role-${ROLES[2]!.code}`).getAttribute("data-role-id"))!;
    const rolesBefore = await admin.getByTestId("role-list").innerText();
    await admin.goto(`/a/${SLUG}/unit`);
    const unitId = (await admin.getByTestId("unit-row").first().getAttribute("data-unit-id"))!;
    const unitsBefore = await admin.getByTestId("unit-list").innerText();

    const cookie = await httpSignIn(baseURL!, MEMBER_NIP, MEMBER_PASSWORD);
    expect(cookie).not.toBeNull();
    const actions = await builtActions();
    const calls: [string, unknown][] = [
      ["lib/role/actions.ts#createRoleAction", { name: "Peran Siluman", isHead: true, capabilities: ["sop.edit"] }],
      ["lib/role/actions.ts#renameRoleAction", { roleId: headId, name: "Diganti Diam-diam" }],
      ["lib/role/actions.ts#setHeadRoleAction", { roleId: memberRoleId }],
      ["lib/role/actions.ts#reorderRolesAction", { roleIds: [...roleIds].reverse() }],
      ["lib/role/actions.ts#setRoleCapabilitiesAction", { roleId: memberRoleId, capabilities: ["sop.edit", "sop.activate", "performance.manage", "realization.verify"] }],
      ["lib/role/actions.ts#deleteRoleAction", { roleId: roleIds.at(-3) }],
      ["lib/unit/actions.ts#createUnitAction", { name: "Bidang Siluman", kind: "BIDANG" }],
      ["lib/unit/actions.ts#updateUnitAction", { unitId, name: "Bidang Diganti", kind: "UPTD" }],
      ["lib/unit/actions.ts#setUnitActiveAction", { unitId, active: false }],
    ];
    for (const [key, input] of calls) {
      const response = await callAction(baseURL!, requireActionId(actions, key), [SLUG, input], { cookie, path: `/a/${SLUG}` });
      const result = response.result as WireActionResult;
      expect(response.status, key).toBeLessThan(500);
      expect(result, key).toMatchObject({ ok: false, code: "FORBIDDEN", error: "Anda tidak memiliki hak untuk melakukan tindakan ini." });
    }
    // Platform actions answer "not found" to anyone but the platform administrator.
    const platformCall = await callAction(baseURL!, requireActionId(actions, "lib/agency/actions.ts#setAgencyActiveAction"), [{ agencyId: "x", active: false }], { cookie, path: "/" });
    expect(platformCall.result).toMatchObject({ ok: false, code: "NOT_FOUND", error: "Data tidak ditemukan." });

    await admin.goto(`/a/${SLUG}/peran`);
    expect(await admin.getByTestId("role-list").innerText()).toBe(rolesBefore);
    await admin.goto(`/a/${SLUG}/unit`);
    expect(await admin.getByTestId("unit-list").innerText()).toBe(unitsBefore);
  });

  await test.step("a role given the right to write SOPs imports one; a missing executor it may map but not create, and it is told whom to ask", async () => {
    await admin.goto(`/a/${SLUG}/peran`);
    const pengelola = admin.getByTestId(`role-${ROLES[2]!.code}`);
    await pengelola.getByRole("checkbox", { name: /Menyusun SOP/ }).check();
    await pengelola.getByRole("button", { name: "Simpan hak" }).click();
    await expect(admin.getByText("Hak peran disimpan.")).toBeVisible();

    const member = await (await browser.newContext()).newPage();
    await signIn(member, MEMBER_NIP, MEMBER_PASSWORD);
    await member.goto(`/a/${SLUG}/sops/import?tab=paste`);
    const table = [
      ["No", "Kegiatan", ROLES[2]!.name, "Pemandu Wisata", "Kelengkapan", "Waktu", "Output"],
      ["1", "Menyusun jadwal kunjungan", "X", "", "Data destinasi", "1 hari", "Jadwal"],
      ["2", "Mendampingi kunjungan", "", "X", "Jadwal", "1 hari", "Laporan kunjungan"],
    ]
      .map((r) => r.join("\t"))
      .join("\n");
    await member.getByRole("textbox", { name: "Tabel prosedur", exact: true }).fill(table);
    await member.getByRole("button", { name: "Baca tabel" }).click();
    const missing = member.getByTestId("missing-roles");
    await expect(missing.getByTestId("ask-admins")).toHaveText("Untuk menambah peran baru, minta administrator instansi: Maria Kambu.");
    await expect(missing.getByRole("button", { name: /Buat peran/ })).toHaveCount(0);
    await shoot(browser, member, "import-read-only");
    await missing.getByLabel("Ganti peran baru “Pemandu Wisata” dengan").selectOption({ label: ROLES[3]!.name });
    await member.getByRole("button", { name: "Lanjutkan ke editor" }).click();
    await expect(member.getByLabel("Nomor SOP")).toBeVisible();
    await member.context().close();
  });

  await test.step("the platform administrator sees the agency's members, not its performance data, and the visit is audited", async () => {
    await platform.goto(agencyPageUrl);
    await platform.getByRole("link", { name: "Anggota", exact: true }).click();
    await expect(platform).toHaveURL(new RegExp(`/a/${SLUG}/anggota$`));
    await expect(platform.getByText("Kunjungan ini tercatat di jejak audit instansi.")).toBeVisible();
    await expect(platform.getByText("Yakob Mambraku")).toBeVisible();
    await expect(platform.getByRole("button", { name: "Tambah anggota" })).toHaveCount(0);
    await shoot(browser, platform, "oversight-members");
    const kinerja = await platform.goto(`/a/${SLUG}/kinerja`);
    expect(kinerja?.status()).toBe(404);
    await admin.goto(`/a/${SLUG}/audit`);
    await expect(admin.getByText("Administrator platform membuka halaman anggota").first()).toBeVisible();
  });

  await test.step("deactivating the agency locks its members out at once; reactivating lets them back", async () => {
    await platform.goto(agencyPageUrl);
    platform.once("dialog", (d) => void d.accept());
    await platform.getByRole("button", { name: "Nonaktifkan instansi" }).click();
    await expect(platform.getByText("Instansi dinonaktifkan.")).toBeVisible();
    const locked = await admin.goto(`/a/${SLUG}/peran`);
    expect(locked?.status()).toBe(404);
    await platform.getByRole("button", { name: "Aktifkan kembali" }).click();
    await expect(platform.getByText("Instansi diaktifkan kembali.")).toBeVisible();
    const back = await admin.goto(`/a/${SLUG}/peran`);
    expect(back?.status()).toBe(200);
  });

  await signOut(admin);
});

test("the demo agencies are set up as the new screens expect: no first steps left, unit heads seated, Tim SAKIP's rights shown as designations", async ({ page }) => {
  for (const [email, slug] of [
    ["admin@lumajang.demo", "diskominfo-lumajang"],
    ["admin@balangan.demo", "setwan-balangan"],
    ["admin@sumbar.demo", "bmcktr-sumbar"],
  ] as const) {
    await signIn(page, email);
    await page.goto(`/a/${slug}`);
    await expect(page.getByRole("heading", { name: "Tugas saya" })).toBeVisible();
    await expect(page.getByTestId("first-steps")).toHaveCount(0);
    if (slug === "bmcktr-sumbar") {
      await page.goto(`/a/${slug}/unit`);
      await expect(page.getByTestId("unit-list")).toContainText("Kepala Bidang Cipta Karya: Yusuf Kurniawan");
      await page.goto(`/a/${slug}/peran`);
      await expect(page.getByTestId("role-TIM_SAKIP").getByRole("checkbox", { name: /Memverifikasi realisasi/ })).toBeChecked();
      await expect(page.getByTestId("role-KADIS").getByRole("checkbox", { name: /Memberlakukan SOP/ })).toBeChecked();
    }
    await signOut(page);
  }
});

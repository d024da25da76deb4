import { expect, test } from "@playwright/test";

import { attemptSignIn, LOGIN_FAILED, signIn, signOut } from "./helpers";

test("a Kadis of Lumajang signs in with NIP and lands on the Lumajang dashboard", async ({ page }) => {
  await signIn(page, "19700110 200001 1 001");
  await expect(page).toHaveURL(/\/a\/diskominfo-lumajang$/);
  await expect(page.getByTestId("agency-name")).toHaveText("Dinas Komunikasi dan Informatika Kabupaten Lumajang");
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
  await expect(page.getByText("Kepala Dinas").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tugas saya" })).toBeVisible();
});

test("a wrong password shows the Indonesian error and does not sign in", async ({ page }) => {
  await attemptSignIn(page, "kadis@lumajang.demo", "salah-sekali");
  await expect(page.getByText(LOGIN_FAILED)).toBeVisible();
  await expect(page).toHaveURL(/\/masuk/);
  // An unknown account gets exactly the same message (no user enumeration).
  await attemptSignIn(page, "tidak.ada@contoh.demo", "salah-sekali");
  await expect(page.getByText(LOGIN_FAILED)).toBeVisible();
  await page.goto("/a/diskominfo-lumajang");
  await expect(page).toHaveURL(/\/masuk/);
});

test("a NIP typed with the wrong number of digits gets the format hint, not the generic failure", async ({ page }) => {
  await attemptSignIn(page, "19700110 200001 1 00"); // 17 digits
  await expect(page.getByText("NIP harus 18 digit angka, misalnya 19840518 201101 1 014.")).toBeVisible();
  await expect(page.getByText(LOGIN_FAILED)).toHaveCount(0);
  await expect(page).toHaveURL(/\/masuk/);
});

test("pages run under the nonce Content-Security-Policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const response = await page.goto("/masuk");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  // The form works: hydrated React validates before sending anything.
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Wajib diisi").first()).toBeVisible();
  await signIn(page, "kadis@lumajang.demo");
  await expect(page).toHaveURL(/\/a\/diskominfo-lumajang$/);
  await page.getByRole("link", { name: "SOP" }).first().click();
  await expect(page).toHaveURL(/\/sops/);
  await page.goto("/a/diskominfo-lumajang/tidak-ada");
  expect(violations).toEqual([]);
});

test("another agency's pages answer 404 to a non-member, without revealing they exist", async ({ page }) => {
  await signIn(page, "kadis@lumajang.demo");
  await expect(page).toHaveURL(/\/a\/diskominfo-lumajang$/);
  for (const path of ["/a/setwan-balangan", "/a/setwan-balangan/anggota", "/a/agensi-yang-tidak-ada"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  }
  // The 404 page's way home (a plain link since decision 080) leads to the member's own agency.
  await page.getByRole("link", { name: "Ke beranda" }).click();
  await expect(page).toHaveURL(/\/a\/diskominfo-lumajang$/);
  // A member without the admin role cannot open the member administration either.
  const response = await page.goto("/a/diskominfo-lumajang/anggota");
  expect(response?.status()).toBe(404);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "sekretaris@lumajang.demo");
  await expect(page).toHaveURL(/\/a\/diskominfo-lumajang$/);
  await signOut(page);
  await page.goto("/a/diskominfo-lumajang");
  await expect(page).toHaveURL(/\/masuk/);
});

test("the agency administrator adds a member who can then sign in, and deactivating locks them out", async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, "admin@lumajang.demo");
  await admin.getByRole("link", { name: "Anggota" }).click();
  await expect(admin.getByRole("heading", { name: "Anggota instansi", exact: true })).toBeVisible();

  await admin.getByLabel("NIP", { exact: true }).fill("19900215 201503 2 007");
  await admin.getByLabel("Nama lengkap").fill("Ratna Kusumawati");
  await admin.getByLabel("Email (opsional)").fill("ratna@lumajang.demo");
  await admin.getByLabel("Jabatan").fill("Analis Perencanaan");
  await admin.getByLabel("Kata sandi awal").fill("RahasiaRatna123");
  await admin.getByRole("checkbox", { name: "Tim SAKIP" }).first().check();
  await admin.getByRole("button", { name: "Tambah anggota" }).click();
  await expect(admin.getByText("Anggota ditambahkan.")).toBeVisible();
  const row = admin.getByTestId("member-199002152015032007");
  await expect(row).toContainText("Ratna Kusumawati");

  const member = await browser.newPage();
  await signIn(member, "199002152015032007", "RahasiaRatna123");
  // The administrator chose that password: Ratna chooses her own before anything else.
  await expect(member).toHaveURL(/\/ganti-sandi$/);
  await member.getByLabel("Kata sandi saat ini").fill("RahasiaRatna123");
  await member.getByLabel("Kata sandi baru", { exact: true }).fill("SandiRatnaSendiri1");
  await member.getByLabel("Ulangi kata sandi baru").fill("SandiRatnaSendiri1");
  await member.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(member).toHaveURL(/\/a\/diskominfo-lumajang$/);
  await expect(member.getByText("Tim SAKIP").first()).toBeVisible();

  await row.getByRole("button", { name: "Nonaktifkan" }).click();
  await expect(admin.getByText("Anggota dinonaktifkan.")).toBeVisible();
  // The member's existing session loses access on the very next request.
  const response = await member.reload();
  expect(response?.status()).toBe(404);
  await expect(member.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
});

test("the same form refuses a bad NIP with a clear message and adds nobody", async ({ page }) => {
  await signIn(page, "admin@lumajang.demo");
  await page.goto("/a/diskominfo-lumajang/anggota");
  await page.getByLabel("NIP", { exact: true }).fill("12345");
  await page.getByLabel("Nama lengkap").fill("Tanpa NIP");
  await page.getByRole("button", { name: "Tambah anggota" }).click();
  await expect(page.getByText("NIP harus 18 digit angka, misalnya 19840518 201101 1 014.")).toBeVisible();
  await expect(page.getByText("Pilih setidaknya satu peran.")).toBeVisible();
  await expect(page.getByText("Tanpa NIP")).toHaveCount(0);
});

test("health answers after a real database round trip, and every response carries the security headers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
});

import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

import { attemptSignIn, DEMO_PASSWORD, signOut } from "./helpers";

/** The code the member's phone would show, computed from the key the page showed. */
function codeFor(manualKey: string, offsetSeconds = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s/g, "")), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

// A demo member no other spec signs in with: turning 2FA on must not break anyone else's journey.
const MEMBER = "sekwan@balangan.demo";

test.setTimeout(120_000);

test("a member turns on two-factor sign-in on their profile, then signs in with password and code", async ({ page }) => {
  // On a phone: that is where the authenticator app is.
  await page.setViewportSize({ width: 390, height: 844 });
  await attemptSignIn(page, MEMBER);
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  await page.goto("/profil");
  const card = page.locator("#verifikasi-dua-langkah");
  await expect(card.getByTestId("two-factor-status")).toHaveText("Tidak aktif");
  await card.getByRole("button", { name: "Aktifkan verifikasi dua langkah" }).click();
  await expect(card.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
  const manualKey = (await card.getByTestId("manual-key").textContent())!.trim();
  expect(manualKey.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);

  await card.getByLabel("Kode verifikasi").fill(codeFor(manualKey));
  await card.getByRole("button", { name: "Konfirmasi dan aktifkan" }).click();
  const codes = card.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  await card.getByRole("button", { name: "Saya sudah menyimpan kode pemulihan" }).click();
  await expect(card.getByTestId("two-factor-status")).toHaveText("Aktif");
  await signOut(page);

  // The password alone opens nothing: the form asks for the code.
  await attemptSignIn(page, MEMBER, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Masukkan kode verifikasi" })).toBeVisible();
  await page.goto("/profil");
  await expect(page).toHaveURL(/\/masuk/);

  await attemptSignIn(page, MEMBER, DEMO_PASSWORD);
  // The enrolment code's time step is used up; the next step's code is what the phone shows 30 s later.
  await page.getByLabel("Kode verifikasi atau kode pemulihan").fill(codeFor(manualKey, 30));
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  await page.goto("/profil");
  await expect(page.locator("#verifikasi-dua-langkah").getByTestId("two-factor-status")).toHaveText("Aktif");
});

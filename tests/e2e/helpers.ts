import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "AlurKinerja2026";
export const LOGIN_FAILED = "NIP/email atau kata sandi salah, atau akun tidak aktif.";

/** Fills and submits the sign-in form; the caller checks the outcome. */
export async function attemptSignIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, identifier, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
}

export async function signOut(page: Page) {
  // On a phone "Keluar" is inside the header's Menu.
  const menu = page.locator("nav summary", { hasText: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Keluar" }).first().click();
  await expect(page).toHaveURL(/\/masuk/);
}

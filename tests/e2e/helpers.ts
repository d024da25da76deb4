import { expect, type Cookie, type Locator, type Page, type PageScreenshotOptions } from "@playwright/test";

export const DEMO_PASSWORD = "AlurKinerja2026";
export const LOGIN_FAILED = "NIP/email atau kata sandi salah, atau akun tidak aktif.";

/** Fills and submits the sign-in form; the caller checks the outcome. Never takes a shortcut. */
export async function attemptSignIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/**
 * The session cookie each identifier + password got from the form, for this worker process (so
 * for this server: one worker runs every file against one fresh database). The first sign-in of a
 * person in a run always goes through the form; a later one reuses that person's session in a new
 * context and opens "/", where the form would have sent them (docs/decisions/063-journey-duration.md).
 */
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in and waits until the app has left the sign-in page. A person who already signed in
 * through the form in this run gets their saved session instead; if the app refuses it (member
 * deactivated, password changed, …) the form runs as usual.
 */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  const key = `${identifier}\u0000${password}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/masuk")) return;
    sessions.delete(key);
  }
  await attemptSignIn(page, identifier, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  if (cookies.length > 0) sessions.set(key, cookies);
}

export async function signOut(page: Page) {
  // On a phone "Keluar" is inside the header's Menu.
  const menu = page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Keluar" }).first().click();
  await expect(page).toHaveURL(/\/masuk/);
}

/**
 * A picture for a person to look at, not an assertion: taken only when E2E_SCREENSHOTS=1
 * (a failing test still gets Playwright's own screenshot and trace). Rendering a full page to
 * PNG costs the browser far more than the journey's checks (docs/decisions/063-journey-duration.md).
 */
export async function keepScreenshot(target: Page | Locator, options: PageScreenshotOptions & { path: string }) {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  await target.screenshot(options);
}

import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

/**
 * The agency frame's navigation is one list (docs/decisions/069-agency-frame-cost.md): a row of
 * tabs on a laptop, the same list behind "Menu" on a phone, opened and closed by keyboard too.
 */
test("the agency navigation: tabs on a laptop, a Menu on a phone that Escape closes, giving focus back", async ({ page }) => {
  await signIn(page, "staf@balangan.demo");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/a/setwan-balangan/sops");
  const nav = page.getByRole("navigation", { name: "Menu" });
  const toggle = nav.getByRole("button", { name: "Menu" });
  await expect(nav.getByRole("link", { name: "SOP", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Siklus" })).toBeVisible();
  await expect(toggle).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(nav.getByRole("link", { name: "Siklus" })).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Beranda" })).toBeFocused();
  await expect(nav.getByRole("button", { name: "Keluar" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Siklus" })).toBeHidden();
  await expect(toggle).toBeFocused();

  await toggle.click();
  await nav.getByRole("link", { name: "Siklus" }).click();
  await expect(page).toHaveURL(/\/a\/setwan-balangan\/cycles$/);
  // Following a link closes the menu; the list marks the new page.
  await expect(nav.getByRole("link", { name: "Siklus" })).toBeHidden();
  await toggle.click();
  await expect(nav.getByRole("link", { name: "Siklus" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "SOP", exact: true })).not.toHaveAttribute("aria-current", "page");
});

/**
 * Before the frame's script arrives (a slow phone network) or without it, the phone Menu still opens:
 * the button opens the list natively (docs/decisions/078-frame-menu-and-dashboard.md).
 */
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("the phone Menu opens and its links lead on", async ({ page, browser, baseURL }) => {
    // The sign-in form needs its script: sign in in a context that has it, then carry the session over.
    const withScript = await browser.newContext({ baseURL });
    await signIn(await withScript.newPage(), "staf@balangan.demo");
    await page.context().addCookies(await withScript.cookies());
    await withScript.close();

    await page.goto("/a/setwan-balangan/sops");
    const nav = page.getByRole("navigation", { name: "Menu" });
    const toggle = nav.getByRole("button", { name: "Menu" });
    const cycles = nav.getByRole("link", { name: "Siklus" });
    await expect(cycles).toBeHidden();
    await toggle.click();
    await expect(cycles).toBeVisible();
    await expect(cycles).toBeInViewport();
    // The list drops down below the button, not over it.
    const button = (await toggle.boundingBox())!;
    expect((await cycles.boundingBox())!.y).toBeGreaterThanOrEqual(button.y + button.height);
    await cycles.click();
    await expect(page).toHaveURL(/\/a\/setwan-balangan\/cycles$/);
    await expect(nav.getByRole("link", { name: "Siklus" })).toBeHidden();
  });
});

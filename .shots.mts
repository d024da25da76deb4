import { chromium } from "playwright-core";
import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/support/chromium";
const base = "http://localhost:3221";
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
async function shoot(email: string, agency: string, name: string, widths: number[]) {
  for (const width of widths) {
    const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const page = await ctx.newPage();
    await page.goto(`${base}/masuk`);
    await page.getByLabel("NIP atau email").fill(email);
    await page.getByLabel("Kata sandi").fill("AlurKinerja2026");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/masuk"));
    await page.goto(`${base}/a/${agency}/cycles`);
    const link = page.locator("a", { hasText: /Buka siklus|Triwulan II/ }).first();
    const href = await page.locator('a[href*="/cycles/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
    const target = href.find((h) => h && /\/cycles\/[a-z0-9]+$/.test(h));
    // open the in-progress cycle (TW II): first listed is newest
    await page.goto(`${base}${target}`);
    const panel = page.getByTestId("action-panel");
    if (await panel.count()) await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: false });
    console.log(name, width, page.url(), await panel.count());
    await ctx.close();
  }
}
await shoot("kadis@lumajang.demo", "diskominfo-lumajang", "decision", [390, 1280]);
await shoot("sekretaris@sumbar.demo", "bmcktr-sumbar", "input", [390, 1280]);
await browser.close();

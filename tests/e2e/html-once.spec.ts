import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";

/**
 * The long server-made HTML of the SOP document, the cycle timeline and the realization recap
 * travels once in a page load (decision 075: HtmlOnce): in the markup, not again in the RSC payload
 * inlined for hydration. The page must still show it after the moves that remount it from the
 * client router's cache (away and back) and after a client navigation into it (where the payload
 * carries it). The audit log's rows have their own test in audit.spec.ts.
 */

const AGENCY = "/a/bmcktr-sumbar";

/** How often `marker` (an attribute as written in the markup) is in the page's HTML, and in its inlined payload (quotes escaped there). */
async function countsInDocument(page: Page, path: string, marker: string) {
  const html = await (await page.request.get(path, { headers: { accept: "text/html" } })).text();
  return { markup: html.split(marker).length - 1, payload: html.split(marker.replaceAll('"', '\\"')).length - 1 };
}

/** To the dashboard by the frame's link (a client navigation), then back. */
async function awayAndBack(page: Page, url: RegExp) {
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Beranda", exact: true }).first().click();
  await expect(page).not.toHaveURL(url);
  await page.goBack();
  await expect(page).toHaveURL(url);
}

test("the SOP document, the timeline and the recap are in the page once and survive the router's moves", async ({ page }) => {
  await signIn(page, "kadis@sumbar.demo");

  await test.step("SOP document", async () => {
    await page.goto(`${AGENCY}/sops`);
    // Into the document by the client router: its payload carries the document.
    await page.waitForLoadState("networkidle");
    await page.getByRole("heading", { level: 2 }).getByRole("link", { name: "Pengukuran Kinerja" }).click();
    await expect(page).toHaveURL(/\/sops\/[a-z0-9]+$/);
    const doc = page.getByTestId("sop-document");
    const steps = await doc.locator("tr[data-step]").count();
    expect(steps).toBeGreaterThan(3);
    const path = new URL(page.url()).pathname;
    const counts = await countsInDocument(page, path, 'data-executor="');
    expect(counts.markup).toBe(steps);
    expect(counts.payload).toBe(0);
    await page.goto(path);
    await expect(doc.locator("tr[data-step]")).toHaveCount(steps);
    await awayAndBack(page, /\/sops\/[a-z0-9]+$/);
    await expect(doc.locator("tr[data-step]")).toHaveCount(steps);
  });

  await test.step("cycle timeline", async () => {
    await page.goto(`${AGENCY}/cycles`);
    await page.getByTestId("cycle-list").getByRole("link").filter({ hasText: /Triwulan I 2026/ }).click();
    await expect(page).toHaveURL(/\/cycles\/[a-z0-9]+$/);
    const path = `${new URL(page.url()).pathname}/timeline`;
    const counts = await countsInDocument(page, path, 'class="tl-item ');
    expect(counts.markup).toBeGreaterThan(5);
    expect(counts.payload).toBe(0);
    await page.goto(path);
    const entries = page.getByTestId("timeline").locator("li.tl-item");
    await expect(entries).toHaveCount(counts.markup);
    await awayAndBack(page, /\/timeline$/);
    await expect(entries).toHaveCount(counts.markup);
    await expect(page.getByTestId("return-reason").first()).toBeVisible();
  });

  await test.step("realization recap", async () => {
    const path = `${AGENCY}/kinerja/rekap?tahun=2026&tw=1`;
    const counts = await countsInDocument(page, path, 'class="recap-row"');
    expect(counts.markup).toBeGreaterThan(0);
    expect(counts.payload).toBe(0);
    await page.goto(path);
    const rows = page.getByTestId("recap-content").locator("tr.recap-row");
    await expect(rows).toHaveCount(counts.markup);
    await awayAndBack(page, /\/kinerja\/rekap/);
    await expect(rows).toHaveCount(counts.markup);
  });
});

test("the cycle page's history is in the page once and survives the router's moves and an opened fold", async ({ page }) => {
  await signIn(page, "kadis@sumbar.demo");
  // Into the completed TW I cycle by the client router: its payload carries the history (a reader with nothing to do sees it open).
  await page.goto(`${AGENCY}/cycles`);
  await page.waitForLoadState("networkidle");
  await page.getByTestId("cycle-list").getByRole("link").filter({ hasText: /Triwulan I 2026/ }).click();
  await expect(page).toHaveURL(/\/cycles\/[a-z0-9]+$/);
  const cards = page.getByTestId("history").locator(":scope > li");
  await expect(cards.first()).toBeVisible();
  const path = new URL(page.url()).pathname;
  const marked = await countsInDocument(page, path, 'data-testid="history-');
  // The "older tasks" line (`data-testid="history-older"`) is not a card.
  const older = (await countsInDocument(page, path, 'data-testid="history-older"')).markup;
  const counts = { markup: marked.markup - older, payload: marked.payload };
  expect(counts.markup).toBeGreaterThan(3);
  expect(counts.payload).toBe(0);
  await expect(cards).toHaveCount(counts.markup);
  // A first load: the cards come from the markup alone.
  await page.goto(path);
  await expect(cards).toHaveCount(counts.markup);
  await awayAndBack(page, /\/cycles\/[a-z0-9]+$/);
  await expect(cards).toHaveCount(counts.markup);
  // Opening another fold asks the server for the page again (the payload, no HTML pass): the history stays.
  await page.getByTestId("fold-flow").locator("summary").click();
  await expect(page).toHaveURL(/buka=alur/);
  await expect(page.getByTestId("step-list")).toBeVisible();
  await expect(cards).toHaveCount(counts.markup);
});

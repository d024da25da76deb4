import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";

import { builtActions, callAction, signIn as httpSignIn } from "../../support/http";
import { A11Y_PORT, A11yPart, a11yDatabaseUrl, DEMO_PASSWORD, PHONE } from "./support";

/**
 * The approve / return-for-revision journey with the keyboard only (Tab,
 * Shift+Tab, Enter, Space; no mouse, no tap), at desktop width and on a 390 px
 * phone: the Kepala Dinas returns the report with a reason, the Sekretaris
 * resubmits the returned checklist step, the Kepala Dinas approves. Every
 * focused control shows a visible focus indicator; the pages of the journey
 * are scanned by axe-core and, on the phone, checked for sideways scroll.
 *
 * The steps between (start, steps 1–6, and 5–6 again) are driven over HTTP
 * through the same server actions the pages call: they are setup, not the
 * journey under test.
 */

const AGENCY_SLUG = "bmcktr-sumbar";
const BASE = `http://localhost:${A11Y_PORT}`;
const CHECKLIST_ITEM = "Format Realisasi Rencana Aksi Akuntabilitas Kinerja";
const REASON = "Data dukung Bidang Cipta Karya belum dilampirkan; lengkapi sebelum disetujui.";
/** Who runs each step of 150/SOP-BMCKTR/2024. */
const EXECUTOR: Record<number, string> = {
  1: "kadis@sumbar.demo",
  2: "sekretaris@sumbar.demo",
  3: "tim.sakip@sumbar.demo",
  4: "sekretaris@sumbar.demo",
  5: "tim.sakip@sumbar.demo",
  6: "sekretaris@sumbar.demo",
  7: "kadis@sumbar.demo",
};

const part = new A11yPart("keyboard-journey");
let db: pg.Client;
let actions: Map<string, string>;
const cookies = new Map<string, string>();

test.beforeAll(async () => {
  db = new pg.Client({ connectionString: a11yDatabaseUrl() });
  await db.connect();
  actions = await builtActions();
});

test.afterAll(async ({}, testInfo) => {
  await db?.end();
  await part.save(testInfo.workerIndex);
});

async function cookieOf(email: string): Promise<string> {
  if (!cookies.has(email)) cookies.set(email, (await httpSignIn(BASE, email))!);
  return cookies.get(email)!;
}

async function openTask(cycleId: string) {
  const { rows } = await db.query<{ id: string; stepNumber: number; status: string; kelengkapan: string }>(
    `SELECT t.id, t."stepNumber", t.status, s.kelengkapan FROM "CycleTask" t JOIN "SopStep" s ON s.id = t."stepId"
      WHERE t."cycleId" = $1 AND t.status IN ('ACTIVE', 'RETURNED')`,
    [cycleId],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Setup over HTTP: completes open steps until `stopAt` is the open one. */
async function driveTo(cycleId: string, stopAt: number) {
  for (let guard = 0; guard < 12; guard++) {
    const task = await openTask(cycleId);
    if (task.stepNumber === stopAt) return;
    const response = await callAction(
      BASE,
      actions.get("lib/cycle/actions.ts#taskAction")!,
      [
        AGENCY_SLUG,
        {
          cycleId,
          taskId: task.id,
          event: "COMPLETE",
          outputText: `Keluaran langkah ${task.stepNumber}`,
          checklist: task.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean),
          attendees: ["Sekretaris", "Tim SAKIP"],
          decisions: "Dilanjutkan.",
        },
      ],
      { cookie: await cookieOf(EXECUTOR[task.stepNumber]!) },
    );
    expect(response.result, `setup step ${task.stepNumber}`).toMatchObject({ ok: true });
  }
  throw new Error(`step ${stopAt} never opened`);
}

async function startCycle(year: number): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM "Sop" s JOIN "Agency" a ON a.id = s."agencyId" WHERE a.slug = $1 AND s.status = 'ACTIVE'`,
    [AGENCY_SLUG],
  );
  const response = await callAction(BASE, actions.get("lib/cycle/actions.ts#startCycleAction")!, [AGENCY_SLUG, { sopId: rows[0]!.id, year, period: "TAHUNAN" }], {
    cookie: await cookieOf("kadis@sumbar.demo"),
  });
  expect(response.result).toMatchObject({ ok: true });
  return (response.result as { data: { id: string } }).data.id;
}

/** The focused element's accessible name (label, aria-label or text) and whether its focus is visible. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: "", tag: "", visible: false };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
    const name = (el.getAttribute("aria-label") ?? labelled ?? "") || el.textContent || "";
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    const rect = el.getBoundingClientRect();
    return { name: name.replace(/\s+/g, " ").trim(), tag: el.tagName.toLowerCase(), visible: (outline || ring) && rect.width > 0 && rect.height > 0 };
  });
}

let keyPresses = 0;

/** Presses Tab (or Shift+Tab) until the focused control's name matches; checks its focus is visible. */
async function tabTo(page: Page, name: RegExp, label: string, key: "Tab" | "Shift+Tab" = "Tab", max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    keyPresses++;
    const now = await focused(page);
    if (name.test(now.name)) {
      if (!now.visible) part.failures.push(`${label}: "${now.name}" has focus but no visible focus indicator`);
      await expect(page.locator(":focus")).toBeInViewport();
      return;
    }
  }
  throw new Error(`${label}: ${max} × ${key} never reached ${name}`);
}

async function keyboardSignIn(browser: Browser, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? PHONE : {});
  const page = await context.newPage();
  await page.goto("/masuk");
  await tabTo(page, /NIP atau email/, "sign-in");
  await page.keyboard.type(email);
  await tabTo(page, /Kata sandi/, "sign-in");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  return page;
}

async function checkPage(page: Page, label: string, phone: boolean) {
  await part.scan(page, `${label}${phone ? " (390 px)" : ""}`);
  if (phone) await part.checkPhone(page, label);
}

for (const phone of [false, true]) {
  const width = phone ? "a 390 px phone" : "desktop width";
  test(`keyboard only on ${width}: return with a reason, resubmit, approve`, async ({ browser }) => {
    const before = part.failures.length;
    const pressesBefore = keyPresses;
    const year = phone ? 2036 : 2035;
    const cycleId = await startCycle(year);
    const cycleUrl = `/a/${AGENCY_SLUG}/cycles/${cycleId}`;
    await driveTo(cycleId, 7);

    // The Kepala Dinas returns the report with a reason.
    const kadis = await keyboardSignIn(browser, "kadis@sumbar.demo", phone);
    await kadis.goto(cycleUrl);
    await expect(kadis.getByTestId("action-panel")).toContainText(/Langkah 7/);
    await checkPage(kadis, "decision panel (step 7)", phone);
    await tabTo(kadis, /Alasan pengembalian/, "return");
    await kadis.keyboard.type(REASON);
    await tabTo(kadis, /Setujui \(Ya\)/, "return");
    await tabTo(kadis, /Kembalikan \(Tidak\)/, "return");
    await tabTo(kadis, /Setujui \(Ya\)/, "return", "Shift+Tab", 3);
    await tabTo(kadis, /Kembalikan \(Tidak\)/, "return", "Tab", 3);
    await kadis.keyboard.press("Enter");
    await expect(kadis.getByText("Dikembalikan untuk perbaikan beserta alasannya.")).toBeVisible();
    await expect(kadis.getByTestId("action-panel")).toHaveCount(0);
    const returned = await openTask(cycleId);
    expect({ step: returned.stepNumber, status: returned.status }).toEqual({ step: 4, status: "RETURNED" });

    // The Sekretaris reads why, ticks the checklist with Space, fixes the summary and resubmits with Enter.
    const sekretaris = await keyboardSignIn(browser, "sekretaris@sumbar.demo", phone);
    await sekretaris.goto(cycleUrl);
    await expect(sekretaris.getByTestId("returned-alert")).toContainText(REASON);
    await checkPage(sekretaris, "returned step panel (step 4, round 2)", phone);
    await tabTo(sekretaris, new RegExp(CHECKLIST_ITEM), "resubmit");
    await sekretaris.keyboard.press("Space");
    await expect(sekretaris.getByRole("checkbox", { name: CHECKLIST_ITEM })).toBeChecked();
    await tabTo(sekretaris, /Ringkasan output/, "resubmit");
    await sekretaris.keyboard.type("Realisasi lengkap; data dukung Bidang Cipta Karya dilampirkan.");
    await tabTo(sekretaris, /Catatan perbaikan/, "resubmit");
    await sekretaris.keyboard.type("Lampiran Cipta Karya ditambahkan.");
    await tabTo(sekretaris, /Kirim ulang perbaikan/, "resubmit");
    await sekretaris.keyboard.press("Enter");
    await expect(sekretaris.getByText("Perbaikan dikirim ulang.")).toBeVisible();
    await expect(sekretaris.getByTestId("action-panel")).toHaveCount(0);

    // Steps 5 and 6 run again (setup), then the Kepala Dinas approves with Space.
    await driveTo(cycleId, 7);
    await kadis.goto(cycleUrl);
    await expect(kadis.getByTestId("action-panel")).toContainText(/Langkah 7 · putaran 2/);
    await checkPage(kadis, "decision panel (step 7, round 2)", phone);
    await tabTo(kadis, /Setujui \(Ya\)/, "approve");
    await kadis.keyboard.press("Space");
    // The confirmation takes the focus (on "Batal"); Tab reaches "Ya, setujui".
    await expect(kadis.getByRole("alertdialog")).toBeVisible();
    await kadis.keyboard.press("Tab");
    await expect(kadis.getByRole("button", { name: "Ya, setujui" })).toBeFocused();
    await kadis.keyboard.press("Space");
    await expect(kadis.getByText("Disetujui. Pekerjaan diteruskan.")).toBeVisible();
    await expect(kadis.getByTestId("action-panel")).toHaveCount(0);
    await checkPage(kadis, "cycle page after the approval", phone);

    const { rows } = await db.query<{ stepNumber: number; round: number; status: string; outcome: string | null }>(
      `SELECT "stepNumber", round, status, outcome FROM "CycleTask" WHERE "cycleId" = $1 AND "stepNumber" IN (4, 7, 8) ORDER BY "stepNumber", round`,
      [cycleId],
    );
    expect(rows).toEqual([
      { stepNumber: 4, round: 1, status: "DONE", outcome: "COMPLETED" },
      { stepNumber: 4, round: 2, status: "DONE", outcome: "RESUBMITTED" },
      { stepNumber: 7, round: 1, status: "DONE", outcome: "RETURNED" },
      { stepNumber: 7, round: 2, status: "DONE", outcome: "APPROVED" },
      { stepNumber: 8, round: 1, status: "ACTIVE", outcome: null },
    ]);
    part.notes.push(`${width}: return → resubmit → approve done with the keyboard only (${keyPresses - pressesBefore} Tab / Shift+Tab presses to reach the controls)`);
    await kadis.context().close();
    await sekretaris.context().close();
    expect(part.failures.slice(before)).toEqual([]);
  });
}

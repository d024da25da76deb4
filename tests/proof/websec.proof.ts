/**
 * Web security of the running server: sign-in throttling, session cookie
 * attributes (and Secure behind https), security headers on every page and
 * route handler, a removed membership losing access on the next request, and
 * server actions POSTed from another origin refused without changing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { t } from "@/lib/i18n";

import { builtActions, callAction, createDatabase, DEMO_PASSWORD, ensureBuild, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, loadFixtures, outcome, query, snapshot } from "./probe";
import { ProofRecorder } from "./report";
import { ACTIONS, ROUTES, urlFor, type TenantFixtures } from "./routes";

const proof = new ProofRecorder("websec", "Web security: throttling, cookies, headers, sessions, origins");
const SLUG = "diskominfo-lumajang";

let database: TestDatabase;
let server: RunningServer;
let secure: RunningServer;
let fixtures: TenantFixtures;
let actionIds: Map<string, string>;

/** One sign-in attempt through next-auth, as the form makes it: the error it reports and the cookies it sets. */
async function attempt(baseUrl: string, identifier: string, password: string, ip: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true", callbackUrl: `${baseUrl}/` }),
  });
  const text = await response.text();
  let url = response.headers.get("location") ?? "";
  try {
    url = (JSON.parse(text) as { url?: string }).url ?? url;
  } catch {
    // a redirect, not JSON
  }
  const error = url ? new URL(url, baseUrl).searchParams.get("error") : null;
  const setCookies = response.headers.getSetCookie();
  return { status: response.status, error, session: setCookies.find((c) => /session-token=/.test(c)) ?? null, setCookies };
}

function ip(n: number) {
  return `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

describe("websec", () => {
  beforeAll(async () => {
    await ensureBuild();
    database = await createDatabase("alur_proof_websec");
    server = await startServer({ databaseUrl: database.url, port: 4341 });
    // Same build, same database, but told it is served over https (as behind a TLS proxy).
    secure = await startServer({ databaseUrl: database.url, port: 4342, env: { NODE_ENV: "production", NEXTAUTH_URL: "https://localhost:4342" } });
    // An agency without some record (no stored file yet) gets an id that matches nothing: the route answers 404, not a redirect.
    fixtures = Object.fromEntries(Object.entries(await loadFixtures(database.url, SLUG)).map(([k, v]) => [k, v || "tidak-ada"])) as unknown as TenantFixtures;
    actionIds = await builtActions();
  });

  afterAll(async () => {
    await server?.stop();
    await secure?.stop();
    await database?.drop();
    await proof.save();
  });

  it("locks an identifier after repeated failures, even for the right password, with the same answer", async () => {
    const who = "staf@balangan.demo";
    const first = await attempt(server.baseUrl, who, "salah-sekali", ip(1));
    proof.add("probes");
    if (first.error !== "CredentialsSignin" || first.session) proof.fail(`a wrong password answered ${first.status} error=${first.error}`);
    for (let i = 2; i <= 6; i++) {
      await attempt(server.baseUrl, who, `salah-${i}`, ip(i)); // each from another address: the identifier is what locks
      proof.add("probes");
    }
    const right = await attempt(server.baseUrl, who, DEMO_PASSWORD, ip(50));
    const wrong = await attempt(server.baseUrl, who, "salah-lagi", ip(51));
    proof.add("probes", 2);
    if (right.session) proof.fail("the right password signed in while the identifier was locked", "forbiddenSuccesses");
    if (right.error !== "THROTTLED") proof.fail(`a locked identifier answered error=${right.error}, expected THROTTLED`);
    if (right.error !== wrong.error || right.status !== wrong.status) proof.fail(`a locked identifier tells the right password (${right.error}) from a wrong one (${wrong.error})`, "leaks");
    // Unknown identifiers lock the same way (no hint whether an account exists).
    for (let i = 0; i < 6; i++) await attempt(server.baseUrl, "tidak.ada@contoh.go.id", `salah-${i}`, ip(100 + i));
    const unknown = await attempt(server.baseUrl, "tidak.ada@contoh.go.id", "salah", ip(120));
    proof.add("probes", 7);
    if (unknown.error !== right.error) proof.fail(`an unknown identifier answers ${unknown.error} where a known one answers ${right.error}`, "leaks");
    // Other identifiers are not affected.
    const other = await attempt(server.baseUrl, "kabag@balangan.demo", DEMO_PASSWORD, ip(200));
    proof.add("probes");
    if (!other.session) proof.fail(`another identifier could not sign in (error=${other.error})`);
    // The message the sign-in form shows for it is generic.
    if (!t.auth.throttled || /password|kata sandi salah|tidak terdaftar/i.test(t.auth.throttled)) proof.fail(`throttled message is not generic: ${t.auth.throttled}`);
    proof.note(`locked after 5 failures; right password then answers ${right.error} like a wrong one; message: "${t.auth.throttled}"`);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, and Secure with __Secure- behind https", async () => {
    const plain = await attempt(server.baseUrl, "kadis@lumajang.demo", DEMO_PASSWORD, ip(300));
    const https = await attempt(secure.baseUrl, "kadis@lumajang.demo", DEMO_PASSWORD, ip(301));
    proof.add("probes", 2);
    for (const [label, cookie, wantSecure] of [
      ["http", plain.session, false],
      ["https", https.session, true],
    ] as const) {
      if (!cookie) {
        proof.fail(`${label}: no session cookie`);
        continue;
      }
      const attrs = cookie.split(";").map((s) => s.trim().toLowerCase());
      if (!attrs.includes("httponly")) proof.fail(`${label}: session cookie without HttpOnly: ${cookie.split(";")[0]!.split("=")[0]}`);
      if (!attrs.includes("samesite=lax")) proof.fail(`${label}: session cookie without SameSite=Lax`);
      if (attrs.includes("secure") !== wantSecure) proof.fail(`${label}: session cookie Secure=${attrs.includes("secure")}, expected ${wantSecure}`);
      if (wantSecure && !cookie.startsWith("__Secure-")) proof.fail(`${label}: session cookie not named __Secure-: ${cookie.split("=")[0]}`);
    }
    for (const c of https.setCookies) {
      if (!/;\s*secure/i.test(c)) proof.fail(`https: cookie ${c.split("=")[0]} without Secure`);
    }
    proof.note(`session cookies: http ${plain.session?.split("=")[0]}, https ${https.session?.split("=")[0]} (Secure)`);
  });

  it("sends the security headers with every page and route handler", async () => {
    const cookie = await signIn(server.baseUrl, "admin@lumajang.demo");
    const failures = new Set<string>();
    const urls: [string, string, RequestInit][] = [];
    for (const route of ROUTES) {
      const url = urlFor(route, SLUG, fixtures, fixtures);
      if (route.kind === "handler" && route.method === "POST") {
        urls.push([route.path, url, { method: "POST", body: new FormData(), headers: { cookie: cookie!, origin: server.baseUrl } }]);
      } else {
        urls.push([route.path, url, { headers: { cookie: cookie! } }]);
      }
      urls.push([`${route.path} (signed out)`, url, { method: route.kind === "handler" ? route.method : "GET", headers: { origin: server.baseUrl } }]);
    }
    urls.push(["unknown path", "/tidak-ada", {}]);
    for (const [label, url, init] of urls) {
      const response = await fetch(`${server.baseUrl}${url}`, { redirect: "manual", ...init });
      await response.arrayBuffer();
      proof.add("probes");
      if (response.status >= 500) proof.fail(`${label}: ${response.status}`, "serverErrors");
      const h = response.headers;
      const csp = h.get("content-security-policy") ?? "";
      const problems: string[] = [];
      if (!csp) problems.push("no Content-Security-Policy");
      if (csp.includes("'unsafe-eval'")) problems.push("CSP allows 'unsafe-eval'");
      if (!/frame-ancestors 'none'/.test(csp) && h.get("x-frame-options")?.toUpperCase() !== "DENY") problems.push("framing allowed");
      if (!h.get("referrer-policy")) problems.push("no Referrer-Policy");
      if (h.get("x-content-type-options") !== "nosniff") problems.push("no X-Content-Type-Options: nosniff");
      if (!h.get("permissions-policy")) problems.push("no Permissions-Policy");
      if (h.get("x-powered-by")) problems.push("X-Powered-By present");
      for (const p of problems) failures.add(`${label} (${response.status}): ${p}`);
    }
    for (const f of failures) proof.fail(f);
    proof.note(`${urls.length} responses checked for CSP, framing, Referrer-Policy, nosniff, Permissions-Policy`);
  });

  it("drops a removed membership on the very next request", async () => {
    const markRead = ACTIONS.find((a) => a.name === "notification.markRead")!;
    const check = async (email: string, remove: () => Promise<void>, how: string) => {
      const cookie = (await signIn(server.baseUrl, email))!;
      const page = async () => (await fetch(`${server.baseUrl}/a/${SLUG}/cycles`, { headers: { cookie }, redirect: "manual" })).status;
      const action = async () => outcome((await callAction(server.baseUrl, actionIds.get(markRead.key)!, [SLUG, {}], { cookie, path: `/a/${SLUG}` })).result).code;
      const beforePage = await page();
      const beforeAction = (await callAction(server.baseUrl, actionIds.get(markRead.key)!, [SLUG, {}], { cookie, path: `/a/${SLUG}` })).result;
      proof.add("probes", 2);
      if (beforePage !== 200 || outcome(beforeAction).ok !== true) proof.fail(`${how}: control failed (page ${beforePage}, action ${JSON.stringify(beforeAction)})`);
      await remove();
      const afterPage = await page();
      const afterAction = await action();
      proof.add("probes", 2);
      if (afterPage !== 404) proof.fail(`${how}: the page answered ${afterPage} after removal, expected 404`, "forbiddenSuccesses");
      if (afterAction !== "NOT_FOUND") proof.fail(`${how}: the action answered ${afterAction} after removal, expected NOT_FOUND`, "forbiddenSuccesses");
      proof.note(`${how}: page ${beforePage} -> ${afterPage}, action ok -> ${afterAction}`);
    };
    // Through the member-management action, as the agency administrator does it.
    const admin = (await signIn(server.baseUrl, "admin@lumajang.demo"))!;
    const setActive = ACTIONS.find((a) => a.name === "member.setActive")!;
    const [sekretaris] = await query<{ id: string }>(database.url, `SELECT id FROM "User" WHERE email = 'sekretaris@lumajang.demo'`);
    await check(
      "sekretaris@lumajang.demo",
      async () => {
        const r = await callAction(server.baseUrl, actionIds.get(setActive.key)!, [SLUG, { userId: sekretaris!.id, active: false }], { cookie: admin, path: `/a/${SLUG}/anggota` });
        if (outcome(r.result).ok !== true) proof.fail(`deactivating a member failed: ${JSON.stringify(r.result)}`);
      },
      "deactivated by the administrator",
    );
    // Directly in the database.
    await check(
      "staff@lumajang.demo",
      async () => {
        await query(database.url, `DELETE FROM "Membership" WHERE "userId" = (SELECT id FROM "User" WHERE email = 'staff@lumajang.demo')`);
      },
      "membership deleted in the database",
    );
  });

  it("refuses server actions POSTed from another origin and changes nothing", async () => {
    const markRead = ACTIONS.find((a) => a.name === "notification.markRead")!;
    const [reader] = await query<{ email: string }>(
      database.url,
      `SELECT u.email FROM "Notification" n JOIN "User" u ON u.id = n."userId" JOIN "Agency" a ON a.id = n."agencyId"
       WHERE a.slug = $1 AND n."readAt" IS NULL AND u.email IS NOT NULL AND u.active GROUP BY u.email ORDER BY count(*) DESC LIMIT 1`,
      [SLUG],
    );
    if (!reader) throw new Error("nobody has unread notifications: the probe would change nothing either way");
    const cookie = (await signIn(server.baseUrl, reader.email))!;
    const before = await snapshot(database.url);
    const origins = ["https://penyerang.example", "http://localhost:9", "null", `${server.baseUrl}.penyerang.example`];
    for (const origin of origins) {
      const response = await callAction(server.baseUrl, actionIds.get(markRead.key)!, [SLUG, {}], { cookie, origin, path: `/a/${SLUG}` });
      proof.add("probes");
      if (response.status >= 500) proof.fail(`Origin ${origin}: ${response.status}`, "serverErrors");
      else if (response.status !== 403) proof.fail(`Origin ${origin}: answered ${response.status} ${response.body.slice(0, 120)}, expected 403`, "forbiddenSuccesses");
      else if (!/ditolak/.test(response.body)) proof.fail(`Origin ${origin}: the refusal is not the Indonesian text: ${response.body.slice(0, 120)}`);
    }
    // Behind a reverse proxy: a forwarded host the Origin does not match is refused too.
    const viaProxy = async (forwardedHost: string, origin: string) => {
      const response = await fetch(`${server.baseUrl}/a/${SLUG}`, {
        method: "POST",
        headers: { accept: "text/x-component", "next-action": actionIds.get(markRead.key)!, "content-type": "text/plain;charset=UTF-8", origin, "x-forwarded-host": forwardedHost, cookie },
        body: JSON.stringify([SLUG, {}]),
      });
      proof.add("probes");
      return { status: response.status, body: await response.text() };
    };
    const forwarded = await viaProxy("alur.example", "https://penyerang.example");
    if (forwarded.status !== 403) proof.fail(`X-Forwarded-Host alur.example, Origin https://penyerang.example: ${forwarded.status}, expected 403`, forwarded.status >= 500 ? "serverErrors" : "forbiddenSuccesses");
    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`foreign-origin calls changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");

    // Control: the same call from the app's own origin goes through and changes the rows.
    const same = await callAction(server.baseUrl, actionIds.get(markRead.key)!, [SLUG, {}], { cookie, path: `/a/${SLUG}` });
    proof.add("probes");
    const changed = diffSnapshots(before, await snapshot(database.url));
    if (outcome(same.result).ok !== true || !changed.tables.Notification) proof.fail(`control: the same-origin call did not go through (${same.status} ${JSON.stringify(same.result)})`);
    // And the public origin behind the proxy works (no refusal of what Next.js itself accepts).
    const behind = await viaProxy("alur.example", "https://alur.example");
    if (behind.status !== 200) proof.fail(`X-Forwarded-Host alur.example with Origin https://alur.example: ${behind.status}, expected 200`);
    proof.note(`${origins.length + 1} foreign-origin action calls -> 403 with no row changed; the same call from the app's origin marked ${changed.tables.Notification ?? 0} notifications read; a matching X-Forwarded-Host passes`);
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});

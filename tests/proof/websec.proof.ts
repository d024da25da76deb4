/**
 * Web security of the running server: sign-in throttling (per account
 * whatever spelling, per client socket whatever X-Forwarded-For says, and
 * behind a trusted proxy the right-most untrusted hop), session cookie
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
import { LEAKED_TEXT, signInAttempt, SIGN_IN_CODES } from "./sign-in-probe";

const proof = new ProofRecorder("websec", "Web security: throttling, cookies, headers, sessions, origins");
const SLUG = "diskominfo-lumajang";
/** The address the https server trusts as its reverse proxy. */
const TRUSTED_PROXY = "127.0.9.1";

let database: TestDatabase;
let server: RunningServer;
let secure: RunningServer;
let fixtures: TenantFixtures;
let actionIds: Map<string, string>;

/** One sign-in attempt through next-auth, as the form makes it, from client address `from`. */
function attempt(baseUrl: string, identifier: string, password: string, from: string, forwardedFor?: string) {
  return signInAttempt(baseUrl, identifier, password, { from, forwardedFor });
}

/** Distinct clients: addresses of the loopback network (see sign-in-probe.ts). */
function ip(n: number) {
  return `127.0.${1 + Math.floor(n / 250)}.${(n % 250) + 1}`;
}

/** The audit trail's IPs for sign-in events of an identifier. */
async function auditIps(identifier: string): Promise<string[]> {
  const rows = await query<{ ip: string | null }>(database.url, `SELECT DISTINCT ip FROM "AuditEvent" WHERE action LIKE 'auth.%' AND data->>'identifier' = $1`, [identifier]);
  return rows.map((r) => r.ip ?? "(none)").sort();
}

describe("websec", () => {
  beforeAll(async () => {
    await ensureBuild();
    database = await createDatabase("alur_proof_websec");
    server = await startServer({ databaseUrl: database.url, port: 4341 });
    // Same build, same database, but told it is served over https behind a TLS proxy, whose address (127.0.9.1) it trusts.
    secure = await startServer({
      databaseUrl: database.url,
      port: 4342,
      env: { NODE_ENV: "production", NEXTAUTH_URL: "https://localhost:4342", ALUR_TRUSTED_PROXIES: TRUSTED_PROXY },
    });
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

  it("locks one account after 5 failures whatever spelling of its NIP or e-mail was typed (13 tries)", async () => {
    // tim.sakip@balangan.demo, NIP 197202122002032013: dots and dashes in other places each time, each from another client.
    const spellings = [
      "1.97202122002032013",
      "19720212-200203-2-013",
      "1972.0212.2002.0320.13",
      "19720212 200203 2 013",
      "197-202122002032013",
      "TIM.SAKIP@BALANGAN.DEMO",
      " tim.sakip@balangan.demo ",
      "19720212200203201-3",
      "1-9-7-2-0-2-1-2-2-0-0-2-0-3-2-0-1-3",
      "197202122002032013",
      "19.72.02.12.20.02.03.20.13",
      "Tim.Sakip@Balangan.demo",
      "1972021220020320.13",
    ];
    const answers: string[] = [];
    for (const [i, spelling] of spellings.entries()) {
      const r = await attempt(server.baseUrl, spelling, `salah-${i}`, ip(400 + i));
      proof.add("probes");
      answers.push(r.error ?? `status ${r.status}`);
      if (r.session) proof.fail(`a wrong password signed in as ${spelling}`, "forbiddenSuccesses");
    }
    const right = await attempt(server.baseUrl, "19720212.200203.2.013", DEMO_PASSWORD, ip(430));
    proof.add("probes");
    if (right.session) proof.fail("the right password signed in after 13 failures under other spellings of the NIP", "forbiddenSuccesses");
    const failed = answers.filter((a) => a === "CredentialsSignin").length;
    if (failed !== 5 || answers.slice(5).some((a) => a !== "THROTTLED") || right.error !== "THROTTLED") {
      proof.fail(`13 spellings of one account answered ${answers.join(", ")}; then the right password: ${right.error}. Expected 5 failures, then THROTTLED`);
    }
    proof.note(`one account, 13 spellings from 13 clients: ${failed} failures counted, then THROTTLED; right password then answers ${right.error}`);
  });

  it("locks a client after 30 failures however it rotates X-Forwarded-For (no trusted proxy), and audits its real address", async () => {
    const client = "127.0.8.1";
    const answers: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const forged = `203.0.113.${i + 1}, 198.51.100.${i + 1}`;
      const r = await attempt(server.baseUrl, `tebakan${i}@contoh.go.id`, "salah", client, forged);
      proof.add("probes");
      answers[r.error ?? `status ${r.status}`] = (answers[r.error ?? `status ${r.status}`] ?? 0) + 1;
    }
    const right = await attempt(server.baseUrl, "kadis@sumbar.demo", DEMO_PASSWORD, client, "192.0.2.77");
    const elsewhere = await attempt(server.baseUrl, "kadis@sumbar.demo", DEMO_PASSWORD, "127.0.8.2", "192.0.2.77");
    proof.add("probes", 2);
    if (answers.THROTTLED !== 10 || answers.CredentialsSignin !== 30) proof.fail(`40 failures with rotating X-Forwarded-For answered ${JSON.stringify(answers)}, expected 30 failures then THROTTLED`);
    if (right.session || right.error !== "THROTTLED") proof.fail(`the locked client signed in with a fresh X-Forwarded-For (error=${right.error})`, "forbiddenSuccesses");
    if (!elsewhere.session) proof.fail(`another client could not sign in (error=${elsewhere.error})`);
    const ips = await auditIps("tebakan7@contoh.go.id");
    if (ips.join() !== client) proof.fail(`the audit trail recorded ${ips.join(", ")} for the client at ${client}`, "leaks");
    proof.note(`40 failures from one socket with 40 forged X-Forwarded-For: ${JSON.stringify(answers)}; right password then ${right.error}; another client signs in; audited IP ${ips.join()}`);
  });

  it("behind a trusted proxy, counts and audits the right-most untrusted hop, never the client-written leftmost", async () => {
    // The proxy (127.0.9.1) appends the address it saw after whatever the client sent: "6.6.6.6, <client>".
    const answers: string[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await attempt(secure.baseUrl, `lewat-proksi${i}@contoh.go.id`, "salah", TRUSTED_PROXY, `6.6.6.6, 198.51.100.${i + 1}`);
      proof.add("probes");
      answers.push(r.error ?? "");
    }
    // 35 distinct clients behind one proxy: none locked by address.
    if (answers.some((a) => a !== "CredentialsSignin")) proof.fail(`35 clients behind the trusted proxy answered ${[...new Set(answers)].join(", ")}: one client's limit was shared`);
    const audited = await auditIps("lewat-proksi3@contoh.go.id");
    if (audited.join() !== "198.51.100.4") proof.fail(`behind the trusted proxy the audit trail recorded ${audited.join(", ")}, expected 198.51.100.4`, "leaks");
    // A client that is not the proxy sending the same header: its own address.
    await attempt(secure.baseUrl, "bukan-proksi@contoh.go.id", "salah", "127.0.9.2", "6.6.6.6, 198.51.100.200");
    proof.add("probes");
    const direct = await auditIps("bukan-proksi@contoh.go.id");
    if (direct.join() !== "127.0.9.2") proof.fail(`a client that is not the trusted proxy was audited as ${direct.join(", ")}`, "leaks");
    proof.note(`trusted proxy ${TRUSTED_PROXY}: 35 clients behind it each counted alone, audited as 198.51.100.x (never the forged 6.6.6.6); a direct client with the same header audited as ${direct.join()}`);
  });

  it("answers control characters in the sign-in fields with a code, never a 5xx or database text", async () => {
    const probes: [string, string][] = [
      ["kadis@sumbar.demo\u0000", DEMO_PASSWORD],
      ["\u0000", "x"],
      ["1970031020000110\u000021", DEMO_PASSWORD],
      ["kadis@sumbar.demo", `${DEMO_PASSWORD}\u0000`],
      ["kadis@sumbar.demo\u0007\u001b[2J", "x"],
    ];
    for (const [i, [identifier, password]] of probes.entries()) {
      const r = await attempt(server.baseUrl, identifier, password, ip(500 + i));
      proof.add("probes");
      if (r.status >= 500) proof.fail(`sign-in with ${JSON.stringify(identifier)}: ${r.status}`, "serverErrors");
      if (LEAKED_TEXT.test(r.url) || LEAKED_TEXT.test(r.body)) proof.fail(`sign-in with ${JSON.stringify(identifier)} answered database text: ${r.url.slice(0, 200)}`, "leaks");
      if (r.session) proof.fail(`sign-in with ${JSON.stringify(identifier)} opened a session`, "forbiddenSuccesses");
      if (!r.error || !SIGN_IN_CODES.has(r.error)) proof.fail(`sign-in with ${JSON.stringify(identifier)} answered error=${r.error}`);
    }
    proof.note(`${probes.length} sign-ins with NUL and other control characters: codes only, no 5xx, no database text`);
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
    const nonces = new Set<string>();
    let htmlPages = 0;
    let scripts = 0;
    for (const [label, url, init] of urls) {
      const response = await fetch(`${server.baseUrl}${url}`, { redirect: "manual", ...init });
      const html = /text\/html/.test(response.headers.get("content-type") ?? "") ? await response.text() : (await response.arrayBuffer(), "");
      proof.add("probes");
      if (response.status >= 500) proof.fail(`${label}: ${response.status}`, "serverErrors");
      const h = response.headers;
      const csp = h.get("content-security-policy") ?? "";
      const problems: string[] = [];
      if (!csp) problems.push("no Content-Security-Policy");
      if (h.get("content-security-policy")?.includes(",")) problems.push("two Content-Security-Policy headers");
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      if (!scriptSrc) problems.push("CSP without script-src");
      if (scriptSrc.includes("'unsafe-eval'")) problems.push("CSP allows 'unsafe-eval' for scripts");
      if (scriptSrc.includes("'unsafe-inline'")) problems.push("CSP allows 'unsafe-inline' for scripts");
      if (html) {
        const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
        if (!nonce) problems.push("an HTML page without a script nonce");
        else {
          nonces.add(nonce);
          htmlPages++;
          const tags = html.match(/<script\b[^>]*>/g) ?? [];
          scripts += tags.length;
          const without = tags.filter((tag) => !tag.includes(`nonce="${nonce}"`));
          if (without.length) problems.push(`${without.length} of ${tags.length} script tags without the response's nonce: ${without[0]!.slice(0, 80)}`);
        }
      }
      if (!/frame-ancestors 'none'/.test(csp) && h.get("x-frame-options")?.toUpperCase() !== "DENY") problems.push("framing allowed");
      if (!h.get("referrer-policy")) problems.push("no Referrer-Policy");
      if (h.get("x-content-type-options") !== "nosniff") problems.push("no X-Content-Type-Options: nosniff");
      if (!h.get("permissions-policy")) problems.push("no Permissions-Policy");
      if (h.get("x-powered-by")) problems.push("X-Powered-By present");
      for (const p of problems) failures.add(`${label} (${response.status}): ${p}`);
    }
    for (const f of failures) proof.fail(f);
    if (htmlPages < 10 || nonces.size !== htmlPages) proof.fail(`${htmlPages} HTML pages carried ${nonces.size} distinct nonces: a nonce must be fresh for every response`);
    proof.note(`${urls.length} responses checked for CSP, framing, Referrer-Policy, nosniff, Permissions-Policy; script-src without 'unsafe-inline'/'unsafe-eval' on all; ${htmlPages} HTML pages, each its own nonce, on all ${scripts} script tags`);
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

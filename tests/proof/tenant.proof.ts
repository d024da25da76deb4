/**
 * Tenant isolation over HTTP: members of agency A (an administrator, the
 * head, Tim SAKIP) ask for agency B's records through every page, route
 * handler and server action, with B's slug and with A's slug and B's ids.
 * Every answer is "not found" or "forbidden", no answer names B's data, and
 * the database is the same afterwards.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { ACTION_REGISTRY } from "@/lib/authz/action";
import { can, type TPermission } from "@/lib/authz/permissions";

import { builtActions, callAction, createDatabase, ensureBuild, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, loadFixtures, outcome, PDF_BYTES, PNG_BYTES, pool, query, snapshot, taskAssignee, upload, type Snapshot } from "./probe";
import { loadAllActions } from "./load-actions";
import { ProofRecorder } from "./report";
import { ACTIONS, actionArgs, ROUTES, urlFor, type TenantFixtures } from "./routes";

const proof = new ProofRecorder("tenant", "Tenant isolation: another agency's ids and slug");
const A = "diskominfo-lumajang";
const B = "bmcktr-sumbar";
const PROBERS = ["admin@lumajang.demo", "kadis@lumajang.demo", "tim.sakip@lumajang.demo"];
const PORT = 4301;

let database: TestDatabase;
let server: RunningServer;
let filesDir: string;
let fixturesA: TenantFixtures;
let fixturesB: TenantFixtures;
/** Texts only agency B's data contains: its name, SOP titles, indicators, goals, units, members, file names. */
let bTexts: string[] = [];
const cookies = new Map<string, string>();
const rolesOf = new Map<string, { code: string; isHead: boolean }[]>();
/** Agency A's designations (which of its roles verify realizations, manage the PK, ...). */
let designatedA: Partial<Record<TPermission, readonly string[]>> = {};
let before: Snapshot;

function leaksIn(body: string): string[] {
  return bTexts.filter((text) => body.includes(text));
}

async function collectTexts(slug: string): Promise<Set<string>> {
  const rows = await query<{ text: string }>(
    database.url,
    `WITH a AS (SELECT id, name FROM "Agency" WHERE slug = $1)
     SELECT name AS text FROM a
     UNION SELECT nama FROM "Sop" WHERE "agencyId" = (SELECT id FROM a)
     UNION SELECT name FROM "Indicator" WHERE "agencyId" = (SELECT id FROM a)
     UNION SELECT g.name FROM "StrategicGoal" g JOIN "PerformanceAgreement" p ON p.id = g."agreementId" WHERE p."agencyId" = (SELECT id FROM a)
     UNION SELECT name FROM "OrgUnit" WHERE "agencyId" = (SELECT id FROM a)
     UNION SELECT u.name FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."agencyId" = (SELECT id FROM a)
     UNION SELECT "originalName" FROM "StoredFile" WHERE "agencyId" = (SELECT id FROM a)
     UNION SELECT g.name FROM "Government" g JOIN "Agency" ag ON ag."governmentId" = g.id WHERE ag.slug = $1`,
    [slug],
  );
  return new Set(rows.map((r) => r.text).filter((text) => text && text.length >= 6));
}

describe("tenant isolation", () => {
  beforeAll(async () => {
    await loadAllActions();
    await ensureBuild();
    database = await createDatabase("alur_proof_tenant");
    filesDir = await mkdtemp(path.join(os.tmpdir(), "alur-proof-tenant-"));
    server = await startServer({ databaseUrl: database.url, port: PORT, env: { NODE_ENV: "production", ALUR_FILES_DIR: filesDir } });

    // Agency B gets a stored file: its task's assignee uploads an output.
    const bTask = (await loadFixtures(database.url, B)).taskId;
    const bCookie = await signIn(server.baseUrl, await taskAssignee(database.url, bTask));
    const uploaded = await upload(server.baseUrl, B, bCookie, { name: "Berita acara progres Sumbar.pdf", bytes: PDF_BYTES, type: "application/pdf" }, { taskId: bTask });
    if (uploaded.status !== 201) throw new Error(`setup upload refused: ${uploaded.status} ${uploaded.body}`);
    // And a logo, through the platform administrator's action: /a/<B>/logo then answers B's members (the
    // control below), so its 404 to A's members is a refusal, not a missing logo.
    const [agencyB] = await query<{ id: string }>(database.url, `SELECT id FROM "Agency" WHERE slug = $1`, [B]);
    const setLogo = (await builtActions()).get("lib/agency/actions.ts#setAgencyLogoAction");
    if (!agencyB || !setLogo) throw new Error("setup: agency B or the logo action not found");
    const logo = await callAction(server.baseUrl, setLogo, [{ agencyId: agencyB.id, fileName: "Logo Sumatera Barat.png", fileBase64: PNG_BYTES.toString("base64") }], {
      cookie: await signIn(server.baseUrl, "admin@alurkinerja.demo"),
      path: "/admin",
    });
    if (outcome(logo.result).ok !== true) throw new Error(`setup logo refused: ${logo.status} ${logo.body.slice(0, 200)}`);

    fixturesA = await loadFixtures(database.url, A);
    fixturesB = await loadFixtures(database.url, B);
    for (const [key, value] of Object.entries(fixturesB)) if (!value) throw new Error(`agency B has no ${key}`);
    const textsA = await collectTexts(A);
    bTexts = [...(await collectTexts(B))].filter((text) => ![...textsA].some((a) => a.includes(text) || text.includes(a)));
    proof.note(`${bTexts.length} texts identify agency B (${B}); A = ${A}`);

    const [settingsA] = await query<{ settings: unknown }>(database.url, `SELECT settings FROM "Agency" WHERE slug = $1`, [A]);
    designatedA = readAgencySettings(settingsA?.settings).permissions;
    for (const email of PROBERS) {
      const cookie = await signIn(server.baseUrl, email);
      if (!cookie) throw new Error(`sign-in refused for ${email}`);
      cookies.set(email, cookie);
      rolesOf.set(
        email,
        await query<{ code: string; isHead: boolean }>(
          database.url,
          `SELECT r.code, r."isHead" FROM "Membership" m JOIN "Role" r ON r.id = m."roleId" JOIN "User" u ON u.id = m."userId" JOIN "Agency" a ON a.id = m."agencyId"
           WHERE u.email = $1 AND a.slug = $2 AND m.active`,
          [email, A],
        ),
      );
    }
    // Control: the same URLs work for B's own administrator, so the 404s below are refusals, not typos.
    // (The verification page is Tim SAKIP's; comparing an SOP with itself is a 404 by design.)
    const bMembers = await Promise.all(["admin@sumbar.demo", "tim.sakip@sumbar.demo"].map((email) => signIn(server.baseUrl, email)));
    let showsB = 0;
    for (const route of ROUTES) {
      if (route.scope !== "agency" || (route.kind === "handler" && route.method !== "GET")) continue;
      const url = urlFor(route, B, fixturesB, fixturesB);
      const statuses: number[] = [];
      for (const cookie of bMembers) {
        const response = await fetch(`${server.baseUrl}${url}`, { redirect: "manual", headers: { cookie: cookie! } });
        const body = await response.text();
        statuses.push(response.status);
        if (response.status === 200) {
          if (leaksIn(body).length) showsB++;
          break;
        }
      }
      proof.add("probes");
      if (!statuses.includes(200) && !route.path.endsWith("/compare")) proof.fail(`control: B's own members got ${statuses.join("/")} for ${url}`);
    }
    proof.note(`control: ${showsB} of B's own pages and exports show texts identifying B`);
    if (showsB < 5) proof.fail(`control: only ${showsB} of B's own answers contain B's texts; the leak check would see nothing`);

    before = await snapshot(database.url); // after every sign-in, the setup upload and the controls
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
    await proof.save();
  });

  it("refuses every page and route handler of agency B, and pages given B's ids", async () => {
    const probes: { email: string; method: "GET" | "POST"; url: string; expect404: boolean; form?: Record<string, string> }[] = [];
    for (const email of PROBERS) {
      for (const route of ROUTES) {
        if (route.scope !== "agency") continue;
        const method = route.kind === "handler" ? route.method : "GET";
        if (method === "POST" && route.kind === "handler" && route.uploadForm) {
          // Another upload route (the scan upload): B's slug, and A's slug with B's record.
          const route_ = route.path.replace("/a/[agencySlug]/", "");
          probes.push({ email, method, url: `/a/${B}/${route_}`, expect404: true, form: route.uploadForm(fixturesB) });
          // A's non-heads are refused (403) before B's id is looked up; either way nothing is written or named.
          probes.push({ email, method, url: `/a/${A}/${route_}`, expect404: email === "kadis@lumajang.demo", form: route.uploadForm(fixturesB) });
          continue;
        }
        if (method === "POST") {
          probes.push({ email, method, url: `/a/${B}/files`, expect404: true, form: { taskId: fixturesB.taskId } });
          probes.push({ email, method, url: `/a/${A}/files`, expect404: true, form: { taskId: fixturesB.taskId } });
          probes.push({ email, method, url: `/a/${A}/files`, expect404: true, form: { realizationId: fixturesB.realizationId } });
          continue;
        }
        probes.push({ email, method, url: urlFor(route, B, fixturesB, fixturesB), expect404: true });
        if (route.params) probes.push({ email, method, url: urlFor(route, A, fixturesB, fixturesB), expect404: true });
        // A's own page asked about B's ids in the query: may answer, must not show B.
        if (route.kind === "page" && route.query) probes.push({ email, method, url: urlFor(route, A, fixturesA, fixturesB), expect404: false });
      }
    }
    await pool(probes, 6, async (probe) => {
      proof.add("probes");
      let status: number;
      let body: string;
      if (probe.form) {
        const [, , slug, ...rest] = probe.url.split("/");
        const answer = await upload(server.baseUrl, slug!, cookies.get(probe.email)!, { name: "x.pdf", bytes: PDF_BYTES, type: "application/pdf" }, probe.form, rest.join("/"));
        status = answer.status;
        body = answer.body;
      } else {
        const response = await fetch(`${server.baseUrl}${probe.url}`, { redirect: "manual", headers: { cookie: cookies.get(probe.email)! } });
        status = response.status;
        body = await response.text();
      }
      const label = `${probe.email} ${probe.method} ${probe.url}${probe.form ? ` ${JSON.stringify(probe.form)}` : ""}`;
      if (status >= 500) proof.fail(`${label}: ${status}`, "serverErrors");
      else if (probe.expect404 && status !== 404) proof.fail(`${label}: answered ${status}, expected 404`, "forbiddenSuccesses");
      else if (probe.form && status < 400) proof.fail(`${label}: answered ${status}, expected a refusal`, "forbiddenSuccesses");
      const leaked = leaksIn(body);
      if (leaked.length) proof.fail(`${label}: the answer names agency B's data: ${leaked.slice(0, 3).join(" | ")}`, "leaks");
    });
  });

  it("refuses every server action with B's slug, and with A's slug and B's ids", async () => {
    const ids = await builtActions();
    const reached = new Set<string>();
    const calls: { email: string; entry: (typeof ACTIONS)[number]; slug: string; input: unknown }[] = [];
    for (const email of PROBERS) {
      for (const entry of ACTIONS) {
        // Account actions act on the caller's own account only: no agency, no record to aim at.
        if (entry.scope === "account") continue;
        const input = typeof entry.foreign === "function" ? entry.foreign(fixturesB) : {};
        if (entry.scope === "platform") {
          calls.push({ email, entry, slug: "", input });
          continue;
        }
        calls.push({ email, entry, slug: B, input });
        if (typeof entry.foreign === "function") calls.push({ email, entry, slug: A, input });
      }
    }
    await pool(calls, 6, async ({ email, entry, slug, input }) => {
      proof.add("probes");
      const id = ids.get(entry.key);
      if (!id) return proof.fail(`${entry.key} is not in the build`);
      const response = await callAction(server.baseUrl, id, actionArgs(entry, slug, input), { cookie: cookies.get(email)!, path: `/a/${A}` });
      const { ok, code } = outcome(response.result);
      const label = `${email} ${entry.name} slug=${slug || "-"} ${JSON.stringify(input)}`;
      if (response.status >= 500 || code === "UNEXPECTED") return proof.fail(`${label}: ${response.status} ${code ?? ""}`, "serverErrors");
      if (ok !== false || !["NOT_FOUND", "FORBIDDEN"].includes(code ?? "")) {
        proof.fail(`${label}: answered ${response.status} ${JSON.stringify(response.result)}, expected NOT_FOUND or FORBIDDEN`, "forbiddenSuccesses");
      }
      const leaked = leaksIn(response.body);
      if (leaked.length) proof.fail(`${label}: the answer names agency B's data: ${leaked.slice(0, 3).join(" | ")}`, "leaks");
      const permission = ACTION_REGISTRY.get(entry.name)?.permission;
      if (slug === A && permission && permission !== "platform.admin" && can(rolesOf.get(email)!, permission as TPermission, designatedA)) reached.add(entry.name);
    });
    // Each action aimed at B's ids passed the permission gate for at least one prober: its service's own agency check was tested.
    for (const entry of ACTIONS) {
      if (entry.scope === "agency" && typeof entry.foreign === "function" && !reached.has(entry.name)) {
        proof.fail(`${entry.name}: no prober passes its permission gate, so B's ids never reached the service`);
      }
    }
    proof.note(`${reached.size} actions reached their service with B's ids under A's slug`);
  });

  it("changed no row", async () => {
    const diff = diffSnapshots(before, await snapshot(database.url));
    proof.note(`rows changed by refused calls: ${diff.changedRows}`);
    if (diff.changedRows) proof.fail(`refused calls changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});

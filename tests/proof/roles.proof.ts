/**
 * The permission gate of every server action for every kind of caller, over
 * HTTP: each demo role of one agency, its auditor, a deactivated member, a
 * signed-out caller and the platform administrator. The input is one no
 * schema accepts, so a caller who passes the gate gets INVALID (and nothing
 * changes) and everyone else FORBIDDEN / NOT_FOUND / UNAUTHENTICATED; the
 * expectation comes from lib/authz/permissions.ts (`can`) and the agency's
 * designations. Then real transitions for what the gate cannot show: only
 * the task's role decides it, a return needs a reason, a Bidang fills only
 * its own unit's realization.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { ACTION_REGISTRY } from "@/lib/authz/action";
import { can, type TPermission } from "@/lib/authz/permissions";

import { builtActions, callAction, createDatabase, ensureBuild, ROOT, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, outcome, PDF_BYTES, query, snapshot, upload } from "./probe";
import { loadAllActions } from "./load-actions";
import { ProofRecorder } from "./report";
import { ACTIONS, actionArgs, REJECTED_INPUT } from "./routes";

const proof = new ProofRecorder("roles", "Role matrix: every action x every caller");
const SLUG = "diskominfo-lumajang";
const PORT = 4311;

interface Caller {
  column: string;
  email: string | null;
  kind: "member" | "deactivated" | "anonymous" | "platform";
}

/** Each demo role of the agency, its auditor, then the special callers. */
const CALLERS: Caller[] = [
  { column: "KADIS", email: "kadis@lumajang.demo", kind: "member" },
  { column: "SEKRETARIS", email: "sekretaris@lumajang.demo", kind: "member" },
  { column: "KASUBAG_PK", email: "kasubag.pk@lumajang.demo", kind: "member" },
  { column: "TIM_SAKIP", email: "tim.sakip@lumajang.demo", kind: "member" },
  { column: "STAFF", email: "staff@lumajang.demo", kind: "member" },
  { column: "ADMIN", email: "admin@lumajang.demo", kind: "member" },
  { column: "AUDITOR", email: "auditor@lumajang.demo", kind: "member" },
  // A second staff account, deactivated in setup.
  { column: "deactivated", email: null, kind: "deactivated" },
  { column: "signed out", email: null, kind: "anonymous" },
  { column: "platform admin", email: "admin@alurkinerja.demo", kind: "platform" },
];

let database: TestDatabase;
let server: RunningServer;
let actionIds: Map<string, string>;
const cookies = new Map<string, string | null>();
const roles = new Map<string, { code: string; isHead: boolean }[]>();
let designated: Partial<Record<TPermission, readonly string[]>> = {};

async function rolesIn(email: string): Promise<{ code: string; isHead: boolean }[]> {
  return query<{ code: string; isHead: boolean }>(
    database.url,
    `SELECT r.code, r."isHead" FROM "Membership" m JOIN "Role" r ON r.id = m."roleId" JOIN "User" u ON u.id = m."userId" JOIN "Agency" a ON a.id = m."agencyId"
     WHERE u.email = $1 AND a.slug = $2 AND m.active AND (m."validUntil" IS NULL OR m."validUntil" > now())`,
    [email, SLUG],
  );
}

function expected(entry: (typeof ACTIONS)[number], caller: Caller): "INVALID" | "FORBIDDEN" | "NOT_FOUND" | "UNAUTHENTICATED" {
  // Account actions parse first (a set-password link needs no session), and the gate input fails the schema.
  if (entry.scope === "account") return "INVALID";
  if (caller.kind === "anonymous") return "UNAUTHENTICATED";
  const meta = ACTION_REGISTRY.get(entry.name)!;
  if (entry.scope === "platform") return caller.kind === "platform" ? "INVALID" : "NOT_FOUND";
  const held = roles.get(caller.column) ?? [];
  if (held.length === 0) return "NOT_FOUND"; // not an (active) member: the agency does not exist for them
  return can(held, meta.permission as TPermission, designated) ? "INVALID" : "FORBIDDEN";
}

async function act(email: string, entry: string, input: unknown) {
  const meta = ACTIONS.find((a) => a.name === entry)!;
  const response = await callAction(server.baseUrl, actionIds.get(meta.key)!, actionArgs(meta, SLUG, input), {
    cookie: cookies.get(email) ?? null,
    path: `/a/${SLUG}`,
  });
  proof.add("probes");
  if (response.status >= 500 || outcome(response.result).code === "UNEXPECTED") proof.fail(`${email} ${entry}: ${response.status} ${response.body.slice(0, 200)}`, "serverErrors");
  return { ...outcome(response.result), status: response.status, result: response.result };
}

describe("roles", () => {
  beforeAll(async () => {
    await loadAllActions();
    await ensureBuild();
    database = await createDatabase("alur_proof_roles");
    server = await startServer({ databaseUrl: database.url, port: PORT });
    actionIds = await builtActions();

    // A second Staff account of the agency, deactivated: the "deactivated member" column.
    const [staff] = await query<{ userId: string; roleId: string; agencyId: string }>(
      database.url,
      `SELECT m."userId", m."roleId", m."agencyId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'staff@lumajang.demo'`,
    );
    await query(
      database.url,
      `INSERT INTO "User" (id, nip, name, email, "passwordHash", active, "isPlatformAdmin", "createdAt", "updatedAt")
       SELECT 'proof-deactivated', '198805052010011099', 'Staf Nonaktif', 'nonaktif@lumajang.demo', "passwordHash", true, false, now(), now() FROM "User" WHERE email = 'staff@lumajang.demo'`,
    );
    await query(
      database.url,
      `INSERT INTO "Membership" (id, "userId", "agencyId", "roleId", active, "createdAt", "updatedAt") VALUES ('proof-deactivated-m', 'proof-deactivated', $1, $2, true, now(), now())`,
      [staff!.agencyId, staff!.roleId],
    );
    const deactivatedCookie = await signIn(server.baseUrl, "nonaktif@lumajang.demo");
    if (!deactivatedCookie) throw new Error("the extra staff account cannot sign in");
    await query(database.url, `UPDATE "Membership" SET active = false WHERE id = 'proof-deactivated-m'`);
    cookies.set("deactivated", deactivatedCookie);

    for (const caller of CALLERS) {
      if (caller.email) {
        const cookie = await signIn(server.baseUrl, caller.email);
        if (!cookie) throw new Error(`sign-in refused for ${caller.email}`);
        cookies.set(caller.column, cookie);
        cookies.set(caller.email, cookie);
        roles.set(caller.column, await rolesIn(caller.email));
      }
    }
    roles.set("deactivated", await rolesIn("nonaktif@lumajang.demo"));
    const [agency] = await query<{ settings: unknown }>(database.url, `SELECT settings FROM "Agency" WHERE slug = $1`, [SLUG]);
    designated = readAgencySettings(agency!.settings).permissions;
    proof.note(`designations in ${SLUG}: ${JSON.stringify(designated)}`);
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await proof.save();
  });

  it("gates every action for every caller as the permission map says", async () => {
    const before = await snapshot(database.url);
    const lines: string[] = [];
    const header = ["action", "permission", ...CALLERS.map((c) => c.column)];
    lines.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
    let cells = 0;
    for (const entry of ACTIONS) {
      const row: string[] = [entry.name, ACTION_REGISTRY.get(entry.name)!.permission];
      for (const caller of CALLERS) {
        const response = await callAction(server.baseUrl, actionIds.get(entry.key)!, actionArgs(entry, SLUG, REJECTED_INPUT), {
          cookie: cookies.get(caller.column) ?? null,
          path: `/a/${SLUG}`,
        });
        proof.add("probes");
        cells++;
        const { ok, code } = outcome(response.result);
        const want = expected(entry, caller);
        const label = `${entry.name} as ${caller.column}`;
        if (response.status >= 500 || code === "UNEXPECTED") proof.fail(`${label}: ${response.status} ${code ?? response.body.slice(0, 200)}`, "serverErrors");
        else if (ok !== false || code !== want) {
          // Passing the gate when the map says no is a forbidden success; the reverse is a wrong refusal.
          proof.fail(`${label}: got ${code ?? response.status}, expected ${want}`, code === "INVALID" ? "forbiddenSuccesses" : undefined);
        }
        const mark = code === "INVALID" ? "✓" : "✗";
        row.push(code === want ? mark : `${mark}!`);
      }
      lines.push(`| ${row.join(" | ")} |`);
    }
    const matrix = [
      `# Role matrix (${SLUG})`,
      "",
      "✓ passes the permission gate (the invalid input then gets INVALID), ✗ refused (FORBIDDEN, NOT_FOUND or UNAUTHENTICATED); `!` marks a cell that differs from lib/authz/permissions.ts.",
      "",
      ...lines,
      "",
    ].join("\n");
    console.info(`\n${matrix}`);
    await mkdir(path.join(ROOT, ".proof"), { recursive: true });
    await writeFile(path.join(ROOT, ".proof", "role-matrix.md"), matrix);
    proof.note(`${ACTIONS.length} actions x ${CALLERS.length} callers = ${cells} gate probes; matrix in .proof/role-matrix.md`);

    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`gate probes changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
  });

  it("gates the scan upload route (decision 060) for every caller: only who may sign passes, and a malformed target then writes nothing", async () => {
    const before = await snapshot(database.url);
    const statuses: string[] = [];
    for (const caller of CALLERS) {
      // A real PDF with a target no kind accepts: past the gate it is 400, never stored.
      const r = await upload(server.baseUrl, SLUG, cookies.get(caller.column) ?? null, { name: "pindaian.pdf", bytes: PDF_BYTES, type: "application/pdf" }, { kind: "RAHASIA" }, "tanda-tangan/unggah");
      proof.add("probes");
      const held = roles.get(caller.column) ?? [];
      const want = caller.kind === "anonymous" ? 401 : held.length === 0 ? 404 : can(held, "document.sign", designated) ? 400 : 403;
      statuses.push(`${caller.column} ${r.status}`);
      if (r.status >= 500) proof.fail(`scan upload as ${caller.column}: ${r.status} ${r.body.slice(0, 160)}`, "serverErrors");
      else if (r.status !== want) proof.fail(`scan upload as ${caller.column}: got ${r.status}, expected ${want}`, want !== 400 && r.status === 400 ? "forbiddenSuccesses" : undefined);
      else if (!r.json?.error) proof.fail(`scan upload as ${caller.column}: ${r.status} without an Indonesian { error }`);
    }
    proof.note(`scan upload route: ${statuses.join(", ")}`);
    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`scan upload probes changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
  });

  it("lets only the task's role decide it, and never without a reason for a return", async () => {
    const [task] = await query<{ id: string; cycleId: string; roleCode: string; kind: string; output: string; kelengkapan: string; status: string }>(
      database.url,
      `SELECT t.id, t."cycleId", r.code AS "roleCode", s.kind, s.output, s.kelengkapan, t.status
       FROM "CycleTask" t JOIN "MeasurementCycle" c ON c.id = t."cycleId" JOIN "Agency" a ON a.id = c."agencyId" JOIN "Role" r ON r.id = t."assignedRoleId"
       JOIN "SopStep" s ON s."sopId" = c."sopId" AND s.number = t."stepNumber"
       WHERE a.slug = $1 AND c.status = 'ACTIVE' AND t.status = 'ACTIVE' LIMIT 1`,
      [SLUG],
    );
    if (!task) throw new Error("no active task to act on");
    expect(["APPROVAL", "REVIEW"]).toContain(task.kind); // the demo stops at a decision step
    const work = {
      cycleId: task.cycleId,
      taskId: task.id,
      outputText: `${task.output} (proof)`,
      checklist: task.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean),
      attendees: ["Sekretaris", "Tim SAKIP"],
      decisions: "Disetujui.",
    };
    const state = async () => (await query<{ status: string; n: string }>(database.url, `SELECT status, (SELECT count(*) FROM "CycleTask" WHERE "cycleId" = $2)::text AS n FROM "CycleTask" WHERE id = $1`, [task.id, task.cycleId]))[0]!;
    const initial = await state();
    const others = CALLERS.filter((c) => c.column !== task.roleCode);
    for (const caller of others) {
      for (const event of ["APPROVE", "RETURN"] as const) {
        const r = await act(caller.column, "cycle.act", { ...work, event, comment: "Perlu perbaikan data dukung." });
        if (r.ok !== false) proof.fail(`${caller.column} could ${event} a task assigned to ${task.roleCode}`, "forbiddenSuccesses");
      }
    }
    const afterOthers = await state();
    if (afterOthers.status !== initial.status || afterOthers.n !== initial.n) proof.fail(`refused decisions moved the task: ${JSON.stringify(afterOthers)}`, "rowsChangedByRefused");

    const assignee = CALLERS.find((c) => c.column === task.roleCode);
    if (!assignee) throw new Error(`no caller holds ${task.roleCode}`);
    const noReason = await act(assignee.column, "cycle.act", { ...work, event: "RETURN" });
    if (noReason.ok !== false) proof.fail(`a return without a reason was accepted`, "forbiddenSuccesses");
    else if (noReason.code !== "INVALID") proof.fail(`a return without a reason answered ${noReason.code}, expected INVALID`);
    const blank = await act(assignee.column, "cycle.act", { ...work, event: "RETURN", comment: "   " });
    if (blank.ok !== false) proof.fail(`a return with a blank reason was accepted`, "forbiddenSuccesses");
    if ((await state()).status !== initial.status) proof.fail(`a refused return moved the task`, "rowsChangedByRefused");

    const approve = await act(assignee.column, "cycle.act", { ...work, event: "APPROVE" });
    if (approve.ok !== true) proof.fail(`the task's own role (${task.roleCode}) could not approve: ${JSON.stringify(approve.result)}`);
    const final = await state();
    if (final.status === "ACTIVE") proof.fail(`the approval is not in the database (task still ACTIVE)`, "lostTransitions");
    proof.note(`task of ${task.roleCode}: ${others.length} other callers x APPROVE/RETURN refused, return without reason refused, ${task.roleCode} approved (${initial.status} -> ${final.status})`);
  });

  it("refuses a realization filled by another unit's Bidang", async () => {
    const units = await query<{ email: string; unitId: string; unit: string }>(
      database.url,
      `SELECT u.email, m."unitId", o.name AS unit FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "OrgUnit" o ON o.id = m."unitId"
       WHERE u.email IN ('bidang@sumbar.demo', 'bidang.ck@sumbar.demo')`,
    );
    const bm = units.find((u) => u.email === "bidang@sumbar.demo");
    const ck = units.find((u) => u.email === "bidang.ck@sumbar.demo");
    if (!bm || !ck || bm.unitId === ck.unitId) throw new Error(`the two Bidang accounts need different units: ${JSON.stringify(units)}`);
    const [indicator] = await query<{ id: string; year: number }>(
      database.url,
      `SELECT i.id, p.year FROM "Indicator" i JOIN "StrategicGoal" g ON g.id = i."goalId" JOIN "PerformanceAgreement" p ON p.id = g."agreementId"
       WHERE i."orgUnitId" = $1 AND NOT EXISTS (SELECT 1 FROM "Realization" r WHERE r."indicatorId" = i.id AND r.quarter = 3) ORDER BY p.year DESC, i.code LIMIT 1`,
      [ck.unitId],
    );
    if (!indicator) throw new Error("no Cipta Karya indicator without a Triwulan III realization");
    const sumbar = "bmcktr-sumbar";
    const cookieOf = async (email: string) => (await signIn(server.baseUrl, email))!;
    const entry = ACTIONS.find((a) => a.name === "performance.saveRealization")!;
    const input = { indicatorId: indicator.id, year: indicator.year, quarter: 3, value: "12,5", faktorPendorong: "Uji peran", submit: false };
    const count = async () => (await query<{ n: string }>(database.url, `SELECT count(*)::text AS n FROM "Realization" WHERE "indicatorId" = $1 AND quarter = 3`, [indicator.id]))[0]!.n;

    const foreign = await callAction(server.baseUrl, actionIds.get(entry.key)!, [sumbar, input], { cookie: await cookieOf(bm.email), path: `/a/${sumbar}` });
    proof.add("probes");
    const f = outcome(foreign.result);
    if (foreign.status >= 500) proof.fail(`another unit's Bidang: ${foreign.status}`, "serverErrors");
    if (f.ok !== false || f.code !== "FORBIDDEN") proof.fail(`${bm.unit}'s Bidang filling ${ck.unit}'s indicator: ${JSON.stringify(foreign.result)}, expected FORBIDDEN`, f.ok ? "forbiddenSuccesses" : undefined);
    if ((await count()) !== "0") proof.fail(`the refused realization was written`, "rowsChangedByRefused");

    const own = await callAction(server.baseUrl, actionIds.get(entry.key)!, [sumbar, input], { cookie: await cookieOf(ck.email), path: `/a/${sumbar}` });
    proof.add("probes");
    if (outcome(own.result).ok !== true) proof.fail(`${ck.unit}'s own Bidang could not fill its indicator: ${JSON.stringify(own.result)}`);
    if ((await count()) !== "1") proof.fail(`the accepted realization is not in the database`, "lostTransitions");
    proof.note(`realization of ${ck.unit}: refused for ${bm.unit} (${f.code}), saved by ${ck.unit}`);
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});

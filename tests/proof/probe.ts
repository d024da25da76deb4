/**
 * What the HTTP proof modules share: database snapshots (to prove a refused
 * call changed nothing), another agency's ids, multipart uploads, and a small
 * concurrency pool. Everything runs against the real database and server.
 */
import pg from "pg";

import type { TenantFixtures } from "./routes";

/** Tables left out of snapshots: the sign-in throttle (every sign-in attempt writes it). */
export const SNAPSHOT_EXCLUDED = ["LoginAttempt"];

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Per table: a fingerprint (md5 over the rows in order) and the rows' own hashes. */
export type Snapshot = Map<string, { md5: string; rows: string[] }>;

export async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await auditChainSettled(client);
    const tables = (
      await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    ).rows
      .map((r) => r.tablename)
      .filter((name) => !SNAPSHOT_EXCLUDED.includes(name));
    const result: Snapshot = new Map();
    for (const table of tables) {
      const { rows } = await client.query<{ md5: string | null; rows: string[] | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5, array_agg(md5(t::text)) AS rows FROM "${table}" t`,
      );
      result.set(table, { md5: rows[0]?.md5 ?? "", rows: rows[0]?.rows ?? [] });
    }
    return result;
  } finally {
    await client.end();
  }
}

/**
 * Waits until the audit sequencer (decision 038) has chained what earlier requests wrote: its
 * background chaining is not something a later, refused call did. Settled = nothing waiting, or
 * the same waiting rows and chain heads over three readings 200 ms apart (an event its writer's
 * instance gave up on is left to the worker, which a proof server may not run). At most 10 s.
 */
async function auditChainSettled(client: pg.Client) {
  let last = "";
  let same = 0;
  for (let i = 0; i < 50; i++) {
    const { rows } = await client.query<{ state: string; waiting: number }>(
      `SELECT (SELECT count(*)::int FROM "AuditEvent" WHERE "hash" IS NULL) AS "waiting",
              (SELECT count(*)::text || ':' || coalesce(sum("seq"), 0)::text FROM "AuditChainHead") || ':' || (SELECT count(*)::text FROM "AuditEvent" WHERE "hash" IS NULL) AS "state"`,
    );
    if (rows[0]!.waiting === 0) return;
    same = rows[0]!.state === last ? same + 1 : 0;
    if (same >= 2) return;
    last = rows[0]!.state;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Rows added, removed or changed between two snapshots, per table (changed tables only). */
export function diffSnapshots(before: Snapshot, after: Snapshot): { changedRows: number; tables: Record<string, number> } {
  const tables: Record<string, number> = {};
  let changedRows = 0;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    if (a && b && a.md5 === b.md5) continue;
    const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const ca = count(a?.rows ?? []);
    const cb = count(b?.rows ?? []);
    let diff = 0;
    for (const key of new Set([...ca.keys(), ...cb.keys()])) diff += Math.abs((ca.get(key) ?? 0) - (cb.get(key) ?? 0));
    // A changed row shows as one removed and one added hash.
    const rows = Math.max(1, Math.ceil(diff / 2));
    tables[name] = rows;
    changedRows += rows;
  }
  return { changedRows, tables };
}

/**
 * Ids of one agency's records. `fileId` is the newest stored file (empty
 * when the agency has none); the task is an open one of an active cycle.
 */
export async function loadFixtures(url: string, slug: string): Promise<TenantFixtures> {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await query<{ id: string }>(url, sql, params);
    return rows[0]?.id ?? "";
  };
  const [agency] = await query<{ id: string; governmentId: string }>(url, `SELECT id, "governmentId" FROM "Agency" WHERE slug = $1`, [slug]);
  if (!agency) throw new Error(`no agency ${slug}`);
  const a = [agency.id];
  const task = await query<{ id: string; cycleId: string }>(
    url,
    `SELECT t.id, t."cycleId" FROM "CycleTask" t JOIN "MeasurementCycle" c ON c.id = t."cycleId"
     WHERE t."agencyId" = $1 AND c.status = 'ACTIVE' AND t.status IN ('ACTIVE', 'RETURNED') ORDER BY t."stepNumber" LIMIT 1`,
    a,
  );
  const sop = await query<{ id: string; seriesId: string }>(url, `SELECT id, "seriesId" FROM "Sop" WHERE "agencyId" = $1 ORDER BY status = 'ACTIVE' DESC, id LIMIT 1`, a);
  const member = await query<{ id: string; nip: string }>(
    url,
    `SELECT u.id, u.nip FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."agencyId" = $1 AND m.active ORDER BY u.nip LIMIT 1`,
    a,
  );
  return {
    agencyId: agency.id,
    agencySlug: slug,
    governmentId: agency.governmentId,
    cycleId: task[0]?.cycleId ?? "",
    taskId: task[0]?.id ?? "",
    sopId: sop[0]?.id ?? "",
    seriesId: sop[0]?.seriesId ?? "",
    indicatorId: await one(`SELECT id FROM "Indicator" WHERE "agencyId" = $1 ORDER BY id LIMIT 1`, a),
    realizationId: await one(`SELECT id FROM "Realization" WHERE "agencyId" = $1 ORDER BY id LIMIT 1`, a),
    programId: await one(`SELECT p.id FROM "Program" p JOIN "PerformanceAgreement" pa ON pa.id = p."agreementId" WHERE pa."agencyId" = $1 ORDER BY p.id LIMIT 1`, a),
    fileId: await one(`SELECT id FROM "StoredFile" WHERE "agencyId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, a),
    roleId: await one(`SELECT id FROM "Role" WHERE "agencyId" = $1 AND code NOT IN ('ADMIN', 'AUDITOR') ORDER BY "isHead" DESC, "sortOrder" LIMIT 1`, a),
    unitId: await one(`SELECT id FROM "OrgUnit" WHERE "agencyId" = $1 AND active ORDER BY "sortOrder" LIMIT 1`, a),
    userId: member[0]?.id ?? "",
    userNip: member[0]?.nip ?? "",
    cascadeNodeId: await one(`SELECT id FROM "CascadeNode" WHERE "agencyId" = $1 AND level = 'SASARAN' ORDER BY id LIMIT 1`, a),
    cascadeIndicatorId: await one(`SELECT id FROM "CascadeIndicator" WHERE "agencyId" = $1 ORDER BY id LIMIT 1`, a),
    auditEventId: await one(`SELECT id::text AS id FROM "AuditEvent" WHERE "agencyId" = $1 ORDER BY id LIMIT 1`, a),
  };
}

/** The e-mail (sign-in identifier) of an active member holding the role that an open task waits on. */
export async function taskAssignee(url: string, taskId: string): Promise<string> {
  const [row] = await query<{ email: string }>(
    url,
    `SELECT u.email FROM "CycleTask" t JOIN "Membership" m ON m."roleId" = t."assignedRoleId" AND m.active JOIN "User" u ON u.id = m."userId"
     WHERE t.id = $1 AND u.email IS NOT NULL ORDER BY u.email LIMIT 1`,
    [taskId],
  );
  if (!row) throw new Error(`nobody holds the role of task ${taskId}`);
  return row.email;
}

/** A minimal, well-formed PDF and PNG. */
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff0b8e8e0000000049454e44ae426082",
  "hex",
);

/** POSTs a multipart upload as the app's upload forms do: to /a/<slug>/files, or to another upload route (`route`, after the slug). */
export async function upload(
  baseUrl: string,
  slug: string,
  cookie: string | null,
  file: { name: string; bytes: Buffer; type?: string } | null,
  fields: Record<string, string>,
  route = "files",
): Promise<{ status: number; body: string; json: { id?: string; name?: string; error?: string } | null }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const response = await fetch(`${baseUrl}/a/${encodeURIComponent(slug)}/${route}`, {
    method: "POST",
    headers: { origin: baseUrl, ...(cookie ? { cookie } : {}) },
    body: form,
  });
  const body = await response.text();
  let json: { id?: string; name?: string; error?: string } | null = null;
  try {
    json = JSON.parse(body) as typeof json;
  } catch {
    json = null;
  }
  return { status: response.status, body, json };
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}

/** An action's `{ ok, code, error }` result, when the response carried one. */
export function outcome(result: unknown): { ok: boolean | null; code: string | null; error: string | null } {
  if (!result || typeof result !== "object") return { ok: null, code: null, error: null };
  const r = result as { ok?: unknown; code?: unknown; error?: unknown };
  return {
    ok: typeof r.ok === "boolean" ? r.ok : null,
    code: typeof r.code === "string" ? r.code : null,
    error: typeof r.error === "string" ? r.error : null,
  };
}

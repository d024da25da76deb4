/**
 * Benchmark dataset generator (issue #8): `npm run bench:seed [-- flags]`.
 *
 * 1. Drops and creates the database (default `alur_bench` on 127.0.0.1:5432),
 *    applies the migrations and loads the normal demo data (lib/seed/demo.ts),
 *    so every demo account still signs in.
 * 2. Generates the bulk around it with set-based `INSERT … SELECT
 *    generate_series` statements (deterministic ids: prefix + md5 of the key):
 *    governments, agencies (each with the roles, units and the ACTIVE SOP of the
 *    demo agency bmcktr-sumbar, copied), users with memberships filling every
 *    role, per agency and past year a Perjanjian Kinerja (sasaran, indicators,
 *    quarterly targets, programs) with verified realization for every completed
 *    quarter, and per agency `--years` years of quarterly cycles (every task
 *    DONE) plus one cycle in progress.
 * 3. Writes `--audit-events` audit events spread over the agencies, each chain
 *    valid: hashes are computed in Node with the app's own `hashEvent`
 *    (lib/audit/chain.ts), continuing each chain from its head, and the heads
 *    are moved to the last event. At the end it verifies a sample of chains
 *    (the heavy agency's and two generated ones) with `verifyChain`.
 *
 * The demo agency bmcktr-sumbar is the "heavy" one: it gets the same years of
 *    history as the generated agencies plus `--heavy-share` (default 20 %) of
 *    all audit events, so the pages its demo users open touch large data.
 *
 * Flags: --database-url <url> (its database is dropped and recreated; the name
 * must contain "bench"), --scale <f> (multiplies agencies, governments, users
 * and audit events; default 1), --agencies 200, --governments 20, --users
 * 2000, --years 5, --audit-events 1000000, --heavy-share 0.2. Counts include
 * the 3 demo agencies (and their governments and users).
 */
import { parseArgs } from "node:util";

import pg from "pg";

import { hashEvent, type ChainedFields } from "@/lib/audit/chain";
import { verifyChain } from "@/lib/audit/chain";
import { createPrismaClient } from "@/lib/db/client";
import { createDatabase } from "@/tests/support/server";

const { values: flags } = parseArgs({
  options: {
    "database-url": { type: "string" },
    scale: { type: "string", default: "1" },
    agencies: { type: "string" },
    governments: { type: "string" },
    users: { type: "string" },
    years: { type: "string", default: "5" },
    "audit-events": { type: "string" },
    "heavy-share": { type: "string", default: "0.2" },
  },
});

const scale = Number(flags.scale);
const num = (value: string | undefined, full: number) => Math.max(0, Math.round(value === undefined ? full * scale : Number(value)));
const AGENCIES = Math.max(4, num(flags.agencies, 200));
const GOVERNMENTS = Math.max(4, num(flags.governments, 20));
const USERS = num(flags.users, 2000);
const YEARS = Math.max(1, Number(flags.years));
const AUDIT_EVENTS = num(flags["audit-events"], 1_000_000);
const HEAVY_SHARE = Number(flags["heavy-share"]);
const HEAVY_SLUG = "bmcktr-sumbar";
const CURRENT_YEAR = 2026; // the demo data's year: its cycles and PK are 2026
const FIRST_YEAR = CURRENT_YEAR - YEARS;

const targetUrl = flags["database-url"] ?? "postgresql://postgres@127.0.0.1:5432/alur_bench";
const parsed = new URL(targetUrl);
const dbName = parsed.pathname.replace(/^\//, "");
if (!/bench/.test(dbName)) {
  console.error(`refusing to drop and recreate "${dbName}": the database name must contain "bench"`);
  process.exit(2);
}
const admin = new URL(targetUrl);
admin.pathname = "/postgres";
process.env.PROOF_PG_URL = admin.toString();

const t0 = Date.now();
const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line: string) => console.info(`[bench:seed ${secs(t0).padStart(7)}] ${line}`);

log(`database ${dbName}: migrate + demo data`);
const database = await createDatabase(dbName, { seed: true });
const client = new pg.Client({ connectionString: database.url });
await client.connect();

async function step(label: string, sql: string, params: unknown[] = []) {
  const t = Date.now();
  const result = await client.query(sql, params);
  log(`${label}: ${result.rowCount ?? 0} rows (${secs(t)})`);
  return result;
}

const heavy = (await client.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = $1`, [HEAVY_SLUG])).rows[0]!.id;
const demoAgencies = Number((await client.query(`SELECT count(*) FROM "Agency"`)).rows[0].count);
const demoGovernments = Number((await client.query(`SELECT count(*) FROM "Government"`)).rows[0].count);
const demoUsers = Number((await client.query(`SELECT count(*) FROM "User"`)).rows[0].count);
const A = AGENCIES - demoAgencies;
const G = Math.max(1, GOVERNMENTS - demoGovernments);
const ROLES_PER_AGENCY = Number((await client.query(`SELECT count(*) FROM "Role" WHERE "agencyId" = $1`, [heavy])).rows[0].count);
const U = Math.max(USERS - demoUsers, A * ROLES_PER_AGENCY);
const passwordHash = (await client.query(`SELECT "passwordHash" FROM "User" WHERE "passwordHash" <> '' LIMIT 1`)).rows[0].passwordHash as string;
log(`generating ${A} agencies in ${G} governments, ${U} users, ${YEARS} years (${FIRST_YEAR}-${CURRENT_YEAR - 1}) of quarterly cycles, ${AUDIT_EVENTS} audit events (heavy agency ${HEAVY_SLUG}: ${HEAVY_SHARE * 100}%)`);

const agencyId = (expr: string) => `'bag' || lpad((${expr})::text, 5, '0')`;

// --- Tenants, people ---------------------------------------------------------
await step("governments", `INSERT INTO "Government" (id, level, name) SELECT 'bgov' || g, 'KABUPATEN', 'Bench ' || lpad(g::text, 3, '0') FROM generate_series(1, $1::int) g`, [G]);
await step(
  "agencies",
  `INSERT INTO "Agency" (id, slug, name, "governmentId", "timeZone", "updatedAt")
   SELECT ${agencyId("a")}, 'bench-' || lpad(a::text, 5, '0'), 'Dinas Bench ' || a, 'bgov' || (1 + (a - 1) % $2::int),
          (ARRAY['WIB','WITA','WIT'])[1 + a % 3]::"AgencyTimeZone", now()
   FROM generate_series(1, $1::int) a`,
  [A, G],
);
await step(
  "roles (copied from the heavy agency)",
  `INSERT INTO "Role" (id, "agencyId", code, name, "isHead", "sortOrder")
   SELECT 'brl' || md5(ag.id || r.code), ag.id, r.code, r.name, r."isHead", r."sortOrder"
   FROM "Agency" ag CROSS JOIN "Role" r WHERE ag.id LIKE 'bag%' AND r."agencyId" = $1`,
  [heavy],
);
await step(
  "org units",
  `INSERT INTO "OrgUnit" (id, "agencyId", name, "sortOrder")
   SELECT 'bou' || md5(ag.id || o.name), ag.id, o.name, o."sortOrder"
   FROM "Agency" ag CROSS JOIN "OrgUnit" o WHERE ag.id LIKE 'bag%' AND o."agencyId" = $1`,
  [heavy],
);
await step(
  "users",
  `INSERT INTO "User" (id, nip, name, jabatan, pangkat, "passwordHash", "updatedAt")
   SELECT 'bus' || lpad(u::text, 6, '0'), '9' || lpad(u::text, 17, '0'), 'Pegawai Bench ' || u, 'Staf', 'Penata (III/c)', $2, now()
   FROM generate_series(1, $1::int) u`,
  [U, passwordHash],
);
await step(
  "memberships (every role of every agency filled)",
  `WITH r AS (
     SELECT id, "agencyId", (row_number() OVER (PARTITION BY "agencyId" ORDER BY "sortOrder", code) - 1)::int AS k,
            count(*) OVER (PARTITION BY "agencyId")::int AS n
     FROM "Role" WHERE "agencyId" LIKE 'bag%'
   )
   INSERT INTO "Membership" (id, "userId", "agencyId", "roleId", "updatedAt")
   SELECT 'bms' || lpad(u::text, 6, '0'), 'bus' || lpad(u::text, 6, '0'), r."agencyId", r.id, now()
   FROM generate_series(1, $1::int) u
   JOIN r ON r."agencyId" = ${agencyId("1 + (u - 1) % $2::int")} AND r.k = ((u - 1) / $2::int) % r.n`,
  [U, A],
);

// --- The SOP of every generated agency: the heavy agency's ACTIVE SOP --------
await step(
  "SOP series",
  `INSERT INTO "SopSeries" (id, "agencyId", nomor)
   SELECT 'bss' || substr(ag.id, 4), ag.id, s.nomor FROM "Agency" ag CROSS JOIN "Sop" s
   WHERE ag.id LIKE 'bag%' AND s."agencyId" = $1 AND s.status = 'ACTIVE'`,
  [heavy],
);
await step(
  "SOPs",
  `INSERT INTO "Sop" (id, "agencyId", "seriesId", version, status, nomor, nama, unit, "tanggalPembuatan", "tanggalRevisi", "tanggalEfektif",
                      "disahkanJabatan", "disahkanNama", "disahkanPangkat", "disahkanNip", "dasarHukum", "kualifikasiPelaksana",
                      keterkaitan, peralatan, pencatatan, peringatan, "activatedAt", "updatedAt")
   SELECT 'bsp' || substr(ag.id, 4), ag.id, 'bss' || substr(ag.id, 4), 1, 'ACTIVE', s.nomor, s.nama, s.unit, s."tanggalPembuatan", s."tanggalRevisi",
          s."tanggalEfektif", s."disahkanJabatan", s."disahkanNama", s."disahkanPangkat", s."disahkanNip", s."dasarHukum", s."kualifikasiPelaksana",
          s.keterkaitan, s.peralatan, s.pencatatan, s.peringatan, s."activatedAt", now()
   FROM "Agency" ag CROSS JOIN "Sop" s WHERE ag.id LIKE 'bag%' AND s."agencyId" = $1 AND s.status = 'ACTIVE'`,
  [heavy],
);
await step(
  "SOP steps",
  `INSERT INTO "SopStep" (id, "sopId", number, kegiatan, "executorRoleId", kind, kelengkapan, "waktuJumlah", "waktuSatuan", output, keterangan, "yesStepNumber", "noStepNumber")
   SELECT 'bst' || md5(sp.id || st.number), sp.id, st.number, st.kegiatan, rl.id, st.kind, st.kelengkapan, st."waktuJumlah", st."waktuSatuan",
          st.output, st.keterangan, st."yesStepNumber", st."noStepNumber"
   FROM "Sop" sp
   JOIN "Sop" src ON src."agencyId" = $1 AND src.status = 'ACTIVE'
   JOIN "SopStep" st ON st."sopId" = src.id
   JOIN "Role" hr ON hr.id = st."executorRoleId"
   JOIN "Role" rl ON rl."agencyId" = sp."agencyId" AND rl.code = hr.code
   WHERE sp.id LIKE 'bsp%'`,
  [heavy],
);
await step(
  "SOP step participants",
  `INSERT INTO "SopStepParticipant" ("stepId", "roleId")
   SELECT 'bst' || md5(sp.id || st.number), rl.id
   FROM "Sop" sp
   JOIN "Sop" src ON src."agencyId" = $1 AND src.status = 'ACTIVE'
   JOIN "SopStep" st ON st."sopId" = src.id
   JOIN "SopStepParticipant" p ON p."stepId" = st.id
   JOIN "Role" hr ON hr.id = p."roleId"
   JOIN "Role" rl ON rl."agencyId" = sp."agencyId" AND rl.code = hr.code
   WHERE sp.id LIKE 'bsp%'`,
  [heavy],
);

// --- Cycles: YEARS x 4 completed quarters per agency, one in progress ---------
// The generated agencies and the heavy demo agency (whose 2026 cycles are the demo's own).
const inScope = `(ag.id LIKE 'bag%' OR ag.id = $1)`;
await step(
  "completed cycles",
  `INSERT INTO "MeasurementCycle" (id, "agencyId", "sopId", "seriesId", year, period, status, "startedById", "startedAt", "completedAt")
   SELECT 'bcy' || md5(ag.id || y || q), ag.id, sp.id, sp."seriesId", y, ('TW' || q)::"CyclePeriod", 'COMPLETED', m."userId",
          make_date(y, 1, 1) + make_interval(months => q * 3, days => 5) + interval '2 hours',
          make_date(y, 1, 1) + make_interval(months => q * 3, days => 16) + interval '9 hours'
   FROM "Agency" ag
   JOIN "Sop" sp ON sp."agencyId" = ag.id AND sp.status = 'ACTIVE'
   JOIN LATERAL (SELECT mm."userId" FROM "Membership" mm JOIN "Role" r ON r.id = mm."roleId" WHERE mm."agencyId" = ag.id AND r."isHead" ORDER BY mm.id LIMIT 1) m ON true
   CROSS JOIN generate_series($2::int, $3::int) y CROSS JOIN generate_series(1, 4) q
   WHERE ${inScope}`,
  [heavy, FIRST_YEAR, CURRENT_YEAR - 1],
);
await step(
  "cycles in progress (Triwulan I of the current year)",
  `INSERT INTO "MeasurementCycle" (id, "agencyId", "sopId", "seriesId", year, period, status, "startedById", "startedAt")
   SELECT 'bcy' || md5(ag.id || $1::int || 1), ag.id, sp.id, sp."seriesId", $1::int, 'TW1', 'ACTIVE', m."userId", now() - interval '3 days'
   FROM "Agency" ag
   JOIN "Sop" sp ON sp."agencyId" = ag.id AND sp.status = 'ACTIVE'
   JOIN LATERAL (SELECT mm."userId" FROM "Membership" mm JOIN "Role" r ON r.id = mm."roleId" WHERE mm."agencyId" = ag.id AND r."isHead" ORDER BY mm.id LIMIT 1) m ON true
   WHERE ag.id LIKE 'bag%'`,
  [CURRENT_YEAR],
);
// Tasks: one DONE task per step of a completed cycle; in a cycle in progress the
// steps before its stop step (2..n-1, from the cycle id) are DONE and the stop step ACTIVE.
await step(
  "cycle tasks",
  `WITH c AS (
     SELECT c.*, (SELECT count(*) FROM "SopStep" s WHERE s."sopId" = c."sopId")::int AS n FROM "MeasurementCycle" c WHERE c.id LIKE 'bcy%'
   ), t AS (
     SELECT c.id AS "cycleId", c."agencyId", c."startedAt", c.status AS cs, st.*,
            CASE WHEN c.status = 'COMPLETED' THEN c.n + 1 ELSE 2 + abs(hashtext(c.id)) % (c.n - 2) END AS stop
     FROM c JOIN "SopStep" st ON st."sopId" = c."sopId"
   )
   INSERT INTO "CycleTask" (id, "agencyId", "cycleId", "stepId", "stepNumber", round, status, "assignedRoleId", "assignedRoleName", "startedAt", "dueAt",
                            "completedAt", "completedById", outcome, "outputText", data)
   SELECT 'btk' || md5(t."cycleId" || t.number), t."agencyId", t."cycleId", t.id, t.number, 1,
          (CASE WHEN t.number < t.stop THEN 'DONE' ELSE 'ACTIVE' END)::"TaskStatus", t."executorRoleId",
          (SELECT r.name FROM "Role" r WHERE r.id = t."executorRoleId"),
          t."startedAt" + (t.number - 1) * interval '1 day', t."startedAt" + t.number * interval '1 day' + interval '2 days',
          CASE WHEN t.number < t.stop THEN t."startedAt" + (t.number - 0.5) * interval '1 day' END,
          CASE WHEN t.number < t.stop THEN m."userId" END,
          (CASE WHEN t.number >= t.stop THEN NULL WHEN t.kind IN ('REVIEW', 'APPROVAL') THEN 'APPROVED' ELSE 'COMPLETED' END)::"TaskOutcome",
          CASE WHEN t.number < t.stop THEN t.output END,
          CASE WHEN t.number < t.stop THEN jsonb_build_object('checklist', to_jsonb(string_to_array(t.kelengkapan, E'\\n'))) ELSE '{}'::jsonb END
   FROM t
   JOIN LATERAL (SELECT mm."userId" FROM "Membership" mm WHERE mm."roleId" = t."executorRoleId" ORDER BY mm.id LIMIT 1) m ON true
   WHERE t.number <= t.stop`,
);

// --- Perjanjian Kinerja per agency and past year, realization per quarter. No PK
// for the current year in generated agencies: their cycles in progress can then
// pass the INPUT step on its checklist (the transition benchmark drives them).
await step(
  "performance agreements",
  `INSERT INTO "PerformanceAgreement" (id, "agencyId", year, "signedAt", "firstPartyName", "firstPartyJabatan", "firstPartyNip", "secondPartyName", "secondPartyJabatan")
   SELECT 'bpa' || md5(ag.id || y), ag.id, y, make_date(y, 1, 31), pa."firstPartyName", pa."firstPartyJabatan", pa."firstPartyNip", pa."secondPartyName", pa."secondPartyJabatan"
   FROM "Agency" ag
   JOIN "PerformanceAgreement" pa ON pa."agencyId" = $1 AND pa.year = $3
   CROSS JOIN generate_series($2::int, $3::int - 1) y
   WHERE ${inScope}`,
  [heavy, FIRST_YEAR, CURRENT_YEAR],
);
const generatedAgreements = `FROM "PerformanceAgreement" npa JOIN "PerformanceAgreement" tpa ON tpa."agencyId" = $1 AND tpa.year = $2 WHERE npa.id LIKE 'bpa%'`;
await step(
  "strategic goals",
  `INSERT INTO "StrategicGoal" (id, "agencyId", "agreementId", code, name, "sortOrder")
   SELECT 'bsg' || md5(npa.id || g.code), npa."agencyId", npa.id, g.code, g.name, g."sortOrder"
   ${generatedAgreements.replace("WHERE", `JOIN "StrategicGoal" g ON g."agreementId" = tpa.id WHERE`)}`,
  [heavy, CURRENT_YEAR],
);
await step(
  "indicators",
  `INSERT INTO "Indicator" (id, "agencyId", "goalId", code, name, unit, polarity, "targetType", aggregation, "orgUnitId", definition, formula,
                            "targetValue", "targetMin", "targetMax", "sortOrder")
   SELECT 'bin' || md5(npa.id || i.code), npa."agencyId", 'bsg' || md5(npa.id || g.code), i.code, i.name, i.unit, i.polarity, i."targetType",
          i.aggregation, ou.id, i.definition, i.formula, i."targetValue", i."targetMin", i."targetMax", i."sortOrder"
   ${generatedAgreements.replace(
     "WHERE",
     `JOIN "Indicator" i ON i."agencyId" = $1 JOIN "StrategicGoal" g ON g.id = i."goalId" AND g."agreementId" = tpa.id
      JOIN "OrgUnit" tou ON tou.id = i."orgUnitId" JOIN "OrgUnit" ou ON ou."agencyId" = npa."agencyId" AND ou.name = tou.name WHERE`,
   )}`,
  [heavy, CURRENT_YEAR],
);
await step(
  "quarter targets",
  `INSERT INTO "QuarterTarget" ("indicatorId", quarter, "targetValue", "targetMin", "targetMax")
   SELECT 'bin' || md5(npa.id || i.code), qt.quarter, qt."targetValue", qt."targetMin", qt."targetMax"
   ${generatedAgreements.replace(
     "WHERE",
     `JOIN "StrategicGoal" g ON g."agreementId" = tpa.id JOIN "Indicator" i ON i."goalId" = g.id JOIN "QuarterTarget" qt ON qt."indicatorId" = i.id WHERE`,
   )}`,
  [heavy, CURRENT_YEAR],
);
await step(
  "programs",
  `INSERT INTO "Program" (id, "agencyId", "agreementId", code, name, "sortOrder")
   SELECT 'bpg' || md5(npa.id || p.code), npa."agencyId", npa.id, p.code, p.name, p."sortOrder"
   ${generatedAgreements.replace("WHERE", `JOIN "Program" p ON p."agreementId" = tpa.id WHERE`)}`,
  [heavy, CURRENT_YEAR],
);
await step(
  "program quarters",
  `INSERT INTO "ProgramQuarter" ("programId", quarter, pagu, realization)
   SELECT 'bpg' || md5(npa.id || p.code), q.quarter, q.pagu,
          CASE WHEN npa.year < $2 THEN round(q.pagu * (0.85 + (abs(hashtext(npa.id || p.code || q.quarter)) % 15) / 100.0), 2) END
   ${generatedAgreements.replace("WHERE", `JOIN "Program" p ON p."agreementId" = tpa.id JOIN "ProgramQuarter" q ON q."programId" = p.id WHERE`)}`,
  [heavy, CURRENT_YEAR],
);
await step(
  "realizations (verified, every completed quarter)",
  `INSERT INTO "Realization" (id, "agencyId", "indicatorId", year, quarter, value, "faktorPendorong", "faktorPenghambat", "tindakLanjut", status,
                              "filledById", "submittedAt", "verifiedById", "verifiedAt", "updatedAt")
   SELECT 'bre' || md5(i.id || q), i."agencyId", i.id, pa.year, q,
          round(coalesce(qt."targetValue", (qt."targetMin" + qt."targetMax") / 2) * (0.9 + (abs(hashtext(i.id || q)) % 20) / 100.0), 4),
          'Pelaksanaan kegiatan sesuai rencana aksi', 'Keterbatasan anggaran', 'Percepatan kegiatan triwulan berikutnya', 'VERIFIED',
          fm."userId", make_date(pa.year, 1, 1) + make_interval(months => q * 3, days => 8),
          vm."userId", make_date(pa.year, 1, 1) + make_interval(months => q * 3, days => 10), now()
   FROM "Indicator" i
   JOIN "StrategicGoal" g ON g.id = i."goalId"
   JOIN "PerformanceAgreement" pa ON pa.id = g."agreementId" AND pa.year < $1
   CROSS JOIN generate_series(1, 4) q
   JOIN "QuarterTarget" qt ON qt."indicatorId" = i.id AND qt.quarter = q
   JOIN LATERAL (SELECT mm."userId" FROM "Membership" mm JOIN "Role" r ON r.id = mm."roleId" WHERE mm."agencyId" = i."agencyId" AND r.code = 'SEKRETARIS' ORDER BY mm.id LIMIT 1) fm ON true
   JOIN LATERAL (SELECT mm."userId" FROM "Membership" mm JOIN "Role" r ON r.id = mm."roleId" WHERE mm."agencyId" = i."agencyId" AND r.code = 'TIM_SAKIP' ORDER BY mm.id LIMIT 1) vm ON true
   WHERE i.id LIKE 'bin%'`,
  [CURRENT_YEAR],
);

// --- Audit events with valid hash chains ---------------------------------------
const auditStart = Date.now();
const scope = (
  await client.query<{ id: string; members: { id: string; name: string; nip: string; code: string }[] }>(
    `SELECT ag.id, json_agg(json_build_object('id', u.id, 'name', u.name, 'nip', u.nip, 'code', r.code) ORDER BY m.id) AS members
     FROM "Agency" ag JOIN "Membership" m ON m."agencyId" = ag.id JOIN "User" u ON u.id = m."userId" JOIN "Role" r ON r.id = m."roleId"
     WHERE ag.id LIKE 'bag%' OR ag.id = $1 GROUP BY ag.id ORDER BY ag.id`,
    [heavy],
  )
).rows;
const heavyIndex = scope.findIndex((s) => s.id === heavy);
const others = scope.filter((s) => s.id !== heavy);
const heads = new Map<string, { seq: number; prevHash: string | null }>();
for (const row of (await client.query<{ chainKey: string; seq: number; hash: string }>(`SELECT "chainKey", seq, hash FROM "AuditChainHead"`)).rows) {
  heads.set(row.chainKey, { seq: row.seq, prevHash: row.seq === 0 ? null : row.hash });
}

const ACTIONS: [threshold: number, action: string, entityType: string][] = [
  [45, "task.complete", "CycleTask"],
  [55, "task.approve", "CycleTask"],
  [57, "task.return", "CycleTask"],
  [59, "task.resubmit", "CycleTask"],
  [69, "auth.sign_in", "User"],
  [77, "realization.save", "Realization"],
  [82, "file.upload", "StoredFile"],
  [88, "file.download", "StoredFile"],
  [90, "cycle.start", "MeasurementCycle"],
  [92, "cycle.complete", "MeasurementCycle"],
  [96, "sop.update", "Sop"],
  [100, "realization.submit", "Realization"],
];
const spanStart = Date.UTC(FIRST_YEAR, 0, 1);
const spanEnd = Date.now() - 2 * 86_400_000; // before the demo's own recent events
const BATCH = 5_000;
const COLUMNS = ["chainKey", "seq", "agencyId", "actorId", "actorSnapshot", "action", "entityType", "entityId", "data", "ip", "userAgent", "requestId", "createdAt", "prevHash", "hash"] as const;
const TYPES = ["text", "int", "text", "text", "jsonb", "text", "text", "text", "jsonb", "text", "text", "text", "timestamptz", "text", "text"];
const insertSql = `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")})
  SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let pending: Promise<unknown>[] = [];
let batch: unknown[][] = COLUMNS.map(() => []);
let hashMs = 0;
const flush = async () => {
  if (!batch[0]!.length) return;
  const values = batch.map((col, i) => (TYPES[i] === "jsonb" ? col.map((v) => (v === null ? null : JSON.stringify(v))) : col));
  batch = COLUMNS.map(() => []);
  pending.push(pool.query(insertSql, values));
  if (pending.length >= 2) {
    await Promise.all(pending);
    pending = [];
  }
};
// Event i of N happens at an even step through the span; its agency: the heavy
// one for HEAVY_SHARE of the events (every k-th), otherwise the others in turn.
const heavyEvery = HEAVY_SHARE > 0 ? Math.max(1, Math.round(1 / HEAVY_SHARE)) : Infinity;
let otherTurn = 0;
for (let i = 0; i < AUDIT_EVENTS; i++) {
  const agency = heavyIndex >= 0 && i % heavyEvery === 0 ? scope[heavyIndex]! : others[otherTurn++ % others.length]!;
  const chainKey = `agency:${agency.id}`;
  const head = heads.get(chainKey) ?? { seq: 0, prevHash: null };
  const b = (i * 7919) % 100;
  const [, action, entityType] = ACTIONS.find(([threshold]) => b < threshold)!;
  const actor = agency.members[(i * 31) % agency.members.length]!;
  // Synthetic entity ids (except the actor for sign-ins): a real cycle's timeline
  // (entityId in the cycle and its tasks) keeps only its own real events, as in
  // production, where a cycle has a few dozen events however long the log is.
  const cycleId = `bench-cycle-${agency.id}-${i >> 6}`;
  const entityId = entityType === "User" ? actor.id : entityType === "MeasurementCycle" ? cycleId : `bench-${entityType}-${i >> 2}`;
  const data =
    entityType === "CycleTask"
      ? { cycleId, stepNumber: 1 + (i % 9), round: 1, status: { before: "ACTIVE", after: "DONE" }, comment: null, outputText: "Realisasi Rencana Aksi Akuntabilitas Kinerja" }
      : { note: "bench", n: i };
  const fields: ChainedFields = {
    chainKey,
    seq: head.seq + 1,
    agencyId: agency.id,
    actorId: actor.id,
    actorSnapshot: { name: actor.name, nip: actor.nip, roles: [actor.code] },
    action,
    entityType,
    entityId,
    data,
    ip: `10.${i % 250}.${(i >> 8) % 250}.7`,
    userAgent: "Mozilla/5.0 (bench)",
    requestId: null,
    createdAt: new Date(Math.floor(spanStart + ((spanEnd - spanStart) * i) / AUDIT_EVENTS)),
    prevHash: head.prevHash,
  };
  const h = performance.now();
  const hash = hashEvent(fields);
  hashMs += performance.now() - h;
  heads.set(chainKey, { seq: fields.seq, prevHash: hash });
  const row = { ...fields, hash } as Record<string, unknown>;
  COLUMNS.forEach((c, k) => batch[k]!.push(row[c]));
  if (batch[0]!.length >= BATCH) await flush();
  if (i > 0 && i % 200_000 === 0) log(`audit events: ${i} written`);
}
await flush();
await Promise.all(pending);
await pool.end();
log(`audit events: ${AUDIT_EVENTS} rows (${secs(auditStart)}, of which hashing ${(hashMs / 1000).toFixed(1)} s)`);
await step(
  "audit chain heads",
  `INSERT INTO "AuditChainHead" ("chainKey", seq, hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
   ON CONFLICT ("chainKey") DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
  [[...heads.keys()], [...heads.values()].map((h) => h.seq), [...heads.values()].map((h) => h.prevHash ?? "")],
);

const v = Date.now();
await client.query(`VACUUM (ANALYZE)`);
log(`VACUUM ANALYZE (${secs(v)})`);

// A sample of the chains, verified by the app's own verifier.
const prisma = createPrismaClient(database.url);
try {
  const sample = [heavy, others[0]?.id, others[others.length - 1]?.id].filter((id): id is string => Boolean(id));
  for (const id of sample) {
    const t = Date.now();
    const report = await verifyChain(prisma, `agency:${id}`);
    log(`verifyChain agency:${id}: ${report.ok ? "ok" : `BROKEN (${report.reason})`}, ${report.events} events (${secs(t)})`);
    if (!report.ok) process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
}

const counts = (
  await client.query(
    `SELECT (SELECT count(*) FROM "Government") AS governments, (SELECT count(*) FROM "Agency") AS agencies, (SELECT count(*) FROM "User") AS users,
            (SELECT count(*) FROM "Membership") AS memberships, (SELECT count(*) FROM "MeasurementCycle") AS cycles,
            (SELECT count(*) FROM "CycleTask") AS tasks, (SELECT count(*) FROM "Indicator") AS indicators,
            (SELECT count(*) FROM "Realization") AS realizations, (SELECT count(*) FROM "AuditEvent") AS audit_events,
            pg_size_pretty(pg_database_size(current_database())) AS size`,
  )
).rows[0];
await client.end();
log(`done: ${JSON.stringify(counts)}`);
console.info(`DATABASE_URL=${database.url}`);

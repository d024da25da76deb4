/**
 * Benchmark of the audit log reads at scale: one agency with 1,000,000 audit
 * events (BENCH_ROWS to change), then listAuditEvents timed 20 times per case
 * (first page, a deep page by cursor, filtered by action, by actor, and a few
 * more an auditor uses), printing p50/p95 in ms. Target: under 200 ms a page.
 *
 *   createdb -h 127.0.0.1 -U postgres alur_bench_audit
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/alur_bench_audit npm run db:migrate
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/alur_bench_audit npx tsx tests/bench/audit-log.ts
 *
 * It creates its own agency (with the BMCKTR roles, members, the seed SOP and
 * one real cycle with a return, recorded in the agency's real hash chain), then
 * bulk-inserts the synthetic rows with one INSERT … SELECT generate_series in a
 * separate chain "bench:<agencyId>" (so the agency's chain still verifies) but
 * with agencyId set, so the log sees them. Audit rows are append-only: the
 * agency and its rows stay in the bench database. BENCH_EXPLAIN=1 prints the
 * plan of each case's query. BENCH_DATE_INDEX=1 first creates the
 * (agencyId, createdAt, id) index that the date filter relies on, as proposed
 * for prisma/schema.prisma (without it, date-filtered pages scan the agency).
 * BENCH_FULL_EXPORT=1 also times the whole CSV export (every row, as the
 * export route builds it).
 */
import { randomBytes } from "node:crypto";

import pg from "pg";

const url = process.env.DATABASE_URL;
if (!url?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL database (migrated with npm run db:migrate).");
  process.exit(2);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const DATE_INDEX = process.env.BENCH_DATE_INDEX === "1";

const { describeAuditRows, listAuditEvents, iterateAuditEvents } = await import("@/lib/audit/queries");
const { auditLogCsvRow, csvRow } = await import("@/lib/audit/csv");
const { hashPassword } = await import("@/lib/auth/password");
const { ZStartCycle, ZTaskAction } = await import("@/lib/cycle/schemas");
const { actOnTask, startCycle } = await import("@/lib/cycle/service");
const { db } = await import("@/lib/db/client");
const { RESERVED_ROLES, SEED_AGENCIES } = await import("@/lib/seed/agencies");
const { activateSop, createSop } = await import("@/lib/sop/service");
const { SEED_SOPS } = await import("@/lib/sop/seed-sops");
type TAuditFilters = import("@/lib/audit/queries").TAuditFilters;

const pool = new pg.Pool({ connectionString: url, max: 2 });
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const log = (line: string) => console.info(line);

// ---------------------------------------------------------------------------
// 1. The agency, its members, its SOP and one real cycle
// ---------------------------------------------------------------------------

async function setup() {
  const seed = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
  const tag = randomBytes(4).toString("hex");
  const government = await db.government.create({ data: { level: "PROVINSI", name: `Bench ${tag}` } });
  const agency = await db.agency.create({
    data: {
      slug: `bench-${tag}`,
      name: `Dinas Bench ${tag}`,
      governmentId: government.id,
      timeZone: "WIB",
      roles: { create: [...seed.roles, ...RESERVED_ROLES].map((r, i) => ({ code: r.code, name: r.name, sortOrder: i, isHead: Boolean(r.isHead) })) },
    },
    include: { roles: true },
  });
  const passwordHash = await hashPassword(randomBytes(16).toString("hex"));
  // NIP: birth 1980-01-<i+1> (or 1979 for the administrator), appointed 2005-01, sex 1, a sequence unique to this run.
  const seqNo = String(parseInt(tag, 16) % 1000).padStart(3, "0");
  const nipFor = (year: number, day: number) => `${year}01${String(day).padStart(2, "0")}2005011${seqNo}`;
  const users: { id: string; name: string; nip: string; roleCode: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const role = agency.roles.find((r) => r.code === seed.roles[i % seed.roles.length]!.code)!;
    const user = await db.user.create({ data: { nip: nipFor(1980, i + 1), name: `Pegawai Bench ${i + 1}`, passwordHash } });
    await db.membership.create({ data: { userId: user.id, agencyId: agency.id, roleId: role.id } });
    users.push({ id: user.id, name: user.name, nip: user.nip, roleCode: role.code });
  }
  const byRole = (code: string) => users.find((u) => u.roleCode === code)!;
  const actor = (code: string, now?: Date) => {
    const u = byRole(code);
    const role = agency.roles.find((r) => r.code === code)!;
    return { agencyId: agency.id, actor: { id: u.id, name: u.name, nip: u.nip, roles: [code] }, roleIds: [role.id], roleCodes: [code], meta: null, now };
  };
  // The SOP is created by an administrator (ADMIN is not among the 20, whose roles are the seed's).
  const admin = await db.user.create({ data: { nip: nipFor(1979, 1), name: "Admin Bench", passwordHash } });
  const adminRole = agency.roles.find((r) => r.code === "ADMIN")!;
  await db.membership.create({ data: { userId: admin.id, agencyId: agency.id, roleId: adminRole.id } });
  const sopCtx = { agencyId: agency.id, actor: { id: admin.id, name: admin.name, nip: admin.nip, roles: ["ADMIN"] }, meta: null };
  const sop = SEED_SOPS["bmcktr-sumbar"];
  const { id: sopId } = await createSop(sop, sopCtx);
  await activateSop(sopId, { agencyId: agency.id, actor: actor("KADIS").actor, meta: null });

  let clock = new Date("2026-04-06T01:30:00Z");
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2026, period: "TW1" }), actor("KADIS", clock));
  let returned = false;
  for (let guard = 0; guard < 30; guard++) {
    const open = await db.cycleTask.findFirst({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    if (!open) break;
    const step = sop.steps.find((s) => s.number === open.stepNumber)!;
    clock = new Date(clock.getTime() + 20 * 60_000);
    const decision = step.kind === "REVIEW" || step.kind === "APPROVAL";
    const doReturn = decision && !returned;
    if (doReturn) returned = true;
    const event = decision ? (doReturn ? "RETURN" : "APPROVE") : open.status === "RETURNED" ? "RESUBMIT" : "COMPLETE";
    await actOnTask(
      ZTaskAction.parse({
        cycleId,
        taskId: open.id,
        event,
        outputText: `${step.output} (bench)`,
        comment: doReturn ? "Data dukung belum lengkap (bench)." : undefined,
        checklist: step.kelengkapan.split("\n").map((s) => s.trim()).filter(Boolean),
        attendees: ["Sekretaris", "Tim SAKIP"],
        decisions: "Lanjut.",
      }),
      actor(step.executorRoleCode, clock),
    );
  }
  return { agency, users, cycleId, sopId };
}

// ---------------------------------------------------------------------------
// 2. One million synthetic events in one statement
// ---------------------------------------------------------------------------

async function bulkInsert(agencyId: string, users: { id: string; name: string; nip: string; roleCode: string }[]) {
  const t = process.hrtime.bigint();
  // Action mix of a busy agency: mostly task work, some sign-ins, data entry and files; cancellations are rare.
  await pool.query(
    `
    WITH u AS (
      SELECT array_agg(id ORDER BY ord) AS ids, array_agg(name ORDER BY ord) AS names,
             array_agg(nip ORDER BY ord) AS nips, array_agg(code ORDER BY ord) AS codes, count(*)::int AS n
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(id, name, nip, code, ord)
    ), g AS (
      SELECT g, (g % 100) AS b FROM generate_series(1, $2::int) AS g
    ), r AS (
      SELECT g.g,
        CASE WHEN g.g % 10000 = 0 THEN 'cycle.cancel'
             WHEN b < 45 THEN 'task.complete' WHEN b < 55 THEN 'task.approve' WHEN b < 57 THEN 'task.return'
             WHEN b < 59 THEN 'task.resubmit' WHEN b < 69 THEN 'auth.sign_in' WHEN b < 77 THEN 'realization.save'
             WHEN b < 82 THEN 'file.upload' WHEN b < 88 THEN 'file.download' WHEN b < 90 THEN 'cycle.start'
             WHEN b < 92 THEN 'cycle.complete' WHEN b < 96 THEN 'sop.update' ELSE 'realization.submit' END AS action,
        (1 + abs(hashint4(g.g)::bigint) % (SELECT n FROM u))::int AS who
      FROM g
    )
    INSERT INTO "AuditEvent" ("chainKey", "seq", "agencyId", "actorId", "actorSnapshot", "action", "entityType", "entityId",
                              "data", "ip", "userAgent", "requestId", "createdAt", "prevHash", "hash")
    SELECT 'bench:' || $1, r.g, $1, u.ids[r.who],
           jsonb_build_object('name', u.names[r.who], 'nip', u.nips[r.who], 'roles', jsonb_build_array(u.codes[r.who])),
           r.action,
           CASE WHEN r.action LIKE 'task.%' THEN 'CycleTask' WHEN r.action LIKE 'cycle.%' THEN 'MeasurementCycle'
                WHEN r.action LIKE 'auth.%' THEN 'User' WHEN r.action LIKE 'file.%' THEN 'StoredFile'
                WHEN r.action LIKE 'sop.%' THEN 'Sop' ELSE 'Realization' END,
           CASE WHEN r.action LIKE 'task.%' THEN 'bench-task-' || (r.g / 3) WHEN r.action LIKE 'cycle.%' THEN 'bench-cycle-' || (r.g / 40)
                WHEN r.action LIKE 'auth.%' THEN u.ids[r.who] ELSE 'bench-' || (r.g / 5) END,
           CASE WHEN r.action LIKE 'task.%' THEN jsonb_build_object('cycleId', 'bench-cycle-' || (r.g / 40), 'stepNumber', 1 + r.g % 9,
                  'round', 1, 'status', jsonb_build_object('before', 'ACTIVE', 'after', 'DONE'), 'comment', NULL,
                  'outputText', 'Realisasi Rencana Aksi Akuntabilitas Kinerja', 'opened', '[]'::jsonb)
                ELSE jsonb_build_object('note', 'bench', 'n', r.g) END,
           '10.' || (r.g % 250) || '.' || (r.who) || '.7', 'Mozilla/5.0 (bench)', md5(r.g::text),
           now() - make_interval(secs => ($2::int - r.g) * 63),
           CASE WHEN r.g > 1 THEN encode(sha256((r.g - 1)::text::bytea), 'hex') END,
           encode(sha256(r.g::text::bytea), 'hex')
    FROM r CROSS JOIN u
    ORDER BY r.g`,
    [agencyId, ROWS, users.map((u) => u.id), users.map((u) => u.name), users.map((u) => u.nip), users.map((u) => u.roleCode)],
  );
  log(`inserted ${ROWS.toLocaleString("en")} events in ${(ms(t) / 1000).toFixed(1)} s`);
  if (DATE_INDEX) {
    const i = process.hrtime.bigint();
    await pool.query(`CREATE INDEX IF NOT EXISTS "AuditEvent_agencyId_createdAt_id_idx" ON "AuditEvent" ("agencyId", "createdAt", "id")`);
    log(`created the proposed index AuditEvent_agencyId_createdAt_id_idx in ${(ms(i) / 1000).toFixed(1)} s`);
  }
  const a = process.hrtime.bigint();
  // What autovacuum does to an append-only table soon after: statistics and the visibility map.
  await pool.query(`VACUUM (ANALYZE) "AuditEvent"`);
  await pool.query(`ANALYZE "CycleTask"`);
  log(`VACUUM ANALYZE in ${(ms(a) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------
// 3. Timings
// ---------------------------------------------------------------------------

function percentile(sorted: number[], p: number) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function time(name: string, run: () => Promise<{ rows: unknown[] }>, explainSql?: { text: string; values: unknown[] }, target = 200) {
  await run(); // warm: plan cache, connection
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const result = await run();
    samples.push(ms(t));
    rows = result.rows.length;
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  log(`${name.padEnd(44)} rows ${String(rows).padStart(5)}   p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${p95 > target ? `   OVER ${target} ms` : ""}`);
  if (EXPLAIN && explainSql) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${explainSql.text}`, explainSql.values);
    for (const line of plan.rows) log(`    ${line["QUERY PLAN"]}`);
  }
  return { name, p50, p95, over: p95 > target };
}

const COLS = `"id","seq","createdAt","actorId","actorSnapshot","action","entityType","entityId","data","ip"`;

async function main() {
  const t0 = process.hrtime.bigint();
  const { agency, users, cycleId } = await setup();
  log(`agency ${agency.slug} (${agency.id}) with ${users.length} members and one real cycle ${cycleId}`);
  await bulkInsert(agency.id, users);
  const total = await pool.query(`SELECT count(*)::int AS n, min(id) AS lo, max(id) AS hi FROM "AuditEvent" WHERE "agencyId" = $1`, [agency.id]);
  const { n, lo } = total.rows[0] as { n: number; lo: string; hi: string };
  log(`the agency's log now holds ${n.toLocaleString("en")} events\n`);

  const id = agency.id;
  const deepCursor = BigInt(lo) + BigInt(Math.floor(ROWS / 10)); // ~900,000 newer rows above it
  const actor = users[3]!;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [monthFrom, monthTo, yearFrom, yearTo, today] = [day(365), day(335), day(700), day(365), day(0)];
  const bounds = (from: string, to: string) =>
    sql(`AND "createdAt" >= $2 AND "createdAt" < $3`, [new Date(`${from}T00:00:00+07:00`), new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000)]);
  const boundsSql = (from: string, to: string) => {
    const q = bounds(from, to);
    return { text: q.text.replace(`SELECT ${COLS}`, `SELECT min("id" + 0), max("id" + 0)`).replace(` ORDER BY "id" DESC LIMIT 51`, ""), values: q.values };
  };
  const taskIds = (await db.cycleTask.findMany({ where: { cycleId }, select: { id: true } })).map((t) => t.id);
  const sql = (where: string, values: unknown[]) => ({ text: `SELECT ${COLS} FROM "AuditEvent" WHERE "agencyId" = $1 ${where} ORDER BY "id" DESC LIMIT 51`, values: [id, ...values] });
  const list = (filters: TAuditFilters, before?: bigint) => () => listAuditEvents(id, { timeZone: "WIB", ...filters }, { before });

  log(`listAuditEvents, ${RUNS} runs each (50 rows a page; times include Prisma and the network round trip):`);
  const results = [
    await time("first page", list({}), sql("", [])),
    await time("deep page (cursor ~900k rows down)", list({}, deepCursor), sql(`AND "id" < $2`, [deepCursor])),
    await time("action = task.return (2%)", list({ action: "task.return" }), sql(`AND "action" = $2`, ["task.return"])),
    await time("actor = one of 20 members (5%)", list({ actorId: actor.id }), sql(`AND "actorId" = $2`, [actor.id])),
    await time("action, deep page", list({ action: "task.return" }, deepCursor), sql(`AND "action" = $2 AND "id" < $3`, ["task.return", deepCursor])),
    await time("actor, deep page", list({ actorId: actor.id }, deepCursor), sql(`AND "actorId" = $2 AND "id" < $3`, [actor.id, deepCursor])),
    await time("rare action = cycle.cancel (0.01%)", list({ action: "cycle.cancel" }), sql(`AND "action" = $2`, ["cycle.cancel"])),
    await time("actor + action", list({ actorId: actor.id, action: "task.return" }), sql(`AND "actorId" = $2 AND "action" = $3`, [actor.id, "task.return"])),
    await time("cycle (oldest rows: the real cycle)", list({ cycleId }), sql(`AND "entityId" = ANY($2)`, [[cycleId, ...taskIds]])),
    await time("date: today", list({ from: today, to: today }), boundsSql(today, today)),
    await time(`date: a month a year ago`, list({ from: monthFrom, to: monthTo }), boundsSql(monthFrom, monthTo)),
    await time(`date: a year wide, a year ago`, list({ from: yearFrom, to: yearTo }), boundsSql(yearFrom, yearTo)),
    await time(`date (month a year ago) + action task.return`, list({ from: monthFrom, to: monthTo, action: "task.return" })),
    await time(`date (month a year ago), deep page`, list({ from: monthFrom, to: monthTo }, BigInt(lo) + BigInt(ROWS - Math.round((350 * 86_400) / 63)))),
    await time("CSV export: first batch of 5,000", async () => {
      const it = iterateAuditEvents(id, { timeZone: "WIB" }, 5_000);
      const first = await it.next();
      await it.return(undefined);
      return { rows: first.value ?? [] };
    }, undefined, Infinity), // a batch of a download, not a page: no page target
  ];
  if (process.env.BENCH_FULL_EXPORT === "1") {
    const t = process.hrtime.bigint();
    let bytes = 0;
    let count = 0;
    for await (const batch of iterateAuditEvents(id, { timeZone: "WIB" }, 5_000)) {
      const views = await describeAuditRows(id, batch);
      bytes += Buffer.byteLength(views.map((v) => csvRow(auditLogCsvRow(v, "WIB"))).join(""));
      count += batch.length;
    }
    log(`full CSV export: ${count.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(0)} MB in ${(ms(t) / 1000).toFixed(1)} s`);
  }
  const over = results.filter((r) => r.over);
  log(`\n${over.length ? `${over.length} case(s) over 200 ms at p95: ${over.map((r) => r.name).join(", ")}` : "every case under 200 ms at p95"}`);
  log(`total ${(ms(t0) / 1000).toFixed(1)} s`);
}

try {
  await main();
} finally {
  await pool.end();
  await db.$disconnect();
}

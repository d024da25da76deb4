/**
 * The cycle page and one write, measured alone (issue #16, directions 1 and 3;
 * docs/decisions/027-lazy-cycle-page.md): `tsx --conditions=react-server
 * tests/bench/cycle-page.ts [--database-url …] [--port …] [--requests 20]`, on a
 * database seeded by `npm run bench:seed` (the demo agency is in it).
 *
 * The cycle page of the demo agency: a running cycle as its open step's holder (the task panel) and as the head, of
 * a completed cycle, and of both with every fold opened (`?buka=alur,riwayat,rekap`): HTML bytes,
 * median and p90 time, server CPU per request (utime+stime of the server's
 * processes over the sequential requests). Then one write posted to the cycle
 * page as the browser does (marking notifications read): its response bytes and
 * time, and the refresh of the page the user then sees (RSC request).
 */
import { readFile, readdir } from "node:fs/promises";
import { parseArgs } from "node:util";

import pg from "pg";

import { builtActions, ensureBuild, parseActionResult, signIn, startServer } from "@/tests/support/server";

const { values: flags } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/alur_bench" },
    port: { type: "string", default: "4230" },
    requests: { type: "string", default: "20" },
  },
});
const REQUESTS = Number(flags.requests);
const HEAD_LOGIN = "kadis@sumbar.demo";
const SLUG = "bmcktr-sumbar";

async function tree(pid: number): Promise<number[]> {
  const out = [pid];
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    for (const child of children.split(/\s+/).filter(Boolean)) out.push(...(await tree(Number(child))));
  }
  return out;
}
/** CPU time (ms) of the process tree: utime + stime, in clock ticks of 10 ms. */
async function cpuMs(pid: number): Promise<number> {
  let ticks = 0;
  for (const p of await tree(pid)) {
    const stat = await readFile(`/proc/${p}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * 10;
}
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main() {
  await ensureBuild();
  const databaseUrl = flags["database-url"]!;
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const agency = (await c.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = $1`, [SLUG])).rows[0];
  if (!agency) throw new Error(`no agency ${SLUG} in ${databaseUrl}`);
  // A running cycle (most tasks) and a member holding its open step's role (the task panel); a completed one, most tasks.
  const pick = async (sql: string) => (await c.query<{ id: string; tasks: number; email?: string }>(sql, [agency.id])).rows[0];
  const acting = await pick(
    `SELECT c.id, (SELECT count(*)::int FROM "CycleTask" x WHERE x."cycleId" = c.id) AS tasks,
            (SELECT u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."roleId" = t."assignedRoleId" ORDER BY m.id LIMIT 1) AS email
     FROM "MeasurementCycle" c JOIN "CycleTask" t ON t."cycleId" = c.id AND t.status IN ('ACTIVE', 'RETURNED')
     WHERE c."agencyId" = $1 AND c.status = 'ACTIVE' ORDER BY tasks DESC LIMIT 1`,
  );
  const done = await pick(
    `SELECT c.id, (SELECT count(*)::int FROM "CycleTask" x WHERE x."cycleId" = c.id) AS tasks FROM "MeasurementCycle" c
     WHERE c."agencyId" = $1 AND c.status = 'COMPLETED' ORDER BY tasks DESC LIMIT 1`,
  );
  await c.end();

  const server = await startServer({ databaseUrl, port: Number(flags.port) });
  try {
    const cookie = await signIn(server.baseUrl, HEAD_LOGIN);
    if (!cookie) throw new Error("sign-in refused");
    const pid = server.child.pid!;
    const measure = async (label: string, path: string, headers: Record<string, string> = {}, as = cookie) => {
      for (let i = 0; i < 3; i++) await fetch(`${server.baseUrl}${path}`, { headers: { cookie: as, ...headers } }).then((r) => r.text());
      const times: number[] = [];
      let bytes = 0;
      const cpu0 = await cpuMs(pid);
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const r = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: as, ...headers } });
        const body = await r.text();
        times.push(performance.now() - t);
        bytes = Buffer.byteLength(body);
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      }
      const cpu = ((await cpuMs(pid)) - cpu0) / REQUESTS;
      const row = { label, path, bytes, medianMs: Math.round(pct(times, 0.5)), p90Ms: Math.round(pct(times, 0.9)), cpuMsPerRequest: Math.round(cpu * 10) / 10 };
      console.info(JSON.stringify(row));
      return row;
    };
    const pagePath = (id: string) => `/a/${SLUG}/cycles/${id}`;
    if (acting?.email) {
      const holder = await signIn(server.baseUrl, acting.email);
      if (!holder) throw new Error(`sign-in refused for ${acting.email}`);
      console.info(`[cycle-page] running cycle ${acting.id} (${acting.tasks} tasks), open step held by ${acting.email}`);
      await measure("task panel (step holder)", pagePath(acting.id), {}, holder);
      await measure("task panel, every fold opened", `${pagePath(acting.id)}?buka=alur,riwayat,rekap`, {}, holder);
      await measure("running cycle, head (no panel)", pagePath(acting.id));
    }
    if (done) {
      console.info(`[cycle-page] completed: cycle ${done.id} (${done.tasks} tasks)`);
      await measure("completed, head (no panel)", pagePath(done.id));
      await measure("completed, every fold opened", `${pagePath(done.id)}?buka=alur,riwayat,rekap&riwayat=semua`);
    }
    // One write posted to the cycle page, as the browser does, then the refresh the client asks for.
    const target = pagePath((acting ?? done)!.id);
    const actionId = (await builtActions()).get("lib/cycle/actions.ts#markNotificationsReadAction");
    if (!actionId) throw new Error("markNotificationsReadAction not in the build");
    // x-action-revalidated: the client router then refetches the whole page (a second render) on top of the form's own refresh.
    const writes: { ms: number; bytes: number; revalidated: string | null }[] = [];
    const cpu0 = await cpuMs(pid);
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      // As React posts it from the page: with the router's state tree (a minimal one: the server then renders from the root).
      const response = await fetch(`${server.baseUrl}${target}`, {
        method: "POST",
        headers: {
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": actionId,
          "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])),
          origin: server.baseUrl,
          cookie,
        },
        body: JSON.stringify([SLUG, {}]),
      });
      const body = await response.text();
      if (!(parseActionResult(body) as { ok?: boolean } | undefined)?.ok) throw new Error(`action: ${response.status} ${body.slice(0, 200)}`);
      writes.push({ ms: performance.now() - t, bytes: Buffer.byteLength(body), revalidated: response.headers.get("x-action-revalidated") });
    }
    const cpu = ((await cpuMs(pid)) - cpu0) / REQUESTS;
    console.info(
      JSON.stringify({
        label: "write (mark notifications read) posted to the cycle page",
        bytes: writes.at(-1)!.bytes,
        revalidatedHeader: writes.at(-1)!.revalidated,
        medianMs: Math.round(pct(writes.map((w) => w.ms), 0.5)),
        p90Ms: Math.round(pct(writes.map((w) => w.ms), 0.9)),
        cpuMsPerRequest: Math.round(cpu * 10) / 10,
      }),
    );
    // The view the user then sees: router.refresh() is an RSC request of the page.
    await measure("refresh after the write (RSC)", target, { rsc: "1" });
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

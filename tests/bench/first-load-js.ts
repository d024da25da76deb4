/**
 * First-load JS per main page, gzip (issue 16: ≤ 160 kB on every main page).
 *
 *   npx next build && npm run bench:js                       # from the build manifests, no server
 *   npm run bench:js -- --database-url <bench db>            # also from the served pages, signed in
 *   npm run bench:js -- --chunks                             # and the biggest chunks of each route
 *
 * Two measures, both exact bytes (gzip at zlib's default level, the way `next start` compresses):
 * - **manifests**: the root main files of .next/build-manifest.json (React, the router) plus every
 *   chunk in the route's `page_client-reference-manifest.js` entryJSFiles (the client components of
 *   its layouts, boundaries and page), deduplicated. This is an upper bound: it counts every client
 *   component the route *may* render. A `next/dynamic` import is a separate chunk, outside it.
 * - **served** (with `--database-url`, a `npm run bench:seed` dataset): one `next start` on that
 *   database, signed in as the demo users; every /_next/static/chunks/*.js the page's HTML names
 *   (its script tags and the inline RSC payload's client references: what the browser fetches
 *   before the page is interactive), deduplicated. Polyfills (nomodule) are excluded from both.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import pg from "pg";

import { ROOT, signIn, startServer } from "@/tests/support/server";

/** Issue 16's budget, kB gzip. */
export const FIRST_LOAD_JS_BUDGET_KB = 160;

const HEAVY_SLUG = "bmcktr-sumbar";
const HEAD_LOGIN = "kadis@sumbar.demo";
const BIDANG_LOGIN = "bidang@sumbar.demo";

/** The main pages (issue 16) and their App Router routes. */
export const MAIN_PAGE_ROUTES: { name: string; route: string }[] = [
  { name: "dashboard / task desk", route: "/a/[agencySlug]/page" },
  { name: "cycle page", route: "/a/[agencySlug]/cycles/[cycleId]/page" },
  { name: "cycle timeline", route: "/a/[agencySlug]/cycles/[cycleId]/timeline/page" },
  { name: "audit log", route: "/a/[agencySlug]/audit/page" },
  { name: "realization form", route: "/a/[agencySlug]/kinerja/realisasi/page" },
  { name: "realization recap", route: "/a/[agencySlug]/kinerja/rekap/page" },
  { name: "SOP document", route: "/a/[agencySlug]/sops/[sopId]/page" },
];

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gzipCache = new Map<string, number>();
async function gzipBytes(file: string): Promise<number> {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(await readFile(path.join(ROOT, ".next", file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

export interface JsSize {
  files: number;
  rawKb: number;
  gzipKb: number;
  /** The route's chunks by gzip size, largest first (kB). */
  chunks: { file: string; gzipKb: number }[];
}

/** The files every App Router page loads first (React, Next's router), polyfills excluded. */
async function rootMainFiles(): Promise<string[]> {
  const build = JSON.parse(await readFile(path.join(ROOT, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return build.rootMainFiles;
}

async function sizeOf(files: Set<string>): Promise<JsSize> {
  let raw = 0;
  let gz = 0;
  const chunks: { file: string; gzipKb: number }[] = [];
  for (const f of files) {
    raw += (await readFile(path.join(ROOT, ".next", f))).length;
    const g = await gzipBytes(f);
    gz += g;
    chunks.push({ file: f, gzipKb: kb(g) });
  }
  chunks.sort((a, b) => b.gzipKb - a.gzipKb);
  return { files: files.size, rawKb: kb(raw), gzipKb: kb(gz), chunks };
}

/** Per route (e.g. "/a/[agencySlug]/page"): the root main files plus the route's client entry chunks. */
export async function firstLoadJs(routes: string[]): Promise<Record<string, JsSize>> {
  const main = await rootMainFiles();
  const out: Record<string, JsSize> = {};
  for (const route of routes) {
    const file = path.join(ROOT, ".next", "server", "app", `${route.replace(/^\//, "")}_client-reference-manifest.js`);
    const source = await readFile(file, "utf8");
    const sandbox = { globalThis: {} as Record<string, unknown> };
    new Function("globalThis", source)(sandbox.globalThis);
    const manifest = Object.values((sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles: Record<string, string[]> }>)[0]!;
    out[route] = await sizeOf(new Set([...main, ...Object.values(manifest.entryJSFiles).flat()]));
  }
  return out;
}

/**
 * From the served page: every /_next/static/chunks/*.js the signed-in page's HTML names (script
 * tags and the inline RSC payload's client references), deduplicated; the polyfill script excluded.
 */
export async function servedJs(baseUrl: string, urlPath: string, cookie: string): Promise<JsSize & { status: number }> {
  const response = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie } });
  const html = await response.text();
  const polyfills = new Set((/<script src="([^"]+)" noModule/i.exec(html)?.slice(1) ?? []).map((s) => s.replace(/^\/_next\//, "")));
  const files = new Set([...html.matchAll(/\/_next\/(static\/chunks\/[\w\-.~]+\.js)/g)].map((m) => m[1]!).filter((f) => !polyfills.has(f)));
  return { status: response.status, ...(await sizeOf(files)) };
}

/** The main pages of the bench dataset's heavy agency (the demo agency), with the login that sees each. */
export async function mainPagePaths(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const one = async (sql: string, params: unknown[]) => (await c.query(sql, params)).rows[0] as Record<string, string> | undefined;
    const agency = (await one(`SELECT id FROM "Agency" WHERE slug = $1`, [HEAVY_SLUG]))!;
    const cycle = await one(`SELECT id FROM "MeasurementCycle" WHERE "agencyId" = $1 ORDER BY year DESC, period ASC LIMIT 1`, [agency.id]);
    // A cycle with a step waiting for a role (the head's first): the task panel, the page a step
    // holder opens; signed in as that role's demo login (lib/seed/demo.ts: <role code>@sumbar.demo).
    const open = await one(
      `SELECT t."cycleId", r.code FROM "CycleTask" t JOIN "Role" r ON r.id = t."assignedRoleId"
        WHERE t."agencyId" = $1 AND t.status IN ('ACTIVE', 'RETURNED') ORDER BY r."isHead" DESC LIMIT 1`,
      [agency.id],
    );
    const sop = await one(`SELECT id FROM "Sop" WHERE "agencyId" = $1 AND status = 'ACTIVE' LIMIT 1`, [agency.id]);
    const base = `/a/${HEAVY_SLUG}`;
    const pages = [
      { name: "dashboard / task desk", path: base, login: HEAD_LOGIN },
      { name: "audit log", path: `${base}/audit`, login: HEAD_LOGIN },
      { name: "realization form (Bidang)", path: `${base}/kinerja/realisasi?tahun=2026&tw=1`, login: BIDANG_LOGIN },
      { name: "realization recap", path: `${base}/kinerja/rekap?tahun=2026&tw=1`, login: HEAD_LOGIN },
    ];
    if (cycle) {
      pages.splice(1, 0, { name: "cycle page", path: `${base}/cycles/${cycle.id}`, login: HEAD_LOGIN });
      pages.splice(2, 0, { name: "cycle timeline", path: `${base}/cycles/${cycle.id}/timeline`, login: HEAD_LOGIN });
    }
    if (open) {
      const login = `${open.code!.toLowerCase().replace(/_/g, ".")}@sumbar.demo`;
      pages.push({ name: `cycle page, step holder (task panel, ${login})`, path: `${base}/cycles/${open.cycleId}`, login });
    }
    if (sop) pages.push({ name: "SOP document", path: `${base}/sops/${sop.id}`, login: HEAD_LOGIN });
    return pages;
  } finally {
    await c.end();
  }
}

function table(rows: { name: string; size: JsSize }[], title: string): string {
  const lines = [`${title}`, `| Page | files | raw kB | gzip kB | ≤ ${FIRST_LOAD_JS_BUDGET_KB} kB |`, "|---|---|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.name} | ${r.size.files} | ${r.size.rawKb} | **${r.size.gzipKb}** | ${r.size.gzipKb <= FIRST_LOAD_JS_BUDGET_KB ? "pass" : "MISS"} |`);
  return lines.join("\n");
}

async function main() {
  const { values: flags } = parseArgs({
    options: {
      "database-url": { type: "string" },
      port: { type: "string", default: "4260" },
      chunks: { type: "boolean", default: false },
    },
  });
  const built = await firstLoadJs(MAIN_PAGE_ROUTES.map((r) => r.route));
  const main = new Set(await rootMainFiles());
  console.info(`Shared by every page (root main files): ${kb((await Promise.all([...main].map(gzipBytes))).reduce((a, b) => a + b, 0))} kB gzip\n`);
  console.info(table(MAIN_PAGE_ROUTES.map((r) => ({ name: `${r.name} (${r.route})`, size: built[r.route]! })), "From the build manifests (every client component the route may render):"));
  if (flags.chunks) {
    for (const r of MAIN_PAGE_ROUTES) {
      console.info(`\n${r.route}: ${built[r.route]!.chunks.filter((c) => !main.has(c.file)).map((c) => `${c.file.replace("static/chunks/", "")} ${c.gzipKb}`).join(", ")}`);
    }
  }
  const databaseUrl = flags["database-url"];
  if (!databaseUrl) return;
  const pages = await mainPagePaths(databaseUrl);
  const server = await startServer({ databaseUrl, port: Number(flags.port) });
  try {
    const cookies = new Map<string, string>();
    const rows: { name: string; size: JsSize }[] = [];
    for (const page of pages) {
      if (!cookies.has(page.login)) cookies.set(page.login, (await signIn(server.baseUrl, page.login)) ?? "");
      if (!cookies.get(page.login)) {
        console.info(`sign-in refused for ${page.login}: ${page.name} skipped`);
        continue;
      }
      const size = await servedJs(server.baseUrl, page.path, cookies.get(page.login)!);
      if (size.status !== 200) console.info(`${page.path} as ${page.login}: HTTP ${size.status}`);
      rows.push({ name: `${page.name} (${page.path.replace(/[a-z0-9]{20,}/g, "…")})`, size });
    }
    console.info(`\n${table(rows, "From the served pages, signed in (what the browser fetches before the page is interactive):")}`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

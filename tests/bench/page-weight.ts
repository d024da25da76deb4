/**
 * What a page weighs, independent of the machine's load: its HTML bytes, how many of them are
 * the RSC payload inlined for hydration (`self.__next_f.push`), the HTML elements, and the
 * payload's host elements (`["$","tag",…]` rows of the Flight format).
 * `npx tsx --conditions=react-server tests/bench/page-weight.ts --database-url … [--port 4230] [--login kadis@sumbar.demo] <path> [<path> …]`
 * (production build, like the bench; docs/decisions/064-audit-log-render-cost.md). A path may use
 * `{deep}`: a keyset cursor 90 % of the way down the heavy agency's log. `--save <dir>` also writes each
 * page's HTML there (1.html, 2.html, … in the order given), to look at what it carries.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { signIn, startServer } from "@/tests/support/server";

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/alur_bench" },
    port: { type: "string", default: "4230" },
    login: { type: "string", default: "kadis@sumbar.demo" },
    save: { type: "string" },
  },
});

/** The payload's text: every string pushed with self.__next_f.push([1, "…"]). */
function rscPayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)) {
    const row = JSON.parse(m[1]!) as [number, string?];
    if (row[0] === 1 && typeof row[1] === "string") out += row[1];
  }
  return out;
}

export function weigh(html: string) {
  const payload = rscPayload(html);
  const markup = html.replace(/<script[\s\S]*?<\/script>/g, "");
  return {
    htmlBytes: Buffer.byteLength(html),
    rscPayloadBytes: Buffer.byteLength(payload),
    markupBytes: Buffer.byteLength(markup),
    htmlElements: (markup.match(/<[a-zA-Z][a-zA-Z0-9-]*/g) ?? []).length,
    rscElements: (payload.match(/\["\$","[a-zA-Z$@][^"]*"/g) ?? []).length,
  };
}

async function main() {
  const databaseUrl = flags["database-url"]!;
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const agency = (await c.query(`SELECT id FROM "Agency" WHERE slug = 'bmcktr-sumbar'`)).rows[0] as { id: string } | undefined;
  const n = agency ? ((await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "agencyId" = $1`, [agency.id])).rows[0] as { n: number }).n : 0;
  const deep = agency
    ? ((await c.query(`SELECT id::text FROM "AuditEvent" WHERE "agencyId" = $1 ORDER BY id ASC OFFSET $2 LIMIT 1`, [agency.id, Math.floor(n / 10)])).rows[0] as { id: string } | undefined)
    : undefined;
  await c.end();
  process.env.ALUR_BENCH = "1";
  const server = await startServer({ databaseUrl, port: Number(flags.port) });
  try {
    const cookie = await signIn(server.baseUrl, flags.login!);
    if (!cookie) throw new Error(`sign-in failed for ${flags.login}`);
    if (flags.save) mkdirSync(flags.save, { recursive: true });
    let n = 0;
    for (const raw of positionals.length ? positionals : ["/bench/kosong", "/a/bmcktr-sumbar/audit", "/a/bmcktr-sumbar/audit?before={deep}"]) {
      const p = raw.replace("{deep}", deep?.id ?? "0");
      // As a browser asks for a page (decision 075).
      const res = await fetch(`${server.baseUrl}${p}`, { headers: { cookie, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
      const html = await res.text();
      if (flags.save) writeFileSync(path.join(flags.save, `${++n}.html`), html);
      console.info(JSON.stringify({ path: raw, status: res.status, ...weigh(html) }));
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith("page-weight.ts")) void main().catch((err) => {
  console.error(err);
  process.exit(1);
});

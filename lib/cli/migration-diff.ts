/**
 * `npm run db:diff -- <name> [--from <git-ref>]`: writes the SQL that brings
 * the schema.prisma of <git-ref> (default HEAD, i.e. what the existing
 * migrations build) to the working copy's schema.prisma into a new
 * prisma/migrations/<timestamp>_<name>/migration.sql. Offline: Prisma 6's
 * WebAssembly engine diffs the two datamodels. Review the file, append any
 * hand-written SQL (triggers), then run the drift test.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { diffDatamodels } from "@/lib/db/prisma-wasm-cli";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string", default: "HEAD" } },
});
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:diff -- <snake_case_name> [--from <git-ref>]");
  process.exit(2);
}

const previous = execFileSync("git", ["show", `${values.from}:prisma/schema.prisma`], { encoding: "utf8" });
const current = await readFile("prisma/schema.prisma", "utf8");
// The engine connects once at start; an in-memory embedded database will do.
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dataDir: "memory://" });
try {
  const sql = await diffDatamodels(previous, current, process.env.DATABASE_URL ?? embedded!.url);
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/m.test(sql)) {
    console.info("schema.prisma has no changes against", values.from);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.info(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await embedded?.stop();
}

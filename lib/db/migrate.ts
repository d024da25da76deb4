import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { Logger, runMigrations as runJobQueueMigrations } from "graphile-worker";
import pg from "pg";

/**
 * Applies prisma/migrations/<name>/migration.sql files in order, offline, and
 * records them in `_prisma_migrations` exactly as Prisma Migrate does
 * (checksum = sha256 of the file), so `prisma migrate deploy` agrees with us
 * wherever the native engine exists. See docs/decisions/001-migrations.md.
 */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Any constant: serialises migrations across app instances.
const MIGRATION_LOCK_KEY = 727_001_2024;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {}

export async function applyMigrations(
  url: string,
  { log = () => {}, dir = MIGRATIONS_DIR }: { log?: (msg: string) => void; dir?: string } = {},
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const prior = done.get(m.name);
      if (prior?.finished_at) {
        if (prior.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      if (prior) {
        throw new MigrationError(
          `Migration ${m.name} started earlier but did not finish. Inspect the database, then mark it rolled back.`,
        );
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
      log(`migration applied: ${m.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  await installJobQueue(url);
  return applied;
}

/** Quiet except for errors: graphile-worker logs every migration step at info level. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[alur:jobs] ${message}`);
});

/**
 * The job queue's own schema (graphile_worker, docs/decisions/015-job-queue.md),
 * kept by graphile-worker's migrations (idempotent, safe with several starting
 * instances). Outside "public", so the drift test does not see it.
 */
export async function installJobQueue(url: string) {
  await runJobQueueMigrations({ connectionString: url, logger: quietLogger });
}

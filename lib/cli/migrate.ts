/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase();
try {
  const applied = await applyMigrations(process.env.DATABASE_URL ?? embedded!.url, { log: console.info });
  console.info(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
} finally {
  await embedded?.stop();
}

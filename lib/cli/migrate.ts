/** `npm run db:migrate`: applies pending migrations to DATABASE_DIRECT_URL or DATABASE_URL (or the embedded database). */
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const target = process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL;
const embedded = target ? undefined : await startEmbeddedDatabase();
try {
  const applied = await applyMigrations(target ?? embedded!.url, { log: console.info });
  console.info(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
} finally {
  await embedded?.stop();
}

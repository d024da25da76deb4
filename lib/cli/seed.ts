/** `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded database). */
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { formatDemoLogins, seedDemo } from "@/lib/seed/demo";

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? embedded!.url;
process.env.DATABASE_URL = url; // the services the seed reuses read it
const prisma = createPrismaClient(url);
try {
  await applyMigrations(url);
  console.info(formatDemoLogins(await seedDemo(prisma)));
} finally {
  await prisma.$disconnect();
  await embedded?.stop();
}

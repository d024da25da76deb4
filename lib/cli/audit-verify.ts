/**
 * `npm run audit:verify`: checks every audit hash chain (one per agency, one
 * for platform events) in DATABASE_URL or the embedded database, prints one
 * line per chain and exits 1 when any chain is broken, naming its first broken event.
 * It checks the chained prefix and says how many events still await the sequencer
 * (the worker chains them within seconds); `--sequence` chains them first.
 */
import { verifyAllChains } from "@/lib/audit/chain";
import { sequenceAll } from "@/lib/audit/sequencer";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase();
const prisma = createPrismaClient(process.env.DATABASE_URL ?? embedded!.url);
let broken = 0;
try {
  if (process.argv.includes("--sequence")) {
    const chained = await sequenceAll(prisma);
    if (chained) console.info(`${chained} peristiwa dirangkai sebelum pemeriksaan`);
  }
  const agencies = new Map((await prisma.agency.findMany({ select: { id: true, slug: true } })).map((a) => [`agency:${a.id}`, a.slug]));
  for (const report of await verifyAllChains(prisma)) {
    const name = agencies.get(report.chainKey) ?? report.chainKey;
    const pending = report.pending ? `; ${report.pending} catatan menunggu dirangkai` : "";
    if (report.ok) {
      console.info(`UTUH    ${name}: ${report.events} peristiwa${report.legacy ? ` (${report.legacy} lama tanpa segel)` : ""}${pending}`);
    } else {
      broken++;
      const where = report.brokenAt ? ` pada peristiwa id ${report.brokenAt.id} (#${report.brokenAt.seq})` : "";
      console.error(`RUSAK   ${name}: ${report.reason}${where}${pending}`);
    }
  }
} finally {
  await prisma.$disconnect();
  await embedded?.stop();
}
process.exit(broken ? 1 : 0);

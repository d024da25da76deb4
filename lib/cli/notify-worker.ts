/**
 * `npm run notify:worker`: mails notifications (lib/notify/email.ts) every
 * 30 seconds, and once at start, until SIGINT/SIGTERM. A process of its own,
 * never inside the web server; run one or several beside the app instances:
 * claims in PostgreSQL keep each notification to one e-mail.
 *
 * It never opens the embedded database's data folder (only one process may
 * own it): it needs DATABASE_URL, which `npm start` gives the processes it
 * starts, including this worker when SMTP_URL is set.
 */
import { getDb } from "@/lib/db/client";
import { describeSmtp, EmailConfigError, readEmailConfig } from "@/lib/notify/config";
import { deliverPendingEmails } from "@/lib/notify/email";

const INTERVAL_MS = 30_000;
const BATCH = 50;

function log(message: string) {
  console.info(`[alur:notify] ${message}`);
}

let config: ReturnType<typeof readEmailConfig>;
try {
  config = readEmailConfig();
} catch (error) {
  console.error(`[alur:notify] ${error instanceof EmailConfigError ? error.message : String(error)}`);
  process.exit(1);
}
if (!config) {
  log("E-mail nonaktif: SMTP_URL belum diatur, jadi worker tidak dijalankan. Notifikasi tetap tampil di aplikasi. (SMTP_URL is not set: nothing to do.)");
  process.exit(0);
}
if (!process.env.DATABASE_URL) {
  console.error(
    "[alur:notify] DATABASE_URL belum diatur. Worker tidak membuka basis data tertanam sendiri (folder datanya hanya boleh dibuka satu proses): " +
      "jalankan lewat `npm start` dengan SMTP_URL (peluncur memulai worker ini dan memberinya alamat basis data), " +
      "atau atur DATABASE_URL=postgresql://… ke basis data aplikasi. " +
      "(DATABASE_URL is not set; the worker never opens the embedded data folder itself.)",
  );
  process.exit(1);
}
process.env.DATABASE_POOL_MAX ??= "2";

let stopping = false;
let stoppingSince = 0;
let wake: (() => void) | undefined;
// The first signal finishes the current batch (an e-mail sent but not yet
// recorded would go out again after the claim expires). Copies of the same
// Ctrl-C (npm and the launcher forward it too) and SIGTERM are ignored; a
// Ctrl-C pressed again later stops at once.
function stop(signal: NodeJS.Signals) {
  if (stopping) {
    if (signal !== "SIGINT" || Date.now() - stoppingSince < 1_000) return;
    log("SIGINT lagi: berhenti sekarang.");
    process.exit(130);
  }
  stopping = true;
  stoppingSince = Date.now();
  log(`${signal}: berhenti setelah putaran ini.`);
  wake?.();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

function sleep(ms: number) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

log(`mengirim e-mail lewat ${describeSmtp(config)} setiap ${INTERVAL_MS / 1000} detik.`);
while (!stopping) {
  try {
    // Drain a backlog in full batches before waiting again.
    for (;;) {
      const { sent, failed } = await deliverPendingEmails({ limit: BATCH });
      if (sent || failed) log(`terkirim ${sent}, gagal ${failed}`);
      if (stopping || sent + failed < BATCH || failed > 0) break;
    }
  } catch (error) {
    // The database or the network may be down for a while: log and try again next round.
    console.error("[alur:notify] putaran gagal:", error instanceof Error ? error.message : error);
  }
  if (!stopping) await sleep(INTERVAL_MS);
}
await getDb().$disconnect();
log("berhenti.");
process.exit(0);

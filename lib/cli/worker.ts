/**
 * The background worker (graphile-worker, docs/decisions/015-job-queue.md):
 * task reminders at 50% and 75% of the standard, the late flag, escalations,
 * notification e-mail, and the audit sequencer's round (decision 038: every
 * ALUR_AUDIT_SEQUENCE_MS, default 1 s, it chains the audit events waiting in any
 * chain). `npm start` runs it beside the server; run one or
 * several beside any number of app instances: each job runs once.
 *
 * It never opens the embedded database's data folder (only one process may
 * own it): it needs DATABASE_URL, which `npm start` gives the processes it
 * starts. `npm run worker` runs it alone.
 */
import { Logger, run } from "graphile-worker";

import { sequenceAll } from "@/lib/audit/sequencer";
import { getDb } from "@/lib/db/client";
import { installJobQueue } from "@/lib/db/migrate";
import { taskList } from "@/lib/jobs/tasks";
import { describeSmtp, EmailConfigError, readEmailConfig } from "@/lib/notify/config";

function log(message: string) {
  console.info(`[alur:worker] ${message}`);
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "[alur:worker] DATABASE_URL belum diatur. Worker tidak membuka basis data tertanam sendiri (folder datanya hanya boleh dibuka satu proses): " +
      "jalankan lewat `npm start` (peluncur memulai worker ini dan memberinya alamat basis data), atau atur DATABASE_URL=postgresql://… ke basis data aplikasi. " +
      "(DATABASE_URL is not set; the worker never opens the embedded data folder itself.)",
  );
  process.exit(1);
}
let email: ReturnType<typeof readEmailConfig>;
try {
  email = readEmailConfig();
} catch (error) {
  console.error(`[alur:worker] ${error instanceof EmailConfigError ? error.message : String(error)}`);
  process.exit(1);
}
process.env.DATABASE_POOL_MAX ??= "2";

const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[alur:worker] ${message}`);
  else if (level === "warning" || (level === "info" && process.env.ALUR_WORKER_VERBOSE)) console.info(`[alur:worker] ${message}`);
});

// The queue's own connections (LISTEN, named prepared statements) go straight to PostgreSQL when
// DATABASE_URL is a PgBouncer in transaction mode (037); the services' Prisma client keeps DATABASE_URL.
const queueUrl = process.env.DATABASE_DIRECT_URL || url;
// Safe to call on every start (the launcher already did; a worker run alone may be first).
await installJobQueue(queueUrl);
const runner = await run({
  connectionString: queueUrl,
  concurrency: Number(process.env.ALUR_WORKER_CONCURRENCY ?? 2),
  pollInterval: Number(process.env.ALUR_WORKER_POLL_MS ?? 2_000),
  // Node's clock, not PostgreSQL's: the same clock the app uses for due times (and the test clock, tests/support/test-clock.mjs).
  useNodeTime: true,
  noHandleSignals: true,
  // The embedded database (PGlite behind pglite-socket) serves every connection from one session:
  // named prepared statements of two pool connections would collide ("already exists").
  noPreparedStatements: process.env.ALUR_DB_EMBEDDED === "1",
  logger,
  taskList,
  // A safety net for e-mail: a notification whose delivery job failed is picked up within a minute.
  crontab: email ? "* * * * * deliver_emails ?max=1" : "",
});
log(email ? `berjalan; e-mail lewat ${describeSmtp(email)}.` : "berjalan; e-mail nonaktif (SMTP_URL belum diatur), notifikasi tetap tampil di aplikasi.");

// The audit sequencer's round: not a queued job, since a job per event would put a
// lock back on the writer's path; an advisory lock per chain keeps several workers
// (and the web instances' kicks) from chaining the same events twice.
let stopping = false;
const sequenceEveryMs = Number(process.env.ALUR_AUDIT_SEQUENCE_MS ?? 1_000);
let sequencing: Promise<void> = Promise.resolve();
let sequenceTimer: NodeJS.Timeout | undefined;
function sequenceRound() {
  sequencing = sequenceAll(getDb())
    .then(() => undefined)
    .catch((error: unknown) => console.error("[alur:worker] sequencer audit:", error instanceof Error ? error.message : error))
    .finally(() => {
      if (!stopping) sequenceTimer = setTimeout(sequenceRound, sequenceEveryMs);
    });
}
sequenceRound();

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: berhenti setelah pekerjaan yang sedang berjalan.`);
  clearTimeout(sequenceTimer);
  await Promise.all([runner.stop(), sequencing]);
}
process.on("SIGINT", (s) => void stop(s));
process.on("SIGTERM", (s) => void stop(s));
await runner.promise.catch((error: unknown) => console.error("[alur:worker] berhenti karena galat:", error instanceof Error ? error.message : error));
await getDb().$disconnect();
log("berhenti.");
process.exit(0);

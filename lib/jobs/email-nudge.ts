import "server-only";

import { getDb } from "@/lib/db/client";

import { requestEmailDelivery } from "./queue";

/**
 * Asks the worker to deliver e-mails soon, from outside the caller's transaction.
 *
 * The notifications are the outbox: the delivery job (lib/jobs/tasks.ts) sends
 * whatever rows are pending, and the worker's cron runs it every minute anyway.
 * This nudge only brings the e-mail forward to within a couple of seconds. It
 * must not run inside the transaction that writes the notifications: the
 * debounced job is one row (job key "deliver_emails"), and upserting it there
 * held that row locked until the commit, so every agency's transitions queued
 * behind each other's (issue 16, tests/integration/transition-concurrency.test.ts).
 *
 * One nudge per process at most every NUDGE_DELAY_MS, as its own short
 * statement; by then the caller's transaction has committed (if it rolled back,
 * the job finds nothing to send). Best effort: a failure is logged, the cron
 * delivers. On in the Next server; off in tests and command-line tools unless
 * ALUR_EMAIL_NUDGE=1.
 */
const NUDGE_DELAY_MS = 1_000;

const state = globalThis as unknown as { alurEmailNudge?: ReturnType<typeof setTimeout> | null };

export function nudgeEnabled(): boolean {
  const flag = process.env.ALUR_EMAIL_NUDGE;
  if (flag === "1" || flag === "0") return flag === "1";
  return process.env.NEXT_RUNTIME === "nodejs";
}

export function nudgeEmailDelivery() {
  if (!nudgeEnabled() || state.alurEmailNudge) return;
  const timer = setTimeout(() => {
    state.alurEmailNudge = null;
    requestEmailDelivery(getDb()).catch((error: unknown) => {
      console.warn(`[alur] permintaan pengiriman e-mail gagal (cron worker akan mengirim): ${error instanceof Error ? error.message : String(error)}`);
    });
  }, NUDGE_DELAY_MS);
  timer.unref?.();
  state.alurEmailNudge = timer;
}

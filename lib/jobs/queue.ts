/**
 * Adding jobs to the queue (graphile-worker, docs/decisions/015-job-queue.md)
 * inside the caller's transaction: a task's alerts are queued in the same
 * commit that opens the task, or not at all. The SQL function add_job is
 * graphile-worker's public API for this; the worker (lib/cli/worker.ts) runs
 * them. The worker (run with the react-server condition) imports it too.
 */
import "server-only";

import type { TAlertKind } from "@/lib/cycle/working-time";
import type { DbTx } from "@/lib/db/client";

export const JOB = {
  taskAlert: "task_alert",
  deliverEmails: "deliver_emails",
} as const;

export interface TTaskAlertPayload {
  taskId: string;
  kind: TAlertKind;
}

/** One alert of a task at `runAt`. The job key makes a repeated enqueue replace, not duplicate, the job. */
export async function enqueueTaskAlert(tx: DbTx, payload: TTaskAlertPayload, runAt: Date) {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${JOB.taskAlert}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${runAt}::timestamptz,
    max_attempts => 10,
    job_key => ${`alert:${payload.taskId}:${payload.kind}`}::text
  )`;
}

/**
 * Asks for e-mail delivery soon: one debounced job (its key keeps a single
 * pending one however many notifications are written). Harmless without SMTP:
 * the job then does nothing. The worker's cron also runs it every minute.
 */
export async function requestEmailDelivery(tx: DbTx, at: Date = new Date()) {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${JOB.deliverEmails}::text,
    '{}'::json,
    run_at => ${at}::timestamptz,
    max_attempts => 3,
    job_key => ${JOB.deliverEmails}::text,
    job_key_mode => 'preserve_run_at'
  )`;
}

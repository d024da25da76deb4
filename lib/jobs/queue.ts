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

/** One job for `enqueueJobs`. */
export interface TJobRequest {
  task: string;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
  jobKey: string;
  /** graphile-worker's job_key_mode: "replace" (its default) or "preserve_run_at" (debounce). */
  jobKeyMode?: "replace" | "preserve_run_at";
}

/**
 * Several jobs in one statement (a transition queues a task's five alerts at
 * once): the same add_job calls as below, one round trip.
 */
export async function enqueueJobs(tx: DbTx, jobs: TJobRequest[]) {
  if (jobs.length === 0) return;
  await tx.$queryRaw`SELECT count(graphile_worker.add_job(
      j."task", j."payload"::json, run_at => j."runAt", max_attempts => j."maxAttempts", job_key => j."jobKey", job_key_mode => j."mode"
    ))::int AS "n"
    FROM unnest(
      ${jobs.map((j) => j.task)}::text[], ${jobs.map((j) => JSON.stringify(j.payload))}::text[], ${jobs.map((j) => j.runAt)}::timestamptz[],
      ${jobs.map((j) => j.maxAttempts)}::int[], ${jobs.map((j) => j.jobKey)}::text[], ${jobs.map((j) => j.jobKeyMode ?? "replace")}::text[]
    ) AS j("task", "payload", "runAt", "maxAttempts", "jobKey", "mode")`;
}

/** One alert of a task at `runAt`. The job key makes a repeated enqueue replace, not duplicate, the job. */
export const taskAlertJob = (payload: TTaskAlertPayload, runAt: Date): TJobRequest => ({
  task: JOB.taskAlert,
  payload,
  runAt,
  maxAttempts: 10,
  jobKey: `alert:${payload.taskId}:${payload.kind}`,
});

/**
 * Asks for e-mail delivery soon: one debounced job (its key keeps a single
 * pending one however many notifications are written). Harmless without SMTP:
 * the job then does nothing. The worker's cron also runs it every minute.
 * Never inside a transaction that others run at the same time: the job row's
 * lock would serialize them (lib/jobs/email-nudge.ts).
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

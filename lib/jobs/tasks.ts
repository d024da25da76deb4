/**
 * The job queue's task list (graphile-worker): what lib/cli/worker.ts runs.
 * Each task is safe to run twice (docs/decisions/015-job-queue.md).
 */
import "server-only";

import type { TaskList } from "graphile-worker";
import { z } from "zod";

import { deliverPendingEmails } from "@/lib/notify/email";

import { runTaskAlert } from "./alerts";
import { JOB } from "./queue";

const ZTaskAlertPayload = z.object({
  taskId: z.string().min(1),
  kind: z.enum(["DUE_SOON_50", "DUE_SOON_75", "LATE", "ESCALATED", "ESCALATED_HEAD"]),
});

const BATCH = 50;

export const taskList: TaskList = {
  [JOB.taskAlert]: async (payload, helpers) => {
    const parsed = ZTaskAlertPayload.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`task_alert: payload tidak valid, diabaikan: ${JSON.stringify(payload)}`);
      return;
    }
    const outcome = await runTaskAlert(parsed.data.taskId, parsed.data.kind, new Date());
    helpers.logger.debug(`task_alert ${parsed.data.kind} ${parsed.data.taskId}: ${outcome}`);
  },
  // Claims in the Notification table keep each e-mail to one send, however many workers run this.
  [JOB.deliverEmails]: async (_payload, helpers) => {
    for (;;) {
      const { sent, failed } = await deliverPendingEmails({ limit: BATCH, now: new Date() });
      if (sent || failed) helpers.logger.info(`e-mail: terkirim ${sent}, gagal ${failed}`);
      if (sent + failed < BATCH || failed > 0) break;
    }
  },
};

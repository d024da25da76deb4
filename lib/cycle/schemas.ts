import { z } from "zod";

import { ESAKIP_MESSAGES } from "./messages";

const text = (max: number) => z.string().trim().max(max, `Maksimal ${max} karakter.`);

export const CYCLE_PERIODS = ["TW1", "TW2", "TW3", "TW4", "TAHUNAN"] as const;

export const ZStartCycle = z.object({
  sopId: z.string().min(1).max(40),
  year: z.coerce.number({ error: "Tahun harus berupa angka." }).int("Tahun harus bilangan bulat.").min(2000, "Tahun tidak valid.").max(2100, "Tahun tidak valid."),
  period: z.enum(CYCLE_PERIODS, { error: "Pilih periode (Triwulan I–IV atau Tahunan)." }),
  /** Only for a period that ended before the SOP version took effect (lib/cycle/effective-period.ts). */
  overrideReason: z.string().max(2_000, "Alasan terlalu panjang (maksimal 2.000 karakter).").optional().transform((v) => v?.trim() || null),
});
export type TStartCycle = z.input<typeof ZStartCycle>;

/** What a step's executor records; which parts are required depends on the step's kind (service). */
export const ZTaskWork = z.object({
  outputText: text(20_000).optional().transform((v) => v || null),
  comment: text(5_000).optional().transform((v) => v || null),
  checklist: z.array(text(500)).max(50).optional(),
  attendees: z.array(text(200).min(1)).max(200).optional(),
  decisions: text(10_000).optional(),
  reference: text(500).optional(),
  /**
   * The head's note when completing the cycle archives a quarter whose
   * realizations are not all verified (lib/cycle/service.ts); shown on the
   * timeline and in the official outputs.
   */
  archiveNote: text(2_000).optional().transform((v) => v || null),
  /** A joint meeting's attendance, ticked from the member list. */
  attendance: z
    .array(
      z.object({
        userId: z.string().min(1).max(40),
        status: z.enum(["ATTENDED", "REPRESENTED", "ABSENT"], { error: "Pilih hadir, diwakili, atau tidak hadir." }),
        representedBy: text(200).optional().transform((v) => v || null),
      }),
    )
    .max(500)
    .optional(),
  /** "Tidak" to an every-unit step: return only this unit's work (empty: every unit's). */
  returnUnitId: z.string().max(40).optional().transform((v) => v || null),
  /**
   * The archive step's record of the upload to the national e-SAKIP
   * application (required there by lib/cycle/task-rules.ts): the day, the
   * reference number it gave, and the receipt uploaded to the task first.
   */
  esakipUploadedAt: z
    .union([z.literal(""), z.iso.date({ error: ESAKIP_MESSAGES.dateInvalid })])
    .optional()
    .transform((v) => v || null),
  esakipReference: text(100).optional().transform((v) => v || null),
  esakipReceiptFileId: z.string().max(40).optional().transform((v) => v || null),
});

export const ZTaskAction = ZTaskWork.extend({
  cycleId: z.string().min(1).max(40),
  taskId: z.string().min(1).max(40),
  event: z.enum(["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"], { error: "Tindakan tidak dikenal." }),
  /**
   * A decision: the hash of the snapshot the reviewer was shown (lib/cycle/decision-snapshot.ts).
   * The server builds the snapshot again and refuses when the data changed since.
   */
  snapshotHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Kode snapshot tidak valid. Muat ulang halaman.")
    .optional(),
});
export type TTaskAction = z.input<typeof ZTaskAction>;

export const ZCancelCycle = z.object({
  cycleId: z.string().min(1).max(40),
  reason: text(2_000).min(1, "Alasan pembatalan wajib diisi."),
});

/** The invitation of a joint meeting step: local date and time in the agency's zone, place, agenda. */
export const ZMeetingInvitation = z.object({
  cycleId: z.string().min(1).max(40),
  taskId: z.string().min(1).max(40),
  date: z.iso.date({ error: "Tanggal rapat wajib diisi (TTTT-BB-HH)." }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Jam rapat wajib diisi (JJ:MM)."),
  place: text(300).min(1, "Tempat rapat wajib diisi."),
  agenda: text(5_000).min(1, "Agenda rapat wajib diisi."),
});
export type TMeetingInvitation = z.input<typeof ZMeetingInvitation>;

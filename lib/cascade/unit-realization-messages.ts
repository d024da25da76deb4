import { PERFORMANCE_MESSAGES } from "@/lib/performance/messages";
import { REALIZATION_MESSAGES } from "@/lib/performance/workflow";

const TW = ["I", "II", "III", "IV"] as const;

/**
 * The lifecycle of a unit PK row's realization (decision 044): the agency PK's words wherever
 * the rule is the same one, so both read alike.
 */
export const UNIT_REALIZATION_MESSAGES = {
  status: PERFORMANCE_MESSAGES.ui.status,
  statusOf: (status: "DRAFT" | "SUBMITTED" | "VERIFIED" | "RETURNED" | null) => PERFORMANCE_MESSAGES.ui.status[status ?? "EMPTY"],
  valueRequired: PERFORMANCE_MESSAGES.valueRequired,
  reasonRequired: REALIZATION_MESSAGES.reasonRequired,
  reasonTooLong: "Alasan terlalu panjang (maksimal 2000 karakter).",
  saved: "Draf realisasi disimpan.",
  submitted: "Realisasi dikirim ke Tim SAKIP untuk diverifikasi.",
  verified: "Realisasi diverifikasi.",
  returned: "Realisasi dikembalikan ke unit dengan alasannya.",
  saveDraft: "Simpan draf",
  submit: "Kirim",
  saving: "Menyimpan…",
  submitting: "Mengirim…",
  verify: "Verifikasi",
  returnAction: "Kembalikan",
  returnConfirm: "Kembalikan ke unit",
  reasonLabel: "Alasan pengembalian",
  reasonHint: "Tulis apa yang perlu diperbaiki unit ini.",
  returnedBecause: (reason: string) => `Dikembalikan: ${reason}`,
  confirmSubmit: {
    title: (name: string, quarter: number) => `Kirim realisasi "${name}" TW ${TW[quarter - 1]} ke Tim SAKIP?`,
    body: (value: string, unit: string) =>
      `Nilai ${value} ${unit} beserta data dukungnya dikirim untuk diverifikasi. Setelah dikirim, nilai ini tidak dapat diubah lagi kecuali Tim SAKIP mengembalikannya.`,
    noEvidence: PERFORMANCE_MESSAGES.ui.confirmSubmit.noEvidence,
    confirm: PERFORMANCE_MESSAGES.ui.confirmSubmit.confirm,
    cancel: PERFORMANCE_MESSAGES.ui.confirmSubmit.cancel,
  },
  evidenceHeading: (quarter: number) => `Data dukung TW ${TW[quarter - 1]}`,
  frozenNote: "Triwulan ini sudah diarsipkan: nilainya tidak dapat diubah.",
  lockedNote: "Nilai sudah dikirim atau diverifikasi: tidak dapat diubah kecuali Tim SAKIP mengembalikannya.",
  /** The recap's marks (decision 044: unverified values roll up, shown as such). */
  unverified: "belum terverifikasi",
  verifiedMark: "terverifikasi",
  rolledUnverified: "memuat nilai yang belum terverifikasi",
  filterNote: (label: string) => `Menampilkan baris berstatus "${label}" pada triwulan ini.`,
  showAll: "Tampilkan semua baris",
  legend:
    "Nilai yang belum terverifikasi tetap dihitung dalam realisasi dan gabungan bawahan, dengan tanda \"belum terverifikasi\", sampai Tim SAKIP memverifikasinya.",
} as const;

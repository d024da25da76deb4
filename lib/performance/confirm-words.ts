/**
 * The realization form's confirmation before Kirim: fetched with the form's actions on the first
 * tap (components/performance/realization-actions.tsx), not with the page
 * (docs/decisions/058-sop-and-realization-first-load.md). PERFORMANCE_MESSAGES.ui spreads it.
 */
export const REALIZATION_CONFIRM_WORDS = {
  confirmSubmit: {
    title: (code: string, quarter: string) => `Kirim realisasi ${code} ${quarter} ke Tim SAKIP?`,
    body: (value: string, unit: string) =>
      `Nilai ${value} ${unit} beserta faktor pendorong, penghambat, tindak lanjut, dan data dukungnya dikirim untuk diverifikasi. Setelah dikirim, Anda tidak dapat mengubahnya lagi kecuali Tim SAKIP mengembalikannya.`,
    noEvidence: "Belum ada data dukung yang dilampirkan. Tim SAKIP dapat mengembalikan realisasi tanpa bukti; lampirkan dahulu bila ada.",
    confirm: "Ya, kirim",
    cancel: "Batal",
  },
} as const;

/**
 * What the realization form says after a save or an upload attempt: fetched with the form's
 * actions (components/performance/realization-actions.tsx), which are loaded before any save can
 * start (docs/decisions/066-recap-timeline-render-cost.md). PERFORMANCE_MESSAGES spreads them as before.
 */
export const REALIZATION_TAP_WORDS = {
  valueRequired: "Isi nilai realisasi sebelum mengirim.",
  saved: "Disimpan sebagai draf.",
  submitted: "Realisasi dikirim ke Tim SAKIP.",
  uploadNeedsDraft: "Perbaiki isian di atas terlebih dahulu: data dukung dilampirkan ke draf realisasi.",
  draftCreatedForUpload: "Draf realisasi disimpan agar data dukung dapat dilampirkan.",
} as const;

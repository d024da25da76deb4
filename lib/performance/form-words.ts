/**
 * The words of the realization form, its evidence upload and the period picker: the client
 * modules of the realization page import these, not the whole PERFORMANCE_MESSAGES (which spreads
 * them into its own `ui`, so every other reader is unchanged). docs/decisions/039-lean-first-load.md
 * The words shown only after a tap (saved, sent, the value missing, the draft made for an upload)
 * come with the form's actions instead (./confirm-words.ts, decision 066).
 */
export const REALIZATION_FORM_WORDS = {
  ui: {
    quarterShort: ["TW I", "TW II", "TW III", "TW IV"],
    valueLabel: (q: string, unit: string) => `Realisasi ${q} (${unit})`,
    valueHint: "Gunakan koma untuk desimal, misalnya 1.234,5.",
    valueHintPercent: "Gunakan koma untuk desimal, misalnya 1.234,5. Tanda % boleh ditulis atau tidak: 85% dibaca 85.",
    faktorPendorong: "Faktor pendorong",
    faktorPenghambat: "Faktor penghambat",
    tindakLanjut: "Tindak lanjut",
    saveDraft: "Simpan draf",
    submit: "Kirim",
    saving: "Menyimpan…",
    submitting: "Mengirim…",
    submitHint: "Setelah dikirim, realisasi tidak dapat diubah kecuali dikembalikan oleh Tim SAKIP.",
    empty: "–",
    chooseFile: "Tambah data dukung",
    browse: "Pilih berkas…",
    noFileChosen: "Belum ada berkas dipilih.",
    fileHint: "PDF, XLSX, DOCX, JPG, atau PNG.",
    upload: "Unggah",
    uploading: (pct: number) => `Mengunggah… ${pct}%`,
    uploaded: (name: string) => `Berkas ${name} diunggah.`,
    uploadFailed: "Unggahan gagal. Periksa koneksi lalu coba lagi.",
    fileSize: (kb: string) => `${kb} KB`,
  },
} as const;

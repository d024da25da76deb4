/** Messages of file uploads and downloads (Bahasa Indonesia). */
export const STORAGE_MESSAGES = {
  empty: "Berkas kosong (0 bita). Pilih berkas yang berisi data.",
  tooLarge: (maxMb: number) => `Ukuran berkas melebihi batas ${maxMb} MB. Perkecil atau pisahkan berkasnya.`,
  typeNotAllowed: "Jenis berkas tidak diizinkan. Unggah PDF, XLSX, DOCX, JPG/JPEG, atau PNG.",
  contentMismatch: (label: string) =>
    `Isi berkas bukan ${label}. Pastikan berkas tidak rusak dan ekstensinya sesuai dengan isinya.`,
  notMultipart: "Kirim berkas sebagai formulir multipart/form-data.",
  unreadableForm: "Formulir unggahan tidak dapat dibaca. Coba unggah ulang.",
  fileMissing: "Pilih berkas yang akan diunggah (isian `file`).",
  targetMissing: "Sebutkan tujuan berkas: isi salah satu dari realizationId, taskId, atau followUpId.",
  targetBoth: "Berkas hanya dapat dilampirkan ke satu tujuan: realizationId, taskId, atau followUpId, tidak lebih.",
  realizationNotFound: "Realisasi tidak ditemukan.",
  unitRealizationNotFound: "Realisasi PK unit tidak ditemukan.",
  realizationLocked: "Realisasi ini sudah diajukan atau diverifikasi; data dukung hanya dapat ditambahkan saat berstatus draf atau dikembalikan.",
  taskNotFound: "Langkah tidak ditemukan.",
  taskClosed: "Langkah ini sudah selesai atau siklusnya tidak aktif; output tidak dapat ditambahkan lagi.",
  readOnly: "Auditor hanya dapat melihat dan mengunduh berkas, tidak dapat mengunggah.",
  fileNotFound: "Berkas tidak ditemukan.",
  blobMissing: "Isi berkas tidak ditemukan di penyimpanan. Hubungi administrator.",
  storageUnavailable: "Penyimpanan berkas belum dikonfigurasi dengan benar. Hubungi administrator.",
  /** Display name when nothing usable is left of the original one. */
  fallbackName: "berkas",
} as const;

/** Indonesian messages of the LKE workbench (lib/lke). */
export const LKE_MESSAGES = {
  noEdition: (year: number) => `Belum ada edisi LKE yang berlaku untuk tahun ${year}.`,
  editionNotFound: "Edisi LKE tidak ditemukan atau belum berlaku untuk tahun ini.",
  exists: (year: number) => `Evaluasi LKE tahun ${year} sudah ada.`,
  notFound: (year: number) => `Evaluasi LKE tahun ${year} belum dibuat.`,
  locked: (year: number) => `Evaluasi LKE tahun ${year} sudah dikunci: tidak dapat diubah lagi.`,
  notEditor: "Hanya pengelola kinerja instansi yang dapat mengisi penilaian mandiri LKE.",
  notReviewer: "Hanya auditor Inspektorat yang dapat mereviu dan mengunci LKE.",
  notDraft: "Penilaian mandiri sudah diajukan: jawaban instansi tidak dapat diubah lagi.",
  notSubmitted: "Reviu hanya dapat dilakukan setelah penilaian mandiri diajukan dan sebelum reviu selesai.",
  notReviewed: "LKE hanya dapat dikunci setelah reviu selesai.",
  unknownCriterion: "Kriteria ini tidak ada pada LKE tahun ini.",
  answerOffScale: (options: string) => `Jawaban harus salah satu dari: ${options}.`,
  unanswered: (n: number) => `Masih ada ${n} kriteria yang belum dijawab: jawab semuanya sebelum mengajukan.`,
  justificationTooLong: "Penjelasan paling banyak 4.000 karakter.",
  linkInvalid: "Tautan bukti harus alamat halaman aplikasi ini (diawali /) atau alamat http(s).",
} as const;

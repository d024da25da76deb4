/**
 * The words of the same page that only the server draws (the period picker, the evidence list):
 * apart from ./form-words.ts, so the form's chunk does not carry them (decision 066). PERFORMANCE_MESSAGES spreads them too.
 */
export const REALIZATION_PAGE_WORDS = {
  quarters: ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
  year: "Tahun",
  quarter: "Triwulan",
  show: "Tampilkan",
  evidence: "Data dukung",
  noEvidence: "Belum ada data dukung.",
  all: "Semua",
} as const;

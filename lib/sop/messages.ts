/** Messages of the SOP library's services and pages (Bahasa Indonesia). */
export const SOP_SERVICE_MESSAGES = {
  invalid: (first: string) => `SOP belum dapat disimpan: ${first}`,
  notFound: "SOP tidak ditemukan.",
  nomorTaken: (nomor: string) => `Nomor SOP ${nomor} sudah dipakai SOP lain di instansi ini.`,
  onlyDraftEditable: "Hanya SOP berstatus Draf yang dapat diubah. Buat versi baru untuk merevisi SOP yang berlaku.",
  onlyActiveRevisable: "Versi baru hanya dapat dibuat dari SOP yang sedang berlaku.",
  alreadyActivated: "SOP ini sudah disahkan atau tidak lagi berstatus Draf.",
  onlyActiveArchivable: "Hanya SOP yang sedang berlaku yang dapat diarsipkan.",
  created: "SOP disimpan sebagai Draf.",
  saved: "Perubahan SOP disimpan.",
  versionCreated: "Versi baru dibuat sebagai Draf.",
  activated: "SOP disahkan dan kini berlaku.",
  archived: "SOP diarsipkan.",
} as const;

/** The words of file versions (lib/cycle/file-versions.ts): no imports, so a client component may use them cheaply. */
export const FILE_VERSION_MESSAGES = {
  version: (n: number) => `Versi ${n}`,
  versionRound: (n: number, round: number) => `Versi ${n} (putaran ${round})`,
  current: (n: number, round: number) => `Versi terkini: Versi ${n} (putaran ${round})`,
  previous: (round: number) => `Versi sebelumnya (putaran ${round})`,
  uploaded: (names: string, when: string) => `Diunggah oleh ${names}, ${when}`,
  uploadedAt: (when: string) => `Diunggah ${when}`,
  replaces: (n: number, round: number) => `Menggantikan Versi ${n} (putaran ${round})`,
  noNewFile: (round: number) => `Putaran ${round} tidak mengunggah berkas baru; berkas terakhir adalah versi sebelumnya.`,
  versionsTitle: "Versi berkas",
  timelineFiles: (n: number) => `Berkas keluaran · Versi ${n}`,
  // The upload control of a draft/upload step.
  uploadTitle: "Berkas keluaran",
  uploadHint: (next: number) => `DOCX, PDF atau XLSX (juga JPG/PNG). Berkas yang Anda unggah pada putaran ini menjadi Versi ${next} keluaran langkah ini.`,
  thisRound: (n: number) => `Berkas putaran ini (Versi ${n})`,
  noneYet: "Belum ada berkas pada putaran ini.",
  replacing: (n: number, round: number) => `Versi ${n} (putaran ${round}), yang akan diganti:`,
  choose: "Pilih berkas…",
  upload: "Unggah berkas",
} as const;

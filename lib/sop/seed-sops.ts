import type { TSopInput, TSopStep, TStepKind, TTimeUnit } from "./schemas";

/**
 * The three seed SOPs of ../shared/seeds/, transcribed as data (keyed by agency slug,
 * role codes from lib/seed/agencies.ts).
 *
 * Transcription rules:
 * - Header fields, list items and table cells are copied as printed, including the
 *   authors' own typos ("Menbuat", "Tentang 2006 Tentang"); only extraction noise is
 *   fixed, and each fix is noted where it is made. Nomor SOP is written without the
 *   spaces the extraction put around "/" and "-".
 * - Numbered lists inside one table cell ("1. Draf ... 2. Lampiran ...") keep their
 *   numbers with one item per line.
 * - The executor marks of the procedure tables were lost in extraction. Where the
 *   activity text names the executor we use it; otherwise the comment on the step says
 *   why its executor follows from the SOP's flow.
 */

export type TSeedSopSlug = "diskominfo-lumajang" | "setwan-balangan" | "bmcktr-sumbar";

interface StepFields {
  executor: string;
  kind: TStepKind;
  kelengkapan: string;
  waktu: [number, TTimeUnit];
  output: string;
  participants?: string[];
  keterangan?: string;
  yes?: number | null;
  no?: number | null;
}

function step(number: number, kegiatan: string, f: StepFields): TSopStep {
  return {
    number,
    kegiatan,
    executorRoleCode: f.executor,
    participantRoleCodes: f.participants ?? [],
    kind: f.kind,
    kelengkapan: f.kelengkapan,
    waktuJumlah: f.waktu[0],
    waktuSatuan: f.waktu[1],
    output: f.output,
    keterangan: f.keterangan ?? "",
    yesStepNumber: f.yes ?? null,
    noStepNumber: f.no ?? null,
    assignment: "SINGLE",
    unitKind: null,
    unitNames: [],
  };
}

const DRAF_DAN_LAMPIRAN = "1. Draf Realisasi Rencana Aksi Akuntabilitas Kinerja\n2. Lampiran Data Dukung";
const RRA = "Realisasi Rencana Aksi Akuntabilitas Kinerja";

/** Dinas Komunikasi dan Informatika Kabupaten Lumajang. Columns: Kadis, Sekretaris, Kasubag Perencanaan dan Keuangan, Tim SAKIP, Staff. */
const LUMAJANG: TSopInput = {
  nomor: "427.50/1/2.40/2024",
  nama: "PENGUKURAN KINERJA",
  // No sub-unit is printed: the identity box names only the government and the Dinas.
  unit: "DINAS KOMUNIKASI DAN INFORMATIKA",
  tanggalPembuatan: "2024-01-05",
  tanggalRevisi: "2024-01-12",
  // Printed as "TANGGAL PENGESAHAN".
  tanggalEfektif: "2024-01-15",
  // OCR fix: "PIt." (capital i) -> "Plt." (pelaksana tugas).
  disahkanJabatan: "Plt. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN LUMAJANG",
  disahkanNama: "MUSTAQIM, S.HI., M.A.",
  // Not printed.
  disahkanPangkat: null,
  disahkanNip: "198405182011011014",
  dasarHukum: [
    "Undang-undang No. 23 Tahun 2014 Tentang Pemerintahan Daerah;",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 Tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah",
    "Peraturan Presiden No. 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi No. 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Review atas Laporan Kinerja",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi. Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
    "Peraturan Bupati No. 99 Tahun 2021 Tentang Kedudukan, Susunan, Organisasi dan Tata Kerja Dinas Komunikasi Informatika.",
  ],
  kualifikasiPelaksana: [
    "Memiliki kewenangan dalam pengukuran kinerja;",
    "Memiliki kemampuan menyusun Pengukuran Kinerja;",
    "Memahami Kebijakan mengenai Perencanaan kinerja;",
    "Memiliki pemahaman tentang Perencanaan kinerja;",
  ],
  keterkaitan: [
    "SOP Penyusunan Rencana Strategis (Renstra)",
    "SOP Penyusunan Rencana Kerja (Renja)",
    "SOP Penyusunan Perjanjian Kinerja",
    "SOP Penyusunan Laporan Kinerja",
  ],
  peralatan: ["Komputer", "RENSTRA, RENJA", "PK, RKA, DPA (Dokumen Pelaksanaan Anggaran)", "IKU, IKI, Format Penetapan Kinerja", "Printer"],
  peringatan:
    "Jika SOP tidak dilaksanakan maka akan terjadi keterlambatan Penyusunan Dokumen Perencanaan PD sehingga bisa mempengaruhi kinerja PD bisa dikatakan belum akuntabel.",
  pencatatan: [
    "Disimpan sebagai data elektronik dan manual",
    "Pencatatan dilaksanakan dengan manual excel dan word oleh Kasubag Perencanaan dan Keuangan selaku penanggungjawab pengukuran kinerja",
  ],
  steps: [
    // The head opens the cycle: the first order comes from the first column (Kadis).
    step(1, "Memerintahkan membuat pengukuran kinerja", {
      executor: "KADIS",
      kind: "DISPOSITION",
      kelengkapan: "Format Penyusunan Pengukuran Kinerja",
      waktu: [15, "MENIT"],
      output: "Format Penyusunan Pengukuran Kinerja",
    }),
    // The same order repeated one level down: Sekretaris passes the Kadis's order to the planning sub-unit.
    step(2, "Memerintahkan membuat pengukuran kinerja", {
      executor: "SEKRETARIS",
      kind: "DISPOSITION",
      kelengkapan: "Format Penyusunan Pengukuran Kinerja",
      waktu: [15, "MENIT"],
      output: "Format Penyusunan Pengukuran Kinerja",
    }),
    // Kasubag Perencanaan dan Keuangan is "penanggungjawab pengukuran kinerja" (Pencatatan box) and receives the order.
    step(3, "Membuat format pengukuran kinerja", {
      executor: "KASUBAG_PK",
      kind: "DRAFT",
      kelengkapan: "Format Penyusunan Pengukuran Kinerja",
      waktu: [1, "HARI"],
      output: "Draft Pengukuran Kinerja",
    }),
    // Collecting the filled formats and processing the data is the clerical work of the Staff column.
    step(4, "Menghimpun format pengumpulan data dan pengolahan pengukuran kinerja", {
      executor: "STAFF",
      kind: "INPUT",
      kelengkapan: "Draft Pengukuran Kinerja",
      waktu: [1, "HARI"],
      output: "Draft Pengukuran Kinerja",
    }),
    // Discussing and evaluating the data is the team's job (Tim SAKIP); no branch, so a meeting, not a decision.
    step(5, "Membahas dan mengevaluasi data pengukuran kinerja", {
      executor: "TIM_SAKIP",
      kind: "MEETING",
      kelengkapan: "Draft Pengukuran Kinerja",
      waktu: [1, "HARI"],
      output: "Draft Pengukuran Kinerja",
    }),
    // The person responsible (Kasubag Perencanaan dan Keuangan) drafts the concept and submits it to the Kadis. "Menbuat" is the SOP's own typo.
    step(6, "Menbuat konsep dokumen pengukuran kinerja dan mengajukan kepada kepala dinas", {
      executor: "KASUBAG_PK",
      kind: "DRAFT",
      kelengkapan: "Konsep Dokumen Pengukuran Kinerja",
      waktu: [1, "HARI"],
      output: "Konsep Dokumen Pengukuran Kinerja",
    }),
    // Step 6 submits "kepada kepala dinas", and only the Kadis signs (step 8). Ya (tercapai) -> step 8. Tidak -> step 6:
    // the concept goes back to its drafter to be reworked with a rencana aksi for the targets not reached.
    step(
      7,
      "Memeriksa konsep dokumen pengukuran kinerja jika hasilnya tercapai ditanda tangani dan digunakan untuk penilaian SAKIP dan jika tidak tercapai maka dikembalikan untuk dibuat rencana aksi",
      {
        executor: "KADIS",
        kind: "APPROVAL",
        kelengkapan: "Konsep Dokumen Pengukuran Kinerja",
        waktu: [1, "HARI"],
        output: "Dokumen Pengukuran Kinerja",
        yes: null,
        no: 6,
      },
    ),
    // Signing belongs to the head (step 7: "ditanda tangani"). No branch: DRAFT, as it produces the signed document.
    step(8, "Menandatangani dokumen pengukuran kinerja", {
      executor: "KADIS",
      kind: "DRAFT",
      kelengkapan: "Dokumen Pengukuran Kinerja",
      waktu: [1, "HARI"],
      output: "Dokumen Pengukuran Kinerja yang telah ditandatangani",
    }),
    // Pencatatan box: recording is done "oleh Kasubag Perencanaan dan Keuangan"; closes the cycle.
    step(9, "Mendokumentasikan dokumen pengukuran kinerja untuk penilaian SAKIP", {
      executor: "KASUBAG_PK",
      kind: "ARCHIVE",
      kelengkapan: "Dokumen Pengukuran Kinerja yang telah ditandatangani",
      waktu: [1, "HARI"],
      output: "Arsip",
    }),
  ],
};

/** Sekretariat DPRD Kabupaten Balangan. Columns: Sekretaris DPRD, Kabag/ Kasubag, Tim Penyusun SAKIP/LAKIP, Staf. */
const BALANGAN: TSopInput = {
  // Printed "175 / 188 / SETWAN-BLG/2023".
  nomor: "175/188/SETWAN-BLG/2023",
  nama: "PELAKSANAAN PENGUKURAN KINERJA",
  // The identity box names the Sekretariat DPRD itself; no sub-unit is printed.
  unit: "SEKRETARIAT DPRD KABUPATEN BALANGAN",
  tanggalPembuatan: "2023-07-17",
  // "TGL.REVISI :" is left blank.
  tanggalRevisi: null,
  tanggalEfektif: "2023-07-17",
  // Printed over two lines, "Sekretaris DPRD / Kabupaten Balangan,".
  disahkanJabatan: "Sekretaris DPRD Kabupaten Balangan",
  disahkanNama: "H. Hamrin, S.Ag. SE. M. AP",
  disahkanPangkat: "Pembina Tk. I",
  disahkanNip: "197312241994031007",
  dasarHukum: [
    "Undang-undang RI Nomor 25 Tahun 2004 Tentang Sistem Perencanaan Pembangunan Nasional;",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 Tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;",
    "Peraturan Pemerintah Nomor 39 Tahun 2006 Tentang 2006 Tentang Tata Cara Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan;",
    "Peraturan Pemerintah Nomor 8 Tahun 2008 Tentang Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah;",
    "Peraturan Pemerintah Nomor 18 Tahun 2016 Tentang Perangkat Daerah;",
    "Peraturan Presiden Nomor 29 Tahun 2014 Tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
  ],
  kualifikasiPelaksana: [
    "Memahami peraturan perundangan yang terkait.",
    "Memahami sasaran dan capaian program",
    "Mengetahui tugas pokok dan fungsi serta uraian tugas.",
    "Memahami rencana pembangunan jangka menengah (RPJM) Pemerintah daerah secara keseluruhan dan penjabarannya melalui RENSTRA.",
  ],
  keterkaitan: ["SOP pelaksanaan pengawasan dan Evaluasi Akuntabilitas kinerja internal secara berkala"],
  peralatan: [
    "ATK;",
    "Komputer;",
    "Printer;",
    "Data dan informasi yang terkait dengan pelaksanaan program",
    "Instrumen monitoring dan evaluasi kegiatan,",
    "Peraturan perundang-undangan yang berlaku dan terkait dengan SAKIP",
  ],
  peringatan: "Apabila pengumpulan data kinerja tidak terselesaikan dengan baik dan pelaporan akan terhambat.",
  pencatatan: ["Dokumen data kinerja Sekretariat DPRD Kabupaten Balangan"],
  steps: [
    // The head gives the order (Kelengkapan "surat perintah", Output "Disposisi perintah").
    step(1, "Memerintahkan melaksanakan pengukuran kinerja", {
      executor: "SEKWAN",
      kind: "DISPOSITION",
      kelengkapan: "Struktur organisasi, surat perintah",
      waktu: [20, "MENIT"],
      output: "Disposisi perintah, surat",
    }),
    // The disposition goes to the Kabag/Kasubag, who convenes the team (Output "Tim perumus"); the team cannot gather itself.
    step(2, "Pengumpulan tim pelaksana Pengukuran kinerja", {
      executor: "KABAG",
      kind: "MEETING",
      kelengkapan: "anggota tim",
      waktu: [1, "JAM"],
      output: "Tim perumus",
    }),
    // Kelengkapan "tim": the assembled team (Tim Penyusun SAKIP/LAKIP) drafts the concept.
    step(3, "Menyusun konsep pengukuran kinerja", {
      executor: "TIM_SAKIP",
      kind: "DRAFT",
      kelengkapan: "tim",
      waktu: [1, "HARI"],
      output: "Draf pengukuran kinerja",
    }),
    // Gathering each bagian's data and drafting the report is staff work, which the Kabag/Kasubag then reports (step 5).
    step(4, "Menghimpun data rencana kinerja dan menyusun konsep laporan", {
      executor: "STAF",
      kind: "INPUT",
      kelengkapan: "konsep",
      waktu: [2, "HARI"],
      output: "Konsep laporan, data-data",
    }),
    // Named in the text ("Kasubag / kabag"); the Sekretaris DPRD is the recipient.
    step(5, "Laporan Kasubag / kabag kepada Sekretaris DPRD terkait data pengukuran kinerja masing-masing bagian", {
      executor: "KABAG",
      kind: "UPLOAD",
      kelengkapan: "Konsep laporan",
      waktu: [1, "HARI"],
      output: "Konsep laporan, data-data",
    }),
    // The Sekretaris DPRD received the reports (step 5) and holds the internal meeting with the measurement team.
    step(6, "Melakukan rapat internal dengan tim Pengukuran kinerja", {
      executor: "SEKWAN",
      participants: ["TIM_SAKIP"],
      kind: "MEETING",
      kelengkapan: "Data dan laporan",
      waktu: [2, "JAM"],
      output: "Laporan kinerja",
    }),
    // The compiling team (Tim Penyusun SAKIP/LAKIP) finalises the report after the meeting; closes the cycle.
    step(7, "Hasil Laporan Pengukuran kinerja", {
      executor: "TIM_SAKIP",
      kind: "DRAFT",
      kelengkapan: "Laporan Pengukuran Kinerja yang telah selesai",
      waktu: [2, "HARI"],
      output: "Laporan Kinerja yang sudah siap",
    }),
  ],
};

/** Dinas Bina Marga, Cipta Karya dan Tata Ruang Provinsi Sumatera Barat. Columns: Kepala Dinas, Sekretaris, Bidang, Tim SAKIP, Subag Perencanaan. */
const BMCKTR: TSopInput = {
  // Printed "150 / SOP - BMCKTR / 2024".
  nomor: "150/SOP-BMCKTR/2024",
  nama: "Pengukuran Kinerja",
  unit: "SEKRETARIAT",
  tanggalPembuatan: "2024-01-11",
  // Printed "-".
  tanggalRevisi: null,
  tanggalEfektif: "2024-01-11",
  // Printed "Kepala," beside the agency name; the HTML <b> around the name is extraction noise.
  disahkanJabatan: "Kepala",
  disahkanNama: "ERASUKMA MUNAF, ST, MM",
  disahkanPangkat: "Pembina Utama Muda",
  disahkanNip: "197209251998031003",
  dasarHukum: [
    "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
    "Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
    "Peraturan Gubernur Nomor 29 Tahun 2023 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah",
  ],
  kualifikasiPelaksana: [
    "Pendidikan minimal S1 atau sederajat",
    "Memiliki kemampuan untuk menganalisa data",
    "Bisa mengoperasikan komputer",
  ],
  keterkaitan: ["SOP Pengukuran Kinerja", "SOP Evaluasi Kinerja Internal", "SOP Pengarsipan"],
  peralatan: ["DPA SKPD", "Komputer", "ATK"],
  peringatan:
    "Jika SOP tidak dilaksanakan maka proses evaluasi kinerja internal tidak dapat berjalan sebagaimana mestinya",
  // The "Pencatatan dan pendataan" box is empty.
  pencatatan: [],
  steps: [
    // Named in the text; Sekretaris is the one ordered.
    step(1, "Kepala Dinas memerintahkan Sekretaris untuk melakukan pengukuran kinerja", {
      executor: "KADIS",
      kind: "DISPOSITION",
      kelengkapan: "Laporan Hasil Analisa Data Kinerja",
      waktu: [10, "MENIT"],
      output: "Nota Kepala Dinas",
    }),
    // Named in the text; Tim SAKIP attends the meeting.
    step(2, "Sekretaris melakukan rapat dengan tim SAKIP untuk memberikan arahan pelaksanaan kegiatan pengukuran kinerja", {
      executor: "SEKRETARIS",
      participants: ["TIM_SAKIP"],
      kind: "MEETING",
      kelengkapan: "Nota Kepala Dinas",
      waktu: [2, "JAM"],
      output: "Notulen Rapat",
    }),
    // Named in the text; Sekretaris is the recipient.
    step(
      3,
      "Tim SAKIP menyiapkan data format pengukuran kinerja dan realisasi keuangan berdasarkan Perjanjian Kinerja dan Rencana Aksi dan mendistribusikannya kepada Sekretaris",
      {
        executor: "TIM_SAKIP",
        kind: "DRAFT",
        kelengkapan: "Notulen Rapat",
        waktu: [1, "JAM"],
        output: "Format Realisasi Rencana Aksi Akuntabilitas Kinerja",
      },
    ),
    // "Sekretaris dan Bidang": Sekretaris, named first, received the format (step 3) and leads; Bidang fills its own data.
    step(
      4,
      "Sekretaris dan Bidang mengisi format pengukuran kinerja dan realisasi keuangan dan menyiapkan data dukung kemudian menyerahkan kembali kepada Tim SAKIP",
      {
        executor: "SEKRETARIS",
        participants: ["BIDANG"],
        kind: "INPUT",
        kelengkapan: "Format Realisasi Rencana Aksi Akuntabilitas Kinerja",
        waktu: [2, "HARI"],
        output: DRAF_DAN_LAMPIRAN,
      },
    ),
    // Named in the text; Sekretaris is the recipient.
    step(5, "Tim SAKIP menyusun Laporan Hasil pengukuran kinerja dan Realisasi Keuangan dan melaporkannya kepada Sekretaris", {
      executor: "TIM_SAKIP",
      kind: "DRAFT",
      kelengkapan: DRAF_DAN_LAMPIRAN,
      waktu: [2, "HARI"],
      output: RRA,
    }),
    // Named in the text; Kepala Dinas is the recipient.
    step(6, "Sekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas", {
      executor: "SEKRETARIS",
      kind: "UPLOAD",
      kelengkapan: RRA,
      waktu: [30, "MENIT"],
      output: RRA,
    }),
    // "Kepala Dinas, Sekretaris, bersama Tim SAKIP": the head leads and decides. Ya (setuju) -> step 8. Tidak
    // ("dikembalikan untuk dilengkapi") -> step 4, where the realization data and data dukung are filled in;
    // step 5 only compiles what step 4 delivered, so missing data can only be completed there.
    step(
      7,
      "Kepala Dinas, Sekretaris, bersama Tim SAKIP menganalisa hasil pengukuran kinerja yang telah diserahkan, apabila setuju akan digunakan sebagai bahan untuk evaluasi internal, jika tidak maka dikembalikan untuk dilengkapi",
      {
        executor: "KADIS",
        participants: ["SEKRETARIS", "TIM_SAKIP"],
        kind: "APPROVAL",
        kelengkapan: RRA,
        waktu: [2, "JAM"],
        output: RRA,
        yes: null,
        no: 4,
      },
    ),
    // Named in the text (the SOP repeats step 6's wording here, after the approval).
    step(8, "Sekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas", {
      executor: "SEKRETARIS",
      kind: "UPLOAD",
      kelengkapan: RRA,
      waktu: [30, "MENIT"],
      output: RRA,
    }),
    // Named in the text (column header "Subag Perencanaan"); uploads to e-SAKIP and archives, closing the cycle.
    step(
      9,
      "Subbag Perencanaan mengunggah Realisasi Rencana Aksi Akuntabilitas Kinerja Triwulanan pada aplikasi esr.menpan.go.id dan mengarsipkannya",
      {
        executor: "SUBBAG_PERENCANAAN",
        kind: "ARCHIVE",
        kelengkapan: RRA,
        waktu: [2, "MENIT"],
        output: RRA,
      },
    ),
  ],
};

export const SEED_SOPS: Record<TSeedSopSlug, TSopInput> = {
  "diskominfo-lumajang": LUMAJANG,
  "setwan-balangan": BALANGAN,
  "bmcktr-sumbar": BMCKTR,
};

/**
 * The procedure table of each seed exactly as it appears in the seed text files (two
 * header rows, then one row per step; executor columns empty), for paste-import tests.
 */
export const SEED_SOP_TSV: Record<TSeedSopSlug, string> = {
  "diskominfo-lumajang": [
    "No\tKegiatan\tPelaksana\t\t\t\t\tMutu Baku\t\t\tKet.",
    "\t\tKadis\tSekretaris\tKasubag Perencanaan dan Keuangan\tTim SAKIP\tStaff\tKelengkapan\tWaktu\tOutput\t",
    "1.\tMemerintahkan membuat pengukuran kinerja\t\t\t\t\t\tFormat Penyusunan Pengukuran Kinerja\t15 Menit\tFormat Penyusunan Pengukuran Kinerja\t",
    "2.\tMemerintahkan membuat pengukuran kinerja\t\t\t\t\t\tFormat Penyusunan Pengukuran Kinerja\t15 Menit\tFormat Penyusunan Pengukuran Kinerja\t",
    "3.\tMembuat format pengukuran kinerja\t\t\t\t\t\tFormat Penyusunan Pengukuran Kinerja\t1 hari\tDraft Pengukuran Kinerja\t",
    "4.\tMenghimpun format pengumpulan data dan pengolahan pengukuran kinerja\t\t\t\t\t\tDraft Pengukuran Kinerja\t1 hari\tDraft Pengukuran Kinerja\t",
    "5.\tMembahas dan mengevaluasi data pengukuran kinerja\t\t\t\t\t\tDraft Pengukuran Kinerja\t1 hari\tDraft Pengukuran Kinerja\t",
    "6.\tMenbuat konsep dokumen pengukuran kinerja dan mengajukan kepada kepala dinas\t\t\t\t\t\tKonsep Dokumen Pengukuran Kinerja\t1 hari\tKonsep Dokumen Pengukuran Kinerja\t",
    "7.\tMemeriksa konsep dokumen pengukuran kinerja jika hasilnya tercapai ditanda tangani dan digunakan untuk penilaian SAKIP dan jika tidak tercapai maka dikembalikan untuk dibuat rencana aksi\t\t\t\t\t\tKonsep Dokumen Pengukuran Kinerja\t1 hari\tDokumen Pengukuran Kinerja\t",
    "8.\tMenandatangani dokumen pengukuran kinerja\t\t\t\t\t\tDokumen Pengukuran Kinerja\t1 hari\tDokumen Pengukuran Kinerja yang telah ditandatangani\t",
    "9.\tMendokumentasikan dokumen pengukuran kinerja untuk penilaian SAKIP\t\t\t\t\t\tDokumen Pengukuran Kinerja yang telah ditandatangani\t1 hari\tArsip\t",
  ].join("\n"),
  "setwan-balangan": [
    "No\tUraian Kegiatan\tPelaksana\t\t\t\tMutu Baku\t\t\t",
    "\t\tSekretaris DPRD\tKabag/ Kasubag\tTim Penyusun SAKIP/LAKIP\tStaf\tKelengkapan\tWaktu\tOutput\tKet",
    "1.\tMemerintahkan melaksanakan pengukuran kinerja\t\t\t\t\tStruktur organisasi, surat perintah\t20 Menit\tDisposisi perintah, surat\t",
    "2.\tPengumpulan tim pelaksana Pengukuran kinerja\t\t\t\t\tanggota tim\t1 jam\tTim perumus\t",
    "3.\tMenyusun konsep pengukuran kinerja\t\t\t\t\ttim\t1 hari\tDraf pengukuran kinerja\t",
    "4.\tMenghimpun data rencana kinerja dan menyusun konsep laporan\t\t\t\t\tkonsep\t2 hari\tKonsep laporan, data-data\t",
    "5.\tLaporan Kasubag / kabag kepada Sekretaris DPRD terkait data pengukuran kinerja masing-masing bagian\t\t\t\t\tKonsep laporan\t1 hari\tKonsep laporan, data-data\t",
    "6.\tMelakukan rapat internal dengan tim Pengukuran kinerja\t\t\t\t\tData dan laporan\t2 jam\tLaporan kinerja\t",
    "7.\tHasil Laporan Pengukuran kinerja\t\t\t\t\tLaporan Pengukuran Kinerja yang telah selesai\t2 hari\tLaporan Kinerja yang sudah siap\t",
  ].join("\n"),
  "bmcktr-sumbar": [
    "No\tUraian Prosedur Pengukuran Kinerja\tPelaksana\t\t\t\t\tMutu Baku\t\t\tKet",
    "\t\tKepala Dinas\tSekretaris\tBidang\tTim SAKIP\tSubag Perencanaan\tKelengkapan\tWaktu\tOutput\t",
    "1\tKepala Dinas memerintahkan Sekretaris untuk melakukan pengukuran kinerja\t\t\t\t\t\tLaporan Hasil Analisa Data Kinerja\t10 menit\tNota Kepala Dinas\t",
    "2\tSekretaris melakukan rapat dengan tim SAKIP untuk memberikan arahan pelaksanaan kegiatan pengukuran kinerja\t\t\t\t\t\tNota Kepala Dinas\t2 Jam\tNotulen Rapat\t",
    "3\tTim SAKIP menyiapkan data format pengukuran kinerja dan realisasi keuangan berdasarkan Perjanjian Kinerja dan Rencana Aksi dan mendistribusikannya kepada Sekretaris\t\t\t\t\t\tNotulen Rapat\t1 Jam\tFormat Realisasi Rencana Aksi Akuntabilitas Kinerja\t",
    "4\tSekretaris dan Bidang mengisi format pengukuran kinerja dan realisasi keuangan dan menyiapkan data dukung kemudian menyerahkan kembali kepada Tim SAKIP\t\t\t\t\t\tFormat Realisasi Rencana Aksi Akuntabilitas Kinerja\t2 Hari\t1. Draf Realisasi Rencana Aksi Akuntabilitas Kinerja 2. Lampiran Data Dukung\t",
    "5\tTim SAKIP menyusun Laporan Hasil pengukuran kinerja dan Realisasi Keuangan dan melaporkannya kepada Sekretaris\t\t\t\t\t\t1. Draf Realisasi Rencana Aksi Akuntabilitas Kinerja 2. Lampiran Data Dukung\t2 Hari\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t",
    "6\tSekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas\t\t\t\t\t\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t30 Menit\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t",
    "7\tKepala Dinas, Sekretaris, bersama Tim SAKIP menganalisa hasil pengukuran kinerja yang telah diserahkan, apabila setuju akan digunakan sebagai bahan untuk evaluasi internal, jika tidak maka dikembalikan untuk dilengkapi\t\t\t\t\t\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t2 Jam\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t",
    "8\tSekretaris melaporkan hasil pengukuran kinerja kepada Kepala Dinas\t\t\t\t\t\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t30 Menit\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t",
    "9\tSubbag Perencanaan mengunggah Realisasi Rencana Aksi Akuntabilitas Kinerja Triwulanan pada aplikasi esr.menpan.go.id dan mengarsipkannya\t\t\t\t\t\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t2 Menit\tRealisasi Rencana Aksi Akuntabilitas Kinerja\t",
  ].join("\n"),
};

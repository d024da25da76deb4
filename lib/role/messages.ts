import type { TDesignatablePermission } from "@/lib/authz/permissions";

/** The role screen and the role service's refusals (Bahasa Indonesia). */
export const ROLE_MESSAGES = {
  title: "Peran",
  subtitle:
    "Peran adalah pelaksana langkah SOP (kolom Pelaksana) dan menentukan siapa boleh melakukan apa. Kode peran dibuat otomatis dari namanya dan tidak berubah saat peran diganti nama.",
  addTitle: "Tambah peran",
  name: "Nama peran",
  nameHint: "Seperti tertulis di kolom Pelaksana SOP, misalnya Kepala Bidang Bina Marga.",
  isHead: "Kepala instansi (menandatangani dan memberlakukan SOP)",
  isHeadShort: "Kepala instansi",
  add: "Tambah peran",
  added: (name: string) => `Peran “${name}” ditambahkan.`,
  saved: "Peran disimpan.",
  rename: "Ganti nama",
  renameLabel: (name: string) => `Nama baru untuk “${name}”`,
  save: "Simpan",
  cancel: "Batal",
  makeHead: "Jadikan kepala instansi",
  headMoved: (name: string) => `“${name}” sekarang peran kepala instansi.`,
  moveUp: (name: string) => `Naikkan ${name}`,
  moveDown: (name: string) => `Turunkan ${name}`,
  reordered: "Urutan peran disimpan.",
  delete: "Hapus",
  deleteConfirm: (name: string) => `Hapus peran “${name}”? Peran yang masih dipakai tidak dapat dihapus.`,
  deleted: (name: string) => `Peran “${name}” dihapus.`,
  code: (code: string) => `Kode ${code}`,
  usage: (members: number, steps: number, tasks: number) =>
    [members ? `${members} anggota` : null, steps ? `${steps} langkah SOP` : null, tasks ? `${tasks} tugas siklus` : null].filter(Boolean).join(" · ") ||
    "Belum dipakai",
  reserved: "Peran bawaan",
  reservedHint: "Administrator dan Auditor Inspektorat ada di setiap instansi dan tidak dapat diubah atau dihapus.",
  capabilities: "Hak peran ini",
  capabilitiesSaved: "Hak peran disimpan.",
  saveCapabilities: "Simpan hak",
  implied: "sudah termasuk",
  headNone: "Belum ada peran kepala instansi: tanpa kepala, tidak ada yang dapat memberlakukan SOP.",
  empty: "Belum ada peran selain peran bawaan. Tambahkan peran sesuai kolom Pelaksana SOP instansi Anda.",
  readOnly: "Hanya administrator instansi yang dapat mengubah peran.",
  // Refusals
  notFound: "Peran tidak ditemukan.",
  nameTaken: (name: string) => `Sudah ada peran bernama “${name}” di instansi ini.`,
  reservedLocked: "Peran bawaan (Administrator, Auditor Inspektorat) tidak dapat diubah atau dihapus.",
  reservedNoCapabilities: "Hak peran bawaan sudah ditetapkan dan tidak dapat diubah di sini.",
  inUse: (name: string, uses: string) => `Peran “${name}” tidak dapat dihapus karena masih dipakai: ${uses}. Ganti pelaksana atau peran anggota tersebut terlebih dahulu.`,
  useSteps: (n: number, where: string) => `${n} langkah SOP (${where})`,
  useTasks: (n: number) => `${n} tugas siklus (riwayat siklus menyimpannya)`,
  useMembers: (n: number, who: string) => `${n} anggota (${who})`,
  more: (n: number) => `dan ${n} lainnya`,
  stepRef: (nomor: string, version: number, step: number) => `${nomor} v${version} langkah ${step}`,
  alreadyHead: "Peran ini sudah menjadi kepala instansi.",
  orderMismatch: "Daftar peran berubah sejak halaman dibuka. Muat ulang halaman lalu atur urutannya lagi.",
} as const;

/** What a role may be allowed to do, as the role screen names it. */
export const CAPABILITY_LABELS: Record<TDesignatablePermission, { label: string; hint: string }> = {
  "sop.edit": { label: "Menyusun SOP", hint: "Membuat, mengimpor, dan mengubah draf SOP." },
  "sop.activate": { label: "Memberlakukan SOP", hint: "Mengesahkan versi SOP (selain kepala instansi)." },
  "performance.manage": { label: "Mengelola Perjanjian Kinerja", hint: "Perjanjian Kinerja, indikator, target triwulan, dan realisasi anggaran." },
  "realization.verify": { label: "Memverifikasi realisasi", hint: "Memeriksa dan memverifikasi realisasi kinerja unit (Tim SAKIP)." },
};

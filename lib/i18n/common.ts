import { ERROR_WORDS } from "./error-words";

/** The words every page shares, in a module of their own (id.ts uses them as `t.common`): a client module needing a few of them imports these, not the dictionary. */
export const COMMON = {
  save: "Simpan",
  cancel: "Batal",
  back: "Kembali",
  saving: "Menyimpan…",
  loading: "Memuat…",
  yes: "Ya",
  no: "Tidak",
  active: "Aktif",
  inactive: "Nonaktif",
  none: "-",
  notFoundTitle: "Halaman tidak ditemukan",
  notFoundBody: "Alamat ini tidak ada atau Anda tidak memiliki akses ke sana.",
  toHome: "Ke beranda",
  /** The error page's words (errorTitle, busyTitle, errorBody, tryAgain), in a module of their own for app/error.tsx. */
  ...ERROR_WORDS,
};

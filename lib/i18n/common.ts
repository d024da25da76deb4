/** The words every page shares, in a module of their own (id.ts uses them as `t.common`): the root error boundary (a client component) imports only these. */
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
  errorTitle: "Terjadi kesalahan",
  /** The error page's title for a busy database; its text is the busy message (lib/cli/busy.mjs). */
  busyTitle: "Server sedang sibuk",
  errorBody: "Permintaan tidak dapat diproses. Silakan coba lagi; jika berulang, hubungi administrator.",
  tryAgain: "Coba lagi",
};

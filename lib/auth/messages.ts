/** Account pages: first sign-in password change, set-password links (Bahasa Indonesia). */
export const ACCOUNT_MESSAGES = {
  changeTitle: "Ganti kata sandi",
  changeForcedIntro: (name: string) =>
    `Selamat datang, ${name}. Kata sandi Anda dibuat oleh administrator: pilih kata sandi Anda sendiri sebelum melanjutkan.`,
  changeIntro: "Pilih kata sandi baru untuk akun Anda.",
  currentPassword: "Kata sandi saat ini",
  currentPasswordForcedHint: "Kata sandi sementara yang Anda terima.",
  newPassword: "Kata sandi baru",
  newPasswordHint: "Minimal 10 karakter; jangan memakai NIP atau kata sandi lama.",
  confirmPassword: "Ulangi kata sandi baru",
  submit: "Simpan kata sandi",
  submitting: "Menyimpan…",
  changed: "Kata sandi tersimpan.",
  setTitle: "Atur kata sandi",
  setIntro: (name: string) => `Atur kata sandi untuk akun ${name}. Tautan ini hanya dapat dipakai sekali.`,
  setDone: "Kata sandi tersimpan. Silakan masuk dengan NIP atau email dan kata sandi baru Anda.",
  toSignIn: "Masuk",
  linkInvalidTitle: "Tautan tidak berlaku",
  linkInvalid: "Tautan tidak berlaku. Minta tautan baru kepada administrator yang membuat akun Anda.",
  // Refusals
  mismatch: "Kedua isian kata sandi baru tidak sama.",
  sameAsOld: "Kata sandi baru harus berbeda dari kata sandi saat ini.",
  containsNip: "Kata sandi tidak boleh memuat NIP Anda.",
  wrongCurrent: "Kata sandi saat ini salah.",
  throttled: "Terlalu banyak percobaan yang gagal. Tunggu 15 menit lalu coba lagi.",
  signInFirst: "Masuk terlebih dahulu untuk mengganti kata sandi.",
} as const;

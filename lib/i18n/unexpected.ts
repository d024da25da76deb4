/**
 * The message of a failed request that changed nothing (id.ts `t.errors.unexpected`), in a module
 * of its own: client forms import this one string, not the dictionary nor the common words
 * (docs/decisions/039-lean-first-load.md).
 */
export const UNEXPECTED_ERROR = "Terjadi kesalahan pada server. Tidak ada data yang diubah. Silakan coba lagi.";

/**
 * Sharing to WhatsApp as a deep link (https://wa.me/?text=…): the message says
 * what it is about, which cycle or period, and the absolute link to the exact
 * page, which after sign-in opens that page (lib/auth/callback.ts). No phone
 * number: the person picks the chat in WhatsApp. Pure.
 */
export interface TShareMessage {
  /** "Tugas: Langkah 7 · Memeriksa laporan (Kepala Dinas)". */
  what: string;
  /** "Siklus Triwulan II 2026 · SOP 800/01/2026" or "Triwulan II 2026". */
  context: string;
  /** The page's path in the app ("/a/dinas/cycles/abc"). */
  path: string;
}

export const SHARE_MESSAGES = {
  label: "Bagikan ke WhatsApp",
  task: (step: number, kegiatan: string, role: string) => `Tugas: Langkah ${step} · ${kegiatan} (${role})`,
  returned: (code: string, name: string) => `Realisasi dikembalikan untuk diperbaiki: ${code} ${name}`,
  report: "Rekap pengukuran kinerja",
  cycle: (period: string, year: number, nomor: string) => `Siklus ${period} ${year} · SOP ${nomor}`,
  period: (quarter: string, year: number) => `${quarter} ${year}`,
  open: "Buka:",
} as const;

/** The text of the message: what, which cycle or period, and the link (alone on its line, so WhatsApp makes it tappable). */
export function shareText(message: TShareMessage, baseUrl: string): string {
  const url = `${baseUrl.replace(/\/+$/, "")}${message.path.startsWith("/") ? "" : "/"}${message.path}`;
  return `${message.what}\n${message.context}\n${SHARE_MESSAGES.open} ${url}`;
}

export function whatsappLink(message: TShareMessage, baseUrl: string): string {
  return `https://wa.me/?text=${encodeURIComponent(shareText(message, baseUrl))}`;
}

import { BUSY_MESSAGE } from "@/lib/cli/busy.mjs";

/**
 * The message of a failed request that changed nothing (id.ts `t.errors.unexpected`), in a module
 * of its own: client forms import this one string, not the dictionary nor the common words
 * (docs/decisions/039-lean-first-load.md).
 */
export const UNEXPECTED_ERROR = "Terjadi kesalahan pada server. Tidak ada data yang diubah. Silakan coba lagi.";

/**
 * What a form says when its server action threw instead of answering: the busy message when the
 * server turned the call away (the render gate's 503, docs/decisions/085-action-gate.md; Next's
 * client throws a text/plain answer's body as the error's message), else UNEXPECTED_ERROR.
 */
export function unansweredMessage(error: unknown): string {
  return error instanceof Error && error.message.trim() === BUSY_MESSAGE ? BUSY_MESSAGE : UNEXPECTED_ERROR;
}

/**
 * The root error page's words (app/error.tsx, a client component on every page): only these go to the
 * browser with it, not the rest of COMMON (which spreads them, so `t.common` is unchanged).
 * docs/decisions/080-first-load-js-margin.md
 */
export const ERROR_WORDS = {
  errorTitle: "Terjadi kesalahan",
  /** The error page's title for a busy database; its text is the busy message (lib/cli/busy.mjs). */
  busyTitle: "Server sedang sibuk",
  errorBody: "Permintaan tidak dapat diproses. Silakan coba lagi; jika berulang, hubungi administrator.",
  tryAgain: "Coba lagi",
};

/**
 * What every "the server is busy" answer shares: the render gate's 503 (lib/cli/render-gate.mjs,
 * docs/decisions/059-render-gate.md), a route's or an action's answer to a busy database
 * (lib/http/busy.ts, docs/decisions/074-busy-database.md) and the error page of a page render that
 * met one (app/error.tsx, docs/decisions/079-busy-page.md).
 *
 * Plain JavaScript without imports: the production web process loads it without tsx, and the error
 * page, a client component, takes its words from here too.
 */

/** What a person who is turned away reads (UI text is Indonesian). */
export const BUSY_MESSAGE = "Server sedang sibuk melayani banyak permintaan. Silakan coba lagi dalam beberapa detik.";

/** The `Retry-After` of every busy answer: one typical render time under load (decision 059). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The `digest` of the error a busy database is thrown as (lib/db/busy.ts). Next keeps a digest the
 * error already has (it computes one only for errors without) and hands it to the error page in the
 * browser, which shows the busy message instead of the generic one. Not one of Next's own digests
 * (NEXT_REDIRECT, NEXT_HTTP_ERROR_FALLBACK;…, BAILOUT_TO_CLIENT_SIDE_RENDERING, DYNAMIC_SERVER_USAGE).
 */
export const BUSY_DIGEST = "ALUR_DATABASE_BUSY";

/**
 * The hand-over of decision 075 between the two render passes of one document request: the
 * server component (React Flight, the RSC payload) puts a long HTML string here and sends
 * only a short key in the payload; the client component HtmlOnce, rendered to HTML by the
 * SSR pass of the same request in the same process, takes the string back by that key and
 * writes it into the markup. The string is then in the page once (the markup) instead of
 * twice (the markup and the payload inlined for hydration, escaped by Next).
 *
 * Shared by both passes through globalThis: Next bundles the RSC and SSR layers separately,
 * so a module-level Map would be two Maps. An entry lives from the Flight render to the SSR
 * render of the same request (milliseconds); one never taken (an aborted request) is dropped
 * after STASH_TTL_MS. Nothing here outlives a request or is shared between requests: a key
 * is unique in the process and reaches only the SSR pass of the request that made it.
 */
const STASH_KEY = Symbol.for("alur.html-once.stash");
/** An entry not taken within this time belongs to a request that ended without its SSR pass. */
export const STASH_TTL_MS = 30_000;

interface TStash {
  next: number;
  entries: Map<string, { html: string; at: number }>;
}

function stash(): TStash {
  const g = globalThis as typeof globalThis & { [STASH_KEY]?: TStash };
  return (g[STASH_KEY] ??= { next: 0, entries: new Map() });
}

/** Keeps `html` for the SSR pass of this request; returns its key (short, unique in the process). */
export function putHtml(html: string, now = Date.now()): string {
  const s = stash();
  // Oldest first (a Map keeps insertion order): drop what an ended request left behind.
  for (const [key, entry] of s.entries) {
    if (now - entry.at < STASH_TTL_MS) break;
    s.entries.delete(key);
  }
  const key = (s.next++).toString(36);
  s.entries.set(key, { html, at: now });
  return key;
}

/** The string kept under `key`, removed (each is written into the markup once); undefined when absent. */
export function takeHtml(key: string): string | undefined {
  const s = stash();
  const entry = s.entries.get(key);
  if (!entry) return undefined;
  s.entries.delete(key);
  return entry.html;
}

/** How many strings wait for their SSR pass (tests). */
export function pendingHtml(): number {
  return stash().entries.size;
}

import { LRUCache } from "lru-cache";

/**
 * The in-process caches of markup rendered once per content (the SOP document and its drawing,
 * decisions 052 and 065; the recap, 072; an ended timeline, 077): the key is the data shown, the
 * value what it renders to, so nothing is ever invalidated, only pushed out. Each is bounded twice
 * (docs/decisions/081-rss-peak.md): in entries, and in characters of key + value. A count alone does
 * not bound memory: the entries are as long as the SOP or the timeline is, and 200 SOP documents
 * of 150 steps would hold tens of MB of old generation under the heap limit (067). V8 keeps a
 * string in one byte per character when all its characters are Latin-1, two otherwise, so
 * `maxChars` characters are at most 2 × `maxChars` bytes. The least recently used entry goes first;
 * an entry larger than the whole budget is not kept (it is rendered on every request, as before 065).
 *
 * `charsOf(value)`: the characters the value holds (the string's length; an estimate for an object).
 */
export function contentCache<V extends NonNullable<unknown>>(
  maxEntries: number,
  maxChars: number,
  charsOf: (value: V) => number,
): LRUCache<string, V> {
  return new LRUCache<string, V>({
    max: maxEntries,
    maxSize: maxChars,
    // lru-cache wants a positive whole number; an empty key and value still take a place.
    sizeCalculation: (value, key) => Math.max(1, key.length + charsOf(value)),
  });
}

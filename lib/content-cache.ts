/**
 * The in-process caches of markup rendered once per content (the SOP document and its drawing,
 * decisions 052 and 065; the recap, 072; an ended timeline, 077): the key is the data shown, the
 * value what it renders to, so nothing is ever invalidated, only pushed out. Each is bounded twice:
 * in entries, and in characters of key + value (docs/decisions/081-rss-peak.md). A count alone does
 * not bound memory: the entries are as long as the SOP or the timeline is, and 200 SOP documents
 * of 150 steps would hold tens of MB of old generation under a 256–320 MB heap limit (067). V8
 * keeps a string in one byte per character when all its characters are Latin-1, two otherwise, so
 * `maxChars` characters are at most 2 × `maxChars` bytes. The oldest entry goes first; an entry
 * larger than the whole budget is not kept (it is rendered on every request, as before 065).
 */
export class ContentCache<V> {
  private readonly entries = new Map<string, { value: V; chars: number }>();
  private held = 0;

  /** `charsOf(value)`: the characters the value holds (the string's length; an estimate for an object). */
  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
    private readonly charsOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    const chars = key.length + this.charsOf(value);
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.chars;
    }
    if (chars > this.maxChars) return;
    // Oldest first (a Map keeps insertion order).
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size < this.maxEntries && this.held + chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.held -= entry.chars;
    }
    this.entries.set(key, { value, chars });
    this.held += chars;
  }

  /** Entries kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Characters held by the keys and values kept (≤ maxChars). */
  get chars(): number {
    return this.held;
  }
}

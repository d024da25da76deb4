import { describe, expect, it } from "vitest";

import { contentCache } from "@/lib/content-cache";

/**
 * The caches of markup rendered once per content are bounded in characters, not only in entries
 * (docs/decisions/081-rss-peak.md): an entry is as long as the SOP or the timeline it shows, so a
 * count alone lets a process keep tens of MB of old generation under its 256 MB heap limit.
 */
describe("a cache of rendered content", () => {
  const text = (chars: number, fill = "a") => fill.repeat(chars);

  it("drops the least recently used entries once the characters of its keys and values pass the limit", () => {
    const cache = contentCache<string>(100, 1_000, (v) => v.length);
    cache.set("k1", text(398));
    cache.set("k2", text(398));
    expect(cache.calculatedSize).toBe(800);
    cache.set("k3", text(398));
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k2")).toHaveLength(398);
    expect(cache.get("k3")).toHaveLength(398);
    expect(cache.size).toBe(2);
    expect(cache.calculatedSize).toBe(800);
  });

  it("still drops the least recently used entry at the entry limit", () => {
    const cache = contentCache<string>(2, 1_000_000, (v) => v.length);
    for (const key of ["a", "b", "c"]) cache.set(key, key);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "b", "c"]);
  });

  it("keeps nothing larger than the whole limit, and counts a replaced entry once", () => {
    const cache = contentCache<string>(10, 1_000, (v) => v.length);
    cache.set("small", text(10));
    cache.set("huge", text(2_000));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("small")).toHaveLength(10);
    cache.set("small", text(20));
    expect(cache.calculatedSize).toBe("small".length + 20);
    expect(cache.size).toBe(1);
  });

  it("keeps an entry that is read, and drops the one nobody read since", () => {
    const cache = contentCache<string>(2, 1_000_000, (v) => v.length);
    cache.set("a", "a");
    cache.set("b", "b");
    expect(cache.get("a")).toBe("a");
    cache.set("c", "c");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["a", undefined, "c"]);
  });
});

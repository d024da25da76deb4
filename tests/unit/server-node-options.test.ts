import { describe, expect, it } from "vitest";

import {
  checkWebMemoryConfig,
  DEFAULT_MALLOC_ARENA_MAX,
  DEFAULT_WEB_HEAP_MB,
  serverNodeOptions,
  webHeapMb,
  WebHeapConfigError,
  webProcessEnv,
} from "@/lib/cli/server-node-options";

describe("the heap limit of a web process (docs/decisions/067-memory-limits.md)", () => {
  it("bounds the old and the young generation by default", () => {
    expect(serverNodeOptions(undefined, {})).toBe(`--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8`);
  });

  it("keeps one process under ~400 MB at its peak: 256 MB of old generation by default (docs/decisions/081-rss-peak.md)", () => {
    expect(DEFAULT_WEB_HEAP_MB).toBe(256);
    expect(serverNodeOptions(undefined, {})).toBe("--max-old-space-size=256 --max-semi-space-size=8");
  });

  it("takes the operator's ALUR_WEB_HEAP_MB", () => {
    expect(serverNodeOptions(undefined, { ALUR_WEB_HEAP_MB: " 512 " })).toBe("--max-old-space-size=512 --max-semi-space-size=8");
  });

  it("puts the operator's NODE_OPTIONS last, so they win over the defaults", () => {
    expect(serverNodeOptions("--max-old-space-size=2048 --enable-source-maps", {})).toBe(
      `--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8 --max-old-space-size=2048 --enable-source-maps`,
    );
  });

  it.each(["abc", "100", "1.5", "-512", "512MB", "70000"])("refuses ALUR_WEB_HEAP_MB=%s with a message in Indonesian", (raw) => {
    expect(() => webHeapMb({ ALUR_WEB_HEAP_MB: raw })).toThrow(WebHeapConfigError);
    expect(() => webHeapMb({ ALUR_WEB_HEAP_MB: raw })).toThrow(`ALUR_WEB_HEAP_MB harus bilangan bulat 192–65536 (MB heap per proses web), bukan "${raw}".`);
  });
});

describe("the environment a web process is spawned with (docs/decisions/073-process-memory.md)", () => {
  it("limits glibc's malloc arenas to 2 beside the heap flags", () => {
    expect(webProcessEnv({}, undefined)).toEqual({
      NODE_OPTIONS: `--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8`,
      MALLOC_ARENA_MAX: String(DEFAULT_MALLOC_ARENA_MAX),
    });
    expect(DEFAULT_MALLOC_ARENA_MAX).toBe(2);
  });

  it("keeps the operator's MALLOC_ARENA_MAX, ALUR_WEB_HEAP_MB and NODE_OPTIONS", () => {
    expect(webProcessEnv({ MALLOC_ARENA_MAX: " 16 ", ALUR_WEB_HEAP_MB: "512" }, "--enable-source-maps")).toEqual({
      NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=8 --enable-source-maps",
      MALLOC_ARENA_MAX: "16",
    });
  });

  it("puts the NODE_OPTIONS it is given after the heap flags, not the environment's (the test server's env option can drop them)", () => {
    expect(webProcessEnv({ NODE_OPTIONS: "--inspect" }, undefined).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8`);
    expect(webProcessEnv({}, "--cpu-prof").NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8 --cpu-prof`);
  });

  it.each(["0", "abc", "2.5", "-1", "1025"])("refuses MALLOC_ARENA_MAX=%s before anything starts, with a message in Indonesian", (raw) => {
    expect(() => checkWebMemoryConfig({ MALLOC_ARENA_MAX: raw })).toThrow(WebHeapConfigError);
    expect(() => webProcessEnv({ MALLOC_ARENA_MAX: raw }, undefined)).toThrow(`MALLOC_ARENA_MAX harus bilangan bulat 1–1024 (arena malloc per proses web), bukan "${raw}".`);
  });

  it("checks ALUR_WEB_HEAP_MB too", () => {
    expect(() => checkWebMemoryConfig({ ALUR_WEB_HEAP_MB: "100" })).toThrow(WebHeapConfigError);
    expect(() => checkWebMemoryConfig({ ALUR_WEB_HEAP_MB: "320", MALLOC_ARENA_MAX: "2" })).not.toThrow();
  });
});

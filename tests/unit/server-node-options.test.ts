import { describe, expect, it } from "vitest";

import { DEFAULT_WEB_HEAP_MB, serverNodeOptions, webHeapMb, WebHeapConfigError } from "@/lib/cli/server-node-options";

describe("the heap limit of a web process (docs/decisions/067-memory-limits.md)", () => {
  it("bounds the old and the young generation by default", () => {
    expect(serverNodeOptions(undefined, {})).toBe(`--max-old-space-size=${DEFAULT_WEB_HEAP_MB} --max-semi-space-size=8`);
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

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { foldHref, readFolds } from "@/lib/cycle/folds";

/**
 * Issue #16, directions 1 and 3 (docs/decisions/027-lazy-cycle-page.md): a server
 * action returns its small result and never revalidates a path (that renders the
 * whole page tree into the action's response); the calling form refreshes the view.
 */
describe("writes do not render", () => {
  it("no server action module calls revalidatePath or revalidateTag", async () => {
    const root = path.resolve("lib");
    const offenders: string[] = [];
    for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/(^|-)actions\.ts$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (/\brevalidate(Path|Tag)\s*\(/.test(await readFile(file, "utf8"))) offenders.push(path.relative(root, file));
    }
    expect(offenders).toEqual([]);
  });
});

describe("cycle page folds (?buka=)", () => {
  it("reads the opened folds, ignoring unknown names", () => {
    const r = readFolds({ buka: "riwayat,xss<script>,alur" });
    expect([...r.opened].sort()).toEqual(["alur", "riwayat"]);
    expect(r.allHistory).toBe(false);
    expect(readFolds({ buka: ["rekap", "alur"], riwayat: "semua" })).toEqual({ opened: new Set(["rekap", "alur"]), allHistory: true });
    expect(readFolds({}).opened.size).toBe(0);
  });

  it("links to the page with one more fold opened, keeping the others in a stable order", () => {
    const path = "/a/x/cycles/c1";
    expect(foldHref(path, readFolds({}), "riwayat")).toBe(`${path}?buka=riwayat`);
    expect(foldHref(path, readFolds({ buka: "rekap" }), "alur")).toBe(`${path}?buka=alur,rekap`);
    expect(foldHref(path, readFolds({ buka: "riwayat" }), "riwayat", { allHistory: true })).toBe(`${path}?buka=riwayat&riwayat=semua`);
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import * as lucide from "lucide-react";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import * as serverIcons from "@/components/ui/icons";

/**
 * docs/decisions/068-server-icons.md: server components draw lucide's icons as plain <svg> elements
 * (components/ui/icons.ts) instead of lucide-react's client components. A reader must see exactly
 * what lucide-react drew: the same bytes from react-dom/server for the same props.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

type TProps = Record<string, unknown>;
const VARIANTS: TProps[] = [
  {},
  { className: "size-4" },
  { className: "size-4 shrink-0 text-amber-700", "aria-hidden": true },
  { className: "size-3.5", "aria-hidden": "true" },
  { size: 16, strokeWidth: 1.5 },
  { width: 20, height: 18, color: "red" },
  { absoluteStrokeWidth: true, size: 48 },
  { nonScalingStroke: true },
  { "aria-label": "Selesai", role: "img" },
  { className: "lucide extra  extra", "data-testid": "ikon", focusable: "false" },
];

describe("server icons", () => {
  const names = Object.keys(serverIcons).filter((n) => typeof (serverIcons as Record<string, unknown>)[n] === "function");

  it("cover the icons the server components use, each under lucide-react's name", () => {
    expect(names.length).toBeGreaterThanOrEqual(35);
    for (const name of names) expect(lucide, name).toHaveProperty(name);
  });

  it.each(names)("%s renders the same markup as lucide-react's component", (name) => {
    const ours = (serverIcons as unknown as Record<string, ComponentType<TProps>>)[name]!;
    const theirs = (lucide as unknown as Record<string, ComponentType<TProps>>)[name]!;
    for (const props of VARIANTS) {
      const expected = renderToStaticMarkup(createElement(theirs, props));
      expect(expected).toMatch(/^<svg [^>]*class="lucide lucide-/);
      expect(renderToStaticMarkup(createElement(ours, props)), JSON.stringify(props)).toBe(expected);
    }
    const titled = (c: ComponentType<TProps>) => renderToStaticMarkup(createElement(c, { className: "size-4" }, createElement("title", null, "Arsip")));
    expect(titled(ours)).toBe(titled(theirs));
  });

  it("no server component imports lucide-react: its icons are client references (one each in the RSC payload)", async () => {
    const offenders: string[] = [];
    let serverModules = 0;
    for (const dir of ["app", "components"]) {
      for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith(".d.ts")) continue;
        const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name));
        const source = await readFile(path.join(ROOT, rel), "utf8");
        if (/^["']use client["']/m.test(source) || rel === "components/ui/icons.ts") continue;
        serverModules++;
        if (/\bfrom\s+["']lucide-react(\/[^"']*)?["']|\bimport\(\s*["']lucide-react/.test(source)) offenders.push(rel);
      }
    }
    expect(serverModules).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
    expect(await readFile(path.join(ROOT, "components/ui/icons.ts"), "utf8")).not.toMatch(/^["']use client["']/m);
  });
});

import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import * as lucide from "lucide-react";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import * as serverIcons from "@/components/ui/icons";
import * as sharedIcons from "@/components/ui/icons-shared";

/**
 * docs/decisions/068-server-icons.md: server components draw lucide's icons as plain <svg> elements
 * (components/ui/icons.ts) instead of lucide-react's client components. A reader must see exactly
 * what lucide-react drew: the same bytes from react-dom/server for the same props.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const ICON_MODULES = ["components/ui/icon-svg.ts", "components/ui/icons.ts", "components/ui/icons-shared.ts"];

/** The app's .ts/.tsx modules under app/ and components/, with their source. */
async function appModules(): Promise<{ rel: string; source: string }[]> {
  const out: { rel: string; source: string }[] = [];
  for (const dir of ["app", "components"]) {
    for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith(".d.ts")) continue;
      const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      out.push({ rel, source: await readFile(path.join(ROOT, rel), "utf8") });
    }
  }
  return out;
}
const isClient = (source: string) => /^["']use client["']/m.test(source);

/** The app files a module loads with it (static value imports, "@/…" and relative; not into "use server" modules). */
async function staticFiles(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(path.join(ROOT, from)), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((c) => /\.tsx?$/.test(c) && existsSync(c));
    return found ? path.relative(ROOT, found) : null;
  };
  const visit = async (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const source = await readFile(path.join(ROOT, rel), "utf8");
    if (/^["']use server["']/m.test(source) && rel !== entry) return;
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\s*from\s+"([^"]+)";/gms)) {
      if (m[1] || !(m[2]!.startsWith("@/") || m[2]!.startsWith("."))) continue;
      const target = resolve(rel, m[2]!);
      if (target) await visit(target);
    }
  };
  await visit(entry);
  return seen;
}

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
  const all = { ...sharedIcons, ...serverIcons } as unknown as Record<string, unknown>;
  const names = Object.keys(all).filter((n) => typeof all[n] === "function");

  it("cover the icons the server components use, each under lucide-react's name", () => {
    expect(names.length).toBeGreaterThanOrEqual(35);
    for (const name of names) expect(lucide, name).toHaveProperty(name);
  });

  it.each(names)("%s renders the same markup as lucide-react's component", (name) => {
    const ours = all[name] as ComponentType<TProps>;
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
    const modules = await appModules();
    const server = modules.filter((m) => !isClient(m.source) && !ICON_MODULES.includes(m.rel));
    expect(server.length).toBeGreaterThan(50);
    const offenders = server.filter((m) => /\bfrom\s+["']lucide-react(\/[^"']*)?["']|\bimport\(\s*["']lucide-react/.test(m.source)).map((m) => m.rel);
    expect(offenders).toEqual([]);
    for (const rel of ICON_MODULES) expect(await readFile(path.join(ROOT, rel), "utf8"), rel).not.toMatch(/^["']use client["']/m);
  });

  it("no client module reaches components/ui/icons.ts, which would ship every icon's data (shared components use icons-shared.ts)", async () => {
    expect(await readFile(path.join(ROOT, "components/ui/icons.ts"), "utf8")).toMatch(/^import "server-only";$/m);
    const offenders: string[] = [];
    let sharedReached = false;
    for (const m of (await appModules()).filter((x) => isClient(x.source))) {
      const files = await staticFiles(m.rel);
      if (files.has("components/ui/icons.ts")) offenders.push(m.rel);
      if (files.has("components/ui/icons-shared.ts")) sharedReached = true;
    }
    expect(offenders).toEqual([]);
    // The shared icons exist for a reason: a client module renders a component that draws them.
    expect(sharedReached).toBe(true);
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * Issue 16, first-load JS ≤ 160 kB (docs/decisions/039-lean-first-load.md): what every page or
 * every form would download up front stays out of the static imports of client modules. The
 * figures themselves come from `npm run bench:js` after a build.
 */
async function clientModules(): Promise<{ file: string; source: string }[]> {
  const out: { file: string; source: string }[] = [];
  for (const dir of ["app", "components"]) {
    for (const entry of await readdir(path.resolve(dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const source = await readFile(file, "utf8");
      if (/^["']use client["']/m.test(source)) out.push({ file: path.relative(process.cwd(), file), source });
    }
  }
  return out;
}

/** The app's own modules a module imports for real (not `import type`), resolved to files. */
async function ownImports(file: string, source: string): Promise<string[]> {
  const out: string[] = [];
  for (const match of source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"((?:@\/|\.)[^"]+)";/gm)) {
    const spec = match[1]!;
    const base = spec.startsWith("@/") ? path.resolve(spec.slice(2)) : path.resolve(path.dirname(file), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
      const found = await readFile(candidate, "utf8").then(() => candidate, () => null);
      if (found && /\.tsx?$/.test(found)) {
        out.push(path.relative(process.cwd(), found));
        break;
      }
    }
  }
  return out;
}

const statically = (source: string, module: string) => new RegExp(`^import[^;]*from "${module.replace(/[/.]/g, "\\$&")}";`, "m").test(source);

describe("lean first load", () => {
  it("no client module imports sonner statically (toast() from components/ui/toast fetches it with the first toast)", async () => {
    const offenders = (await clientModules()).filter((m) => statically(m.source, "sonner")).map((m) => m.file);
    expect(offenders).toEqual([]);
  });

  it("the frame of every page imports neither next-auth/react nor the whole message dictionary", async () => {
    const frame = (await clientModules()).filter((m) => /^components\/(layout|auth\/sign-out-button)|^app\/error\.tsx$/.test(m.file));
    expect(frame.map((m) => m.file)).toContain("components/layout/nav-links.tsx");
    const offenders = frame.filter((m) => statically(m.source, "next-auth/react") || statically(m.source, "@/lib/i18n")).map((m) => m.file);
    expect(offenders).toEqual([]);
  });

  it("the confirm dialog's Radix implementation is reached only through the lazy ConfirmDialog", async () => {
    const offenders = (await clientModules())
      .filter((m) => m.file !== "components/ui/confirm-dialog.tsx" && /from "(@\/components\/ui|\.)\/confirm-dialog-radix"/.test(m.source))
      .map((m) => m.file);
    expect(offenders).toEqual([]);
  });
  it("nothing a client module imports, however deep, imports a Node built-in (node:crypto alone ships a ~140 kB polyfill)", async () => {
    const seen = new Map<string, string>();
    const queue = (await clientModules()).map((m) => ({ file: m.file, source: m.source, from: m.file }));
    const offenders: string[] = [];
    while (queue.length) {
      const { file, source, from } = queue.shift()!;
      if (seen.has(file)) continue;
      seen.set(file, from);
      if (/^import\s+(?!type\s)[^;]*from\s+"node:[^"]+";/m.test(source)) offenders.push(`${file} (from ${from})`);
      for (const next of await ownImports(file, source)) {
        if (seen.has(next)) continue;
        const nextSource = await readFile(next, "utf8");
        // A "use server" module reaches the client as references to its actions, not as code.
        if (/^["']use server["']/m.test(nextSource)) continue;
        queue.push({ file: next, source: nextSource, from });
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});

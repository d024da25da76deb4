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
});

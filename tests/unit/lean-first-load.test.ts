import { existsSync } from "node:fs";
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

/**
 * Every module a client module loads with it: its static value imports, followed through the
 * app's own files ("@/…" and relative), not into server action modules ("use server": the client
 * gets references) and not through `import type` or `import()` (a lazily fetched chunk).
 * Returns the app files reached and the npm packages named.
 */
async function staticGraph(entry: string): Promise<{ files: Set<string>; packages: Set<string> }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const resolve = (from: string, spec: string): string | null => {
    const base = spec.startsWith("@/") ? path.resolve(spec.slice(2)) : path.resolve(path.dirname(from), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
      if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
    }
    return null;
  };
  const visit = async (file: string) => {
    const rel = path.relative(process.cwd(), file);
    if (files.has(rel)) return;
    files.add(rel);
    const source = await readFile(file, "utf8");
    if (/^["']use server["']/m.test(source) && rel !== entry) return;
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)";|^import\s+"([^"]+)";/gms)) {
      const [, typeOnly, clause = "", spec0, bare] = m;
      const spec = spec0 ?? bare!;
      if (typeOnly) continue;
      const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
      if (braces && braces[1]!.split(",").map((x) => x.trim()).filter(Boolean).every((x) => x.startsWith("type "))) continue;
      if (spec.startsWith("@/") || spec.startsWith(".")) {
        const target = resolve(file, spec);
        if (target) await visit(target);
      } else {
        packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    }
  };
  await visit(path.resolve(entry));
  return { files, packages };
}

// A type-only import is erased from the bundle, so it does not count.
const statically = (source: string, module: string) => new RegExp(`^import(?! type )[^;]*from "${module.replace(/[/.]/g, "\\$&")}";`, "m").test(source);

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

  // Every page's first load holds the root boundaries' chunks beside the frame's, and Turbopack copies
  // a module two of them import into each chunk: the error page's Button (with Radix's Slot, 1.9 kB
  // gzip; then buttonVariants with cva, 1 kB) and the 404 page's next/link (3.3 kB) were downloaded
  // twice on every page (decision 080).
  // (The 404 page is a server component: its words stay on the server; the error page, a client one, takes its four.)
  it.each(["app/error.tsx", "app/not-found.tsx"])("%s reaches neither the Button component nor next/link through its static imports", async (entry) => {
    const { files, packages } = await staticGraph(entry);
    expect([...files].filter((f) => f === "components/ui/button.tsx" || (entry === "app/error.tsx" && /^lib\/i18n\//.test(f) && f !== "lib/i18n/error-words.ts"))).toEqual([]);
    if (entry === "app/error.tsx") {
      expect(files).not.toContain("components/ui/button-variants.ts");
      expect(packages).not.toContain("class-variance-authority");
    }
    const linking: string[] = [];
    for (const f of files) if (statically(await readFile(f, "utf8"), "next/link")) linking.push(f);
    expect(linking).toEqual([]);
  });

  it("the confirm dialog's Radix implementation is reached only through the lazy ConfirmDialog", async () => {
    const offenders = (await clientModules())
      .filter((m) => m.file !== "components/ui/confirm-dialog.tsx" && /from "(@\/components\/ui|\.)\/confirm-dialog-radix"/.test(m.source))
      .map((m) => m.file);
    expect(offenders).toEqual([]);
  });
  // Issue 16's two form pages (decision 039, "The forms without their libraries"): the realization
  // form and the step holder's task panel load neither zod nor react-hook-form with the page, and
  // what only typing needs (the capaian arithmetic, the plausibility rules) comes with the first keystroke.
  const FORM_ENTRIES = [
    "components/performance/realization-form.tsx",
    "components/cycle/work-task-form.tsx",
    "components/cycle/decision-task-form.tsx",
    "components/cycle/cancel-cycle-form.tsx",
    "components/cycle/meeting-invitation-form.tsx",
  ];

  it.each(FORM_ENTRIES)("%s reaches neither zod nor react-hook-form, nor a schema module or the whole dictionary, through its static imports", async (entry) => {
    const { files, packages } = await staticGraph(entry);
    expect(files.size).toBeGreaterThan(3);
    expect([...packages].filter((p) => ["zod", "react-hook-form", "@hookform/resolvers", "next-auth", "sonner"].includes(p))).toEqual([]);
    const heavy = [...files].filter((f) => /^lib\/(.*\/schemas|i18n\/(index|id)|validation\/zod-.*)\.ts$/.test(f));
    expect(heavy).toEqual([]);
  });

  it("the realization page's client modules carry the form's words, not the whole performance dictionary", async () => {
    for (const entry of ["components/performance/realization-form.tsx", "components/performance/evidence.tsx", "components/performance/period-picker.tsx"]) {
      const { files } = await staticGraph(entry);
      expect([...files].filter((f) => /^lib\/performance\/(messages|workflow)\.ts$/.test(f))).toEqual([]);
    }
  });

  it("no client module reaches a Node built-in through its static imports (the bundler would ship a browser copy: node:crypto was 136 kB gzip)", async () => {
    const offenders: string[] = [];
    for (const m of await clientModules()) {
      const { packages } = await staticGraph(m.file);
      for (const p of packages) if (p.startsWith("node:") || ["crypto", "fs", "path", "stream", "buffer", "zlib"].includes(p)) offenders.push(`${m.file} -> ${p}`);
    }
    expect(offenders).toEqual([]);
  });

  it("the realization form fetches the capaian arithmetic and the plausibility rules when the value is typed, not with the page", async () => {
    const { files } = await staticGraph("components/performance/realization-form.tsx");
    expect([...files].filter((f) => /^(lib\/performance\/(capaian|plausibility|recap)|components\/performance\/realization-live)\.tsx?$/.test(f))).toEqual([]);
    const source = await readFile("components/performance/realization-form.tsx", "utf8");
    expect(source).toMatch(/import\("\.\/realization-live"\)/);
  });

  it("the realization card and the task panel are server components: their read-only parts send no JS", async () => {
    for (const file of ["components/performance/realization-card.tsx", "components/cycle/task-action-panel.tsx"]) {
      expect(await readFile(file, "utf8")).not.toMatch(/^["']use client["']/m);
    }
    // The forms inside them are fetched only where rendered (next/dynamic), so a reader of the cycle page loads none.
    const lazy = await readFile("components/cycle/lazy-panels.tsx", "utf8");
    for (const form of ["work-task-form", "decision-task-form", "meeting-invitation-form", "cancel-cycle-form"]) expect(lazy).toContain(`import("./${form}")`);
  });

  it("the capaian arithmetic and the plausibility rules carry no zod (the live preview computes them in the browser)", async () => {
    const { packages } = await staticGraph("components/performance/realization-live.tsx");
    expect(packages.has("zod")).toBe(false);
  });

  // Decision 058: the SOP document and the realization form were 3.3 kB over 160.
  it("the SOP document's actions send the buttons and their words, not the SOP dictionary or the lifecycle table", async () => {
    expect(await readFile("components/sop/sop-actions.tsx", "utf8")).not.toMatch(/^["']use client["']/m);
    const { files } = await staticGraph("components/sop/sop-action-buttons.tsx");
    expect([...files].filter((f) => /^lib\/sop\/(messages|workflow|schemas)\.ts$/.test(f))).toEqual([]);
  });

  it("the realization form fetches the save call and the confirmation with its first tap, and the upload with the first file sent", async () => {
    const { files, packages } = await staticGraph("components/performance/realization-form.tsx");
    expect([...files].filter((f) => /^(lib\/performance\/(actions|confirm-words)|lib\/storage\/post-file|components\/performance\/(realization-actions|evidence-files|evidence-send)|components\/ui\/confirm-dialog)\.tsx?$/.test(f))).toEqual([]);
    // The evidence list and the icons come from the server card as rendered elements.
    expect(packages.has("lucide-react")).toBe(false);
    expect(await readFile("components/performance/evidence-files.tsx", "utf8")).not.toMatch(/^["']use client["']/m);
    expect(await readFile("components/performance/realization-form.tsx", "utf8")).toMatch(/import\("\.\/realization-actions"\)/);
  });

  it("the period picker is HTML from the server and navigates without next/form (its ~1.3 kB gzip)", async () => {
    const picker = await readFile("components/performance/period-picker.tsx", "utf8");
    expect(picker).not.toMatch(/from "next\/form"/);
    // A server component: only its navigation (a hidden mark and two listeners) is JS.
    expect(picker).not.toMatch(/^["']use client["']/m);
  });
  // Decision 066: the cycle timeline was 160.8 kB (manifest) with the signing forms in its first load.
  it("the pages with a sign or scan control reach the signing forms only through next/dynamic, and the scan's upload with the first scan sent", async () => {
    for (const page of ["app/a/[agencySlug]/cycles/[cycleId]/timeline/page.tsx", "app/a/[agencySlug]/sops/[sopId]/page.tsx", "app/a/[agencySlug]/kinerja/lkjip/page.tsx"]) {
      expect(statically(await readFile(page, "utf8"), "@/components/signing/document-signing"), page).toBe(false);
    }
    const lazy = await readFile("components/signing/lazy-document-signing.tsx", "utf8");
    expect(lazy).toMatch(/dynamic\(\(\) => import\("\.\/document-signing"\)/);
    const { files } = await staticGraph("components/signing/scan-upload.ts");
    expect([...files].filter((f) => f === "lib/storage/post-file.ts")).toEqual([]);
  });
});

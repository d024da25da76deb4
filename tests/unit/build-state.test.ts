import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildIfStale, buildIsStale, FINGERPRINT_FILE, sourceFingerprint } from "@/lib/cli/build-state";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "alur-build-state-"));
  await mkdir(path.join(root, "app", "a"), { recursive: true });
  await mkdir(path.join(root, "lib", "generated"), { recursive: true });
  await writeFile(path.join(root, "app", "a", "page.tsx"), "export default 1;\n");
  await writeFile(path.join(root, "lib", "generated", "client.ts"), "generated\n");
  await writeFile(path.join(root, "package.json"), "{}\n");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A stand-in for `next build`: writes .next/BUILD_ID, and optionally edits a source meanwhile. */
async function fakeBuild(editDuringBuild: string | null, exitCode = 0): Promise<string[]> {
  const script = path.join(root, "fake-build.mjs");
  await writeFile(
    script,
    `import { mkdirSync, writeFileSync } from "node:fs";
mkdirSync(${JSON.stringify(path.join(root, ".next"))}, { recursive: true });
writeFileSync(${JSON.stringify(path.join(root, ".next", "BUILD_ID"))}, "id");
${editDuringBuild ? `writeFileSync(${JSON.stringify(path.join(root, "app", "a", "page.tsx"))}, ${JSON.stringify(editDuringBuild)});` : ""}
process.exit(${exitCode});
`,
  );
  return [script];
}

describe("the build's source fingerprint", () => {
  it("follows content, not file times, and ignores generated code", async () => {
    const first = await sourceFingerprint(root);
    const file = path.join(root, "app", "a", "page.tsx");
    await utimes(file, new Date(), new Date(Date.now() + 60_000));
    expect(await sourceFingerprint(root)).toBe(first);
    await writeFile(path.join(root, "lib", "generated", "client.ts"), "regenerated\n");
    expect(await sourceFingerprint(root)).toBe(first);
    await writeFile(file, "export default 2;\n");
    expect(await sourceFingerprint(root)).not.toBe(first);
    await writeFile(file, "export default 1;\n");
    await writeFile(path.join(root, "app", "a", "new.tsx"), "");
    expect(await sourceFingerprint(root)).not.toBe(first);
  });

  it("builds once, then not again until a source changes", async () => {
    expect(await buildIsStale(root)).toBe(true);
    expect(await buildIfStale({ root, buildArgs: await fakeBuild(null) })).toBe(0);
    expect((await readFile(path.join(root, FINGERPRINT_FILE), "utf8")).trim()).toBe(await sourceFingerprint(root));
    expect(await buildIsStale(root)).toBe(false);
    // Not rebuilt: a build that would fail is never started.
    expect(await buildIfStale({ root, buildArgs: await fakeBuild(null, 3) })).toBe(0);
    await writeFile(path.join(root, "package.json"), '{"x":1}\n');
    expect(await buildIsStale(root)).toBe(true);
  });

  it("an edit made while the build runs leaves the build stale", async () => {
    expect(await buildIfStale({ root, buildArgs: await fakeBuild("export default 3;\n") })).toBe(0);
    expect(await buildIsStale(root)).toBe(true);
  });

  it("`npm run build` (force) builds even when current, and records the fingerprint so nothing builds again", async () => {
    expect(await buildIfStale({ root, buildArgs: await fakeBuild(null) })).toBe(0);
    // Forced: the build runs although the sources did not change (its exit code shows it ran).
    expect(await buildIfStale({ root, force: true, buildArgs: await fakeBuild(null, 4) })).toBe(4);
    expect(await buildIfStale({ root, force: true, buildArgs: await fakeBuild(null) })).toBe(0);
    expect(await buildIsStale(root)).toBe(false);
  });

  it("a failed build records nothing", async () => {
    expect(await buildIfStale({ root, buildArgs: await fakeBuild(null, 2) })).toBe(2);
    expect(await buildIsStale(root)).toBe(true);
  });
});

/**
 * Whether the production build (.next) is older than the sources: `npm start`,
 * the proof suite and the benchmark build only when it is.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

async function newestSourceMtime(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSourceMtime(full) : (await stat(full)).mtimeMs);
  }
  return newest;
}

export async function buildIsStale(root: string = process.cwd()): Promise<boolean> {
  const built = await stat(path.join(root, ".next", "BUILD_ID")).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(
    ["app", "components", "lib", "public"].map((d) => newestSourceMtime(path.join(root, d))),
  );
  const configs = await Promise.all(
    ["next.config.js", "package.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts"].map((f) =>
      stat(path.join(root, f)).then((s) => s.mtimeMs, () => 0),
    ),
  );
  return Math.max(...sources, ...configs) > built.mtimeMs;
}

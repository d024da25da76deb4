/**
 * The production build (.next) and the sources it was made from. `npm start`
 * (and through it the end-to-end and accessibility runs), the proof suite and
 * the benchmark all call `buildIfStale`: one `next build` when the sources
 * differ from the last successful build, none otherwise.
 *
 * "Differ" is by content, not by file times: a fingerprint (SHA-256 over the
 * path and bytes of every source file the build reads) is taken BEFORE the
 * build starts and written to .next/alur-source-fingerprint after it succeeds.
 * An edit made while a build runs therefore leaves a fingerprint that no
 * longer matches, and the next start builds again; a fresh clone (every file
 * time new) or a `touch` does not (docs/decisions/056-ci-duration.md).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** Folders whose every file goes into the build (lib/generated is made from prisma/schema.prisma, which is hashed). */
export const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
/** Files at the root that change what `next build` makes. */
export const SOURCE_FILES = [
  "next.config.js",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
];
export const FINGERPRINT_FILE = path.join(".next", "alur-source-fingerprint");

async function listFiles(root: string, dir: string, into: string[]): Promise<void> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(root, relative, into);
    else if (entry.isFile()) into.push(relative);
  }
}

/** SHA-256 over the relative path and content of every source file, in a stable order (about 500 files, 6 MB: tens of milliseconds). */
export async function sourceFingerprint(root: string = process.cwd()): Promise<string> {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) await listFiles(root, dir, files);
  for (const file of SOURCE_FILES) if (await stat(path.join(root, file)).then((s) => s.isFile(), () => false)) files.push(file);
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(path.join(root, file))));
  const hash = createHash("sha256");
  files.forEach((file, i) => {
    hash.update(`${file.split(path.sep).join("/")}\0${contents[i]!.length}\0`);
    hash.update(contents[i]!);
  });
  return hash.digest("hex");
}

/** The fingerprint the last successful build recorded, or null (no build, or one made before fingerprints). */
export async function recordedFingerprint(root: string = process.cwd()): Promise<string | null> {
  const built = await stat(path.join(root, ".next", "BUILD_ID")).catch(() => null);
  if (!built) return null;
  const recorded = await readFile(path.join(root, FINGERPRINT_FILE), "utf8").catch(() => "");
  return recorded.trim() || null;
}

export async function buildIsStale(root: string = process.cwd()): Promise<boolean> {
  const recorded = await recordedFingerprint(root);
  return recorded === null || recorded !== (await sourceFingerprint(root));
}

/**
 * Runs `next build` when the build is missing or its recorded fingerprint is not the
 * sources' current one; records the fingerprint taken before the build once it succeeds.
 * Returns the build's exit code (0 when nothing had to be built).
 */
export async function buildIfStale(options: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** What node runs instead of `next build` (tests). */
  buildArgs?: string[];
  /** Build even when the recorded fingerprint matches (`npm run build`). */
  force?: boolean;
} = {}): Promise<number> {
  const root = options.root ?? process.cwd();
  const before = await sourceFingerprint(root);
  if (!options.force && (await recordedFingerprint(root)) === before) return 0;
  options.log?.("building the app (no build yet, or the sources changed since the last one)…");
  const args = options.buildArgs ?? [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...(options.env ?? process.env), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  process.off("SIGINT", forward);
  process.off("SIGTERM", forward);
  const result = code ?? (signal ? 1 : 0);
  if (result === 0) await writeFile(path.join(root, FINGERPRINT_FILE), `${before}\n`);
  return result;
}

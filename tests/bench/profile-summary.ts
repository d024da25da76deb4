/**
 * What a V8 CPU profile of the web process says, in a terminal:
 * `npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 40] [--requests N] [--match word,word]`.
 *
 * - Self time by package: node_modules/<pkg> (Next's runtimes split by file), node's own modules,
 *   V8's garbage collector, and our code, with frames of the build's chunks (.next/server/**)
 *   mapped back to their sources through the chunk's .map when the build wrote one.
 * - Self time by function (name, where).
 * - Inclusive time of the functions whose name or source contains one of `--match`'s words
 *   (a function counted once per sample however deep it recurses).
 * With `--requests N` (the bench prints the count) every figure is also given in ms per request.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

interface TCallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface TNode {
  id: number;
  callFrame: TCallFrame;
  children?: number[];
}
interface TProfile {
  nodes: TNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" }, requests: { type: "string" }, match: { type: "string" } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 40] [--requests N] [--match word,word]");
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as TProfile;
const TOP = Number(flags.top);
const REQUESTS = flags.requests ? Number(flags.requests) : undefined;
const MATCH = (flags.match ?? "").split(",").map((w) => w.trim()).filter(Boolean);

// ---------------------------------------------------------------------------
// Where a frame comes from
// ---------------------------------------------------------------------------

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const filePath = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (existsSync(`${filePath}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${filePath}.map`, "utf8")));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** The frame's original source (through the chunk's source map) or its url. */
function originalSource(frame: TCallFrame): { source: string; line: number } {
  if (frame.url.includes("/.next/")) {
    const map = sourceMapOf(frame.url);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
    if (entry?.originalSource) return { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1 };
  }
  return { source: frame.url, line: frame.lineNumber + 1 };
}

function packageOf(frame: TCallFrame): string {
  if (!frame.url) {
    if (frame.functionName.startsWith("(")) return frame.functionName; // (garbage collector), (program), (idle), (root)
    return "(native/V8 builtins)";
  }
  if (frame.url.startsWith("node:")) return `node:${frame.url.slice(5).split("/")[0]}`;
  const { source } = originalSource(frame);
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's bundled runtimes are most of the render: name the file.
    if (pkg === "next") return `next ${rest.slice(-1)[0]!.replace(/\.js$/, "")}`;
    return pkg;
  }
  if (source.includes("/.next/")) return `build chunk ${path.basename(source)}`;
  const app = source.replace(/^.*?\/(app|components|lib|tests)\//, "$1/").replace(/^\[project\]\//, "");
  return `ours: ${app.split("/").slice(0, 2).join("/")}`;
}

function frameKey(frame: TCallFrame): string {
  const { source, line } = originalSource(frame);
  const where = source ? `${source.replace(/^.*node_modules\//, "").replace(/^.*\/(app|components|lib)\//, "$1/")}:${line}` : "";
  return `${frame.functionName || "(anonymous)"}  ${where}`;
}

// ---------------------------------------------------------------------------
// Time per node
// ---------------------------------------------------------------------------

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
// timeDeltas[i] is the time before sample i; the time a sample stands for is the gap to the next one.
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + Math.max(0, dt));
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleUs = [...selfUs.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, v]) => a + v, 0);
const busyUs = totalUs - idleUs;

const ms = (us: number) => (us / 1000).toFixed(1).padStart(9);
const share = (us: number) => `${((us / busyUs) * 100).toFixed(1).padStart(5)} %`;
const perReq = (us: number) => (REQUESTS ? `${(us / 1000 / REQUESTS).toFixed(3).padStart(8)} ms/req` : "");

function table(title: string, entries: [string, number][]) {
  console.info(`\n${title}`);
  for (const [key, us] of entries.sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.info(`${ms(us)} ms ${share(us)} ${perReq(us)}  ${key}`);
}

console.info(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s sampled, busy ${ms(busyUs).trim()} ms (idle ${ms(idleUs).trim()} ms)${REQUESTS ? `, ${REQUESTS} requests: ${(busyUs / 1000 / REQUESTS).toFixed(2)} ms busy per request` : ""}`);

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame;
  if (frame.functionName === "(idle)") continue;
  const pkg = packageOf(frame);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${frameKey(frame)}  [${pkg}]`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
table("Self time by package (share of busy time)", [...byPackage]);
table("Self time by function", [...byFunction]);

if (MATCH.length) {
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const frame = byId.get(n)!.callFrame;
      const key = frameKey(frame);
      if (seen.has(key) || !MATCH.some((w) => key.includes(w))) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  table(`Inclusive time of frames matching ${MATCH.join(", ")}`, [...inclusive]);
}

/**
 * The Node/V8 settings of every production web process: `npm start` (lib/cli/start.ts, one
 * `next start` or one per core) and the test/bench server (tests/support/server.ts) both take
 * them from here, so the benchmark measures what production runs
 * (docs/decisions/054-server-memory.md, docs/decisions/067-memory-limits.md).
 *
 * The heap of a web process is bounded on purpose. V8 sizes its old generation from the
 * machine's memory (~4 GB on a 24 GB host) and, with room to spare, collects it lazily: behind the
 * render gate (at most 8 renders in flight, decision 059) the live set after a full collection
 * stays at ~100–200 MB, yet a process with a 1024 MB limit reached ~700 MB RSS in the bench's
 * soak because V8 let garbage pile up, not because anything was kept (decision 067).
 *
 * - old generation: ALUR_WEB_HEAP_MB per web process (default 256 MB). A process's RSS is its
 *   V8 heap plus ~115–125 MB outside it (binary, malloc, code: decisions 073 and 081), so
 *   256 + 24 MB of young generation keeps one process under ~400 MB at its peak; 320 reached
 *   439 MB in the quiet soak (docs/decisions/081-rss-peak.md);
 * - young generation: 8 MB semi-spaces (V8's default here is 16): fewer bytes of short-lived
 *   render data held between scavenges.
 *
 * They go into NODE_OPTIONS *before* whatever the caller already has there: V8 takes the last
 * value of a flag, so an operator's NODE_OPTIONS (or the bench's --node-options) still wins.
 *
 * - malloc arenas: MALLOC_ARENA_MAX (glibc) per web process, default 2. glibc gives a thread
 *   that mallocs while the others' arenas are busy (libuv's pool, V8's GC and compiler workers)
 *   an arena of its own, up to 8 per core, and keeps what each arena once held: under the bench's
 *   soak the default ended with 9 arenas holding 39–90 MB beside the main heap, two arenas with
 *   10–22 MB, and RSS outside V8's heap went from ~150 to ~115 MB per process
 *   (docs/decisions/073-process-memory.md). glibc reads it once, when the process starts, so it
 *   goes into the web process's environment at spawn (webProcessEnv); an operator's own
 *   MALLOC_ARENA_MAX is kept (16 = glibc's default on 2 cores). Other C libraries (musl) ignore it.
 */

/** Old-generation limit of one web process, in MB, when ALUR_WEB_HEAP_MB is not set. */
export const DEFAULT_WEB_HEAP_MB = 256;
/** Semi-space size of the young generation, in MB (V8 uses two of them, plus as much again for large objects). */
export const WEB_SEMI_SPACE_MB = 8;
/** glibc malloc arenas of one web process when MALLOC_ARENA_MAX is not set. */
export const DEFAULT_MALLOC_ARENA_MAX = 2;
/** Below this a web process cannot hold its routes' code and one render of the heavy pages. */
const MIN_WEB_HEAP_MB = 192;

/** The environment the heap settings are read from (process.env, or the one a web process is given). */
type TEnv = Record<string, string | undefined>;

export class WebHeapConfigError extends Error {}

/** The old-generation limit from ALUR_WEB_HEAP_MB (a whole number of MB), or the default. Throws WebHeapConfigError with the operator's message. */
export function webHeapMb(env: TEnv): number {
  const raw = env.ALUR_WEB_HEAP_MB?.trim();
  if (!raw) return DEFAULT_WEB_HEAP_MB;
  const mb = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(mb) || mb < MIN_WEB_HEAP_MB || mb > 65_536) {
    throw new WebHeapConfigError(`ALUR_WEB_HEAP_MB harus bilangan bulat ${MIN_WEB_HEAP_MB}–65536 (MB heap per proses web), bukan "${raw}".`);
  }
  return mb;
}

/** The V8 flags of a web process for `env` (ALUR_WEB_HEAP_MB). */
export function serverHeapFlags(env: TEnv): string[] {
  return [`--max-old-space-size=${webHeapMb(env)}`, `--max-semi-space-size=${WEB_SEMI_SPACE_MB}`];
}

/** NODE_OPTIONS for a web process: the heap flags for `env`, then `existing` (which overrides them). */
export function serverNodeOptions(existing: string | undefined, env: TEnv = process.env): string {
  return [...serverHeapFlags(env), existing?.trim()].filter(Boolean).join(" ");
}

/** MALLOC_ARENA_MAX for a web process: the operator's (a whole number 1–1024), or the default. Throws WebHeapConfigError with the operator's message. */
export function mallocArenaMax(env: TEnv): number {
  const raw = env.MALLOC_ARENA_MAX?.trim();
  if (!raw) return DEFAULT_MALLOC_ARENA_MAX;
  const arenas = Number(raw);
  if (!/^\d+$/.test(raw) || arenas < 1 || arenas > 1024) {
    throw new WebHeapConfigError(`MALLOC_ARENA_MAX harus bilangan bulat 1–1024 (arena malloc per proses web), bukan "${raw}".`);
  }
  return arenas;
}

/** Checks every memory setting of the web processes in `env` (what `npm start` does before it starts anything). Throws WebHeapConfigError. */
export function checkWebMemoryConfig(env: TEnv): void {
  webHeapMb(env);
  mallocArenaMax(env);
}

/**
 * The memory settings a web process must have in its environment when it is spawned: NODE_OPTIONS
 * (the heap flags, then `nodeOptions`, the caller's own) and MALLOC_ARENA_MAX. Every launcher of a
 * web process spreads this over the child's environment: `npm start` (one process or the cluster's
 * forks) and the test/bench server (tests/support/server.ts).
 */
export function webProcessEnv(env: TEnv, nodeOptions: string | undefined): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return { NODE_OPTIONS: serverNodeOptions(nodeOptions, env), MALLOC_ARENA_MAX: String(mallocArenaMax(env)) };
}

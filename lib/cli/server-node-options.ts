/**
 * The Node/V8 settings of every production web process: `npm start` (lib/cli/start.ts, one
 * `next start` or one per core) and the test/bench server (tests/support/server.ts) both take
 * them from here, so the benchmark measures what production runs (docs/decisions/054-server-memory.md).
 *
 * --max-old-space-size=1024: V8 sizes its old generation from the machine's memory (~4 GB on a
 * 24 GB host) and, with that much room, lets it grow up to 4× the live set between full
 * collections: 767 MB RSS after a 60 s soak at 32 clients. A limit below 2 GB also lowers that
 * growing factor: 1024 MB peaked at 519 MB in the same soak. 384 MB peaked at 417 MB there, but a
 * server that has loaded every route (the end-to-end and proof runs) sat at 335–357 MB RSS, at
 * its limit (that CI run's journeys also took twice as long; the cause was not isolated), and
 * twice the bench's clients could run it out of heap (256 MB did): too close to the live set for a default
 * (docs/decisions/054-server-memory.md, "Revised").
 *
 * They go into NODE_OPTIONS *before* whatever the caller already has there: V8 takes the last
 * value of a flag, so an operator's NODE_OPTIONS (or the bench's --node-options) still wins.
 */
export const SERVER_NODE_OPTIONS = ["--max-old-space-size=1024"] as const;

/** NODE_OPTIONS for a web process: the defaults above, then `existing` (which overrides them). */
export function serverNodeOptions(existing: string | undefined): string {
  return [...SERVER_NODE_OPTIONS, existing?.trim()].filter(Boolean).join(" ");
}

import "server-only";

import { getDb } from "@/lib/db/client";

import { drainChain } from "./sequencer";

/**
 * The in-process kick of the audit sequencer (decision 038): after a request
 * writes an event, this instance chains it within milliseconds instead of
 * waiting for the worker's round. The writer's transaction has not committed
 * when `recordAudit` returns, and may still roll back, so the kick looks for
 * the event's id with a short back-off: visible and waiting → sequence the
 * chain; chained (by anyone) → done; still invisible after the last try →
 * left to the worker, which chains whatever it finds. Best effort only: the
 * worker is what guarantees chaining; this only makes it fast.
 *
 * On in the Next server; off in tests and command-line tools (they sequence
 * explicitly), unless ALUR_AUDIT_KICK says otherwise.
 */
const DELAYS_MS = [2, 5, 10, 20, 50, 100, 250, 500, 1_000, 2_000];

interface ChainState {
  waiting: Set<bigint>;
  attempt: number;
  busy: boolean;
}

const state = globalThis as unknown as { alurAuditKick?: Map<string, ChainState> };

export function kickEnabled(): boolean {
  const flag = process.env.ALUR_AUDIT_KICK;
  if (flag === "1" || flag === "0") return flag === "1";
  return process.env.NEXT_RUNTIME === "nodejs";
}

/** Called by recordAudit with the id of the event it wrote (inside the writer's transaction). */
export function kickSequencer(chainKey: string, id: bigint) {
  if (!kickEnabled()) return;
  const chains = (state.alurAuditKick ??= new Map());
  let chain = chains.get(chainKey);
  if (!chain) chains.set(chainKey, (chain = { waiting: new Set(), attempt: 0, busy: false }));
  chain.waiting.add(id);
  chain.attempt = 0;
  if (!chain.busy) schedule(chainKey, chain);
}

function schedule(chainKey: string, chain: ChainState) {
  chain.busy = true;
  setTimeout(() => void run(chainKey, chain), DELAYS_MS[chain.attempt]).unref?.();
}

async function run(chainKey: string, chain: ChainState) {
  const db = getDb();
  try {
    const ids = [...chain.waiting];
    const rows = await db.$queryRaw<{ id: bigint; chained: boolean }[]>`
      SELECT "id", "hash" IS NOT NULL AS "chained" FROM "AuditEvent" WHERE "id" = ANY(${ids}::bigint[])`;
    if (rows.some((r) => !r.chained)) await drainChain(db, chainKey);
    // Everything seen is chained now (by this run or another sequencer).
    for (const r of rows) chain.waiting.delete(r.id);
  } catch (error) {
    console.error("[alur:audit] sequencer:", error instanceof Error ? error.message : error);
  }
  if (chain.waiting.size === 0) {
    chain.busy = false;
    return;
  }
  chain.attempt++;
  if (chain.attempt >= DELAYS_MS.length) {
    // Rolled back, or still open after seconds: the worker's round takes it from here.
    chain.waiting.clear();
    chain.busy = false;
    return;
  }
  schedule(chainKey, chain);
}

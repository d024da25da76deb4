import "server-only";

import { getDb } from "@/lib/db/client";

import { sequenceChains } from "./sequencer";

/**
 * The in-process kick of the audit sequencer (decision 038): after a request
 * writes an event, this instance chains it within a fraction of a second
 * instead of waiting for the worker's round. The writer's transaction has not
 * committed when `recordAudit` returns, and may still roll back, so the kick
 * looks for the event's id later: visible and waiting → sequence its chain;
 * chained (by anyone) → done; still invisible after the last try → left to
 * the worker, which chains whatever it finds. Best effort only: the worker is
 * what guarantees chaining; this only makes it fast.
 *
 * One tick per process for all chains (not one per event): the events the
 * instance wrote since the last tick are looked up in one statement and every
 * chain with a visible waiting event is sequenced in one transaction
 * (`sequenceChains`). A tick runs a few milliseconds after a new event, and
 * events written while one runs wait for the next, so under load a tick covers
 * many transitions of many agencies; per event the kick used to cost a lookup
 * and a six-statement transaction of its own, as much database work as the
 * transition itself (issue 16, docs/decisions/038-audit-sequencer.md). Events
 * not visible yet (their transaction still open) are looked for again with a
 * growing pause, for up to GIVE_UP_MS.
 *
 * On in the Next server; off in tests and command-line tools (they sequence
 * explicitly), unless ALUR_AUDIT_KICK says otherwise.
 */
const FIRST_TICK_MS = 5;
const MAX_PAUSE_MS = 250;
/** How long an event is looked for before the worker is left to chain it. */
const GIVE_UP_MS = 5_000;

interface KickState {
  /** Event id → chain key, when it was kicked and the ticks it has been looked for. */
  waiting: Map<bigint, { chainKey: string; since: number; tries: number }>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
}

const state = globalThis as unknown as { alurAuditKick?: KickState };

export function kickEnabled(): boolean {
  const flag = process.env.ALUR_AUDIT_KICK;
  if (flag === "1" || flag === "0") return flag === "1";
  return process.env.NEXT_RUNTIME === "nodejs";
}

/** Called by recordAudit with the id of the event it wrote (inside the writer's transaction). */
export function kickSequencer(chainKey: string, id: bigint) {
  if (!kickEnabled()) return;
  const kick = (state.alurAuditKick ??= { waiting: new Map(), timer: null, running: false });
  kick.waiting.set(id, { chainKey, since: Date.now(), tries: 0 });
  schedule(kick);
}

function schedule(kick: KickState) {
  if (kick.timer || kick.running || kick.waiting.size === 0) return;
  // New events: soon. Only events not yet visible: a growing pause (their writer is still at work).
  const tries = Math.min(...[...kick.waiting.values()].map((e) => e.tries));
  kick.timer = setTimeout(() => void tick(kick), Math.min(MAX_PAUSE_MS, FIRST_TICK_MS * 2 ** tries));
  kick.timer.unref?.();
}

async function tick(kick: KickState) {
  kick.timer = null;
  kick.running = true;
  try {
    const ids = [...kick.waiting.keys()];
    const rows = await getDb().$queryRaw<{ id: bigint; chainKey: string; chained: boolean }[]>`
      SELECT "id", "chainKey", "hash" IS NOT NULL AS "chained" FROM "AuditEvent" WHERE "id" = ANY(${ids}::bigint[])`;
    const chains = [...new Set(rows.filter((r) => !r.chained).map((r) => r.chainKey))];
    const sealed = new Set(chains.length ? await sequenceChains(getDb(), chains) : []);
    // Chained (by this tick or another sequencer): done. The rest (not yet committed, or
    // beyond a batch) is looked for again at the next tick.
    for (const r of rows) if (r.chained || sealed.has(r.id)) kick.waiting.delete(r.id);
    const now = Date.now();
    for (const [id, entry] of kick.waiting) {
      entry.tries++;
      if (now - entry.since > GIVE_UP_MS) kick.waiting.delete(id);
    }
  } catch (error) {
    console.error("[alur:audit] sequencer:", error instanceof Error ? error.message : error);
  } finally {
    kick.running = false;
    schedule(kick);
  }
}

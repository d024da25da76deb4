"use server";

import { agencyAction } from "@/lib/authz/action";
import { notFoundError } from "@/lib/authz/errors";
import { ZTaskAction } from "@/lib/cycle/schemas";

/**
 * The benchmark's third floor (tests/bench/run.ts, transitions): the same door
 * as the step transition (lib/cycle/actions.ts#taskAction: session, membership,
 * permission cycle.act, screening and parsing of the same input) and an empty
 * handler, so a transition's cost can be read as a ratio of what the framework
 * allows on the machine (docs/decisions/049-lean-transition.md). Answers "not
 * found" unless ALUR_BENCH=1 (the bench sets it), like the empty page.
 */
export const benchEmptyAction = agencyAction(
  { name: "bench.emptyAction", permission: "cycle.act", schema: ZTaskAction, audit: { none: "the benchmark's empty action: reads the session only and changes nothing" } },
  async () => {
    if (process.env.ALUR_BENCH !== "1") throw notFoundError();
    return { cycleStatus: null, opened: [] as never[] };
  },
);

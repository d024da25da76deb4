import "server-only";

import type { ActionContext } from "@/lib/authz/action";
import type { FollowUpActor } from "@/lib/followup/service";

import type { LkeActor } from "./service";

/**
 * Who acts on the LKE, from the request's context (decision 033): the agency's performance
 * managers fill the self-assessment (performance.manage, designations included), the
 * Inspektorat auditor reviews and locks (lke.review). Kept out of the "use server" module
 * so the integration test computes it from a real member's context the same way.
 */
export function lkeActorOf(ctx: Pick<ActionContext, "agency" | "actor" | "meta" | "can">): LkeActor {
  return { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta, edits: ctx.can("performance.manage"), reviews: ctx.can("lke.review") };
}

/** The follow-up service's actor for a review note made a follow-up. */
export function lkeFollowUpActorOf(ctx: Pick<ActionContext, "agency" | "actor" | "meta" | "can" | "roles">): FollowUpActor {
  return { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta, roleIds: ctx.roles.map((r) => r.id), manages: ctx.can("performance.manage") };
}

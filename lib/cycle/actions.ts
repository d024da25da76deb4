"use server";

import { z } from "zod";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { setApprovalPolicy } from "./decision-snapshot";
import { ZApprovalPolicy } from "./decision-snapshot-shared";
import { ZCancelCycle, ZMeetingInvitation, ZStartCycle, ZTaskAction } from "./schemas";
import { actOnTask, cancelCycle, markNotificationsRead, sendMeetingInvitation, startCycle, type CycleActor } from "./service";

function cycleActor(ctx: ActionContext): CycleActor {
  return {
    agencyId: ctx.agency.id,
    actor: ctx.actor,
    roleIds: ctx.roles.map((r) => r.id),
    roleCodes: ctx.roleCodes,
    acting: ctx.roles.flatMap((r) => (r.acting ? [{ roleId: r.id, ...r.acting }] : [])),
    // The units of the roles, from the same context: the transition reads no holdings of the actor again (decision 049).
    roleUnits: ctx.roles.map((r) => ({ roleId: r.id, unitId: r.unitId })),
    meta: ctx.meta,
  };
}

export const startCycleAction = agencyAction({ name: "cycle.start", permission: "cycle.start", schema: ZStartCycle, audit: { events: ["cycle.start"] } }, async (ctx, input) => {
  const result = await startCycle(input, cycleActor(ctx));
  return result;
});

export const taskAction = agencyAction({ name: "cycle.act", permission: "cycle.act", schema: ZTaskAction, audit: { events: ["task.complete", "task.approve", "task.return", "task.resubmit", "cycle.complete"] } }, async (ctx, input) => {
  const result = await actOnTask(input, cycleActor(ctx));
  return result;
});

export const cancelCycleAction = agencyAction({ name: "cycle.cancel", permission: "cycle.cancel", schema: ZCancelCycle, audit: { events: ["cycle.cancel"] } }, async (ctx, input) => {
  await cancelCycle(input, cycleActor(ctx));
});

/** Marks the user's own notifications read (all, or one). Not audited: it changes nothing of the agency's record. */
export const markNotificationsReadAction = agencyAction(
  { name: "notification.markRead", permission: "agency.view", schema: z.object({ id: z.string().max(40).optional() }), audit: { none: "marks the user's own notifications read; no record of the agency changes" } },
  async (ctx, input) => {
    await markNotificationsRead(ctx.user.id, ctx.agency.id, input.id);
  },
);

/** The executor of a joint meeting step invites its participants (date, time, place, agenda). */
export const sendMeetingInvitationAction = agencyAction(
  { name: "cycle.invite", permission: "cycle.act", schema: ZMeetingInvitation, audit: { events: ["task.invite"] } },
  async (ctx, input) => {
    const result = await sendMeetingInvitation(input, cycleActor(ctx));
    return { invited: result.invited };
  },
);

/** The agency's policy on approving a snapshot with unverified values ("Tolak persetujuan bila ada nilai belum terverifikasi"). */
export const setApprovalPolicyAction = agencyAction(
  { name: "cycle.setApprovalPolicy", permission: "performance.manage", schema: ZApprovalPolicy, audit: { events: ["agency.approval_policy_set"] } },
  async (ctx, input) => {
    await setApprovalPolicy(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

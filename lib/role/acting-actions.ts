"use server";

import { agencyAction } from "@/lib/authz/action";

import { ZAppointActing, ZEndActing } from "./acting-schemas";
import { appointActing, endActing } from "./acting-service";

/** The administrator appoints an acting official (Plt./Plh.) of a role for a period. */
export const appointActingAction = agencyAction(
  { name: "acting.appoint", permission: "member.manage", schema: ZAppointActing, audit: { events: ["acting.appoint"] } },
  async (ctx, input) => {
    const result = await appointActing(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

/** Ends an appointment before its end date (it also ends by itself then). */
export const endActingAction = agencyAction(
  { name: "acting.end", permission: "member.manage", schema: ZEndActing, audit: { events: ["acting.end"] } },
  async (ctx, input) => {
    await endActing(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

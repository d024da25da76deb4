"use server";

import { agencyAction, platformAction, type ActionContext } from "@/lib/authz/action";

import { ZAgencyHoliday, ZHolidayRef, ZPlatformHoliday, ZSetOfficeHours } from "./schemas";
import { addAgencyHoliday, addPlatformHoliday, deleteAgencyHoliday, deletePlatformHoliday, setOfficeHours } from "./service";

const actorOf = (ctx: ActionContext) => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

export const setOfficeHoursAction = agencyAction(
  { name: "calendar.setOfficeHours", permission: "unit.manage", schema: ZSetOfficeHours, audit: { events: ["agency.office_hours_set"] } },
  async (ctx, input) => {
    await setOfficeHours(input, actorOf(ctx));
  },
);

export const addAgencyHolidayAction = agencyAction(
  { name: "calendar.addHoliday", permission: "unit.manage", schema: ZAgencyHoliday, audit: { events: ["holiday.create"] } },
  async (ctx, input) => {
    const result = await addAgencyHoliday(input, actorOf(ctx));
    return result;
  },
);

export const deleteAgencyHolidayAction = agencyAction(
  { name: "calendar.deleteHoliday", permission: "unit.manage", schema: ZHolidayRef, audit: { events: ["holiday.delete"] } },
  async (ctx, input) => {
    await deleteAgencyHoliday(input, actorOf(ctx));
  },
);

export const addPlatformHolidayAction = platformAction(
  { name: "platform.addHoliday", schema: ZPlatformHoliday, audit: { events: ["holiday.create"] } },
  async (ctx, input) => {
    const result = await addPlatformHoliday(input, ctx);
    return result;
  },
);

export const deletePlatformHolidayAction = platformAction(
  { name: "platform.deleteHoliday", schema: ZHolidayRef, audit: { events: ["holiday.delete"] } },
  async (ctx, input) => {
    await deletePlatformHoliday(input, ctx);
  },
);

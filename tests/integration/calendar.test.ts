/**
 * The holiday calendar's keepers: the platform administrator keeps national and
 * government holidays, an agency administrator only the agency's own; the 2026
 * national calendar ships with the migrations.
 */
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { holidayKeysSql, listHolidays, workingCalendar } from "@/lib/calendar/holidays";
import { ZAgencyHoliday, ZHolidayRef, ZPlatformHoliday } from "@/lib/calendar/schemas";
import { addAgencyHoliday, addPlatformHoliday, deleteAgencyHoliday, deletePlatformHoliday } from "@/lib/calendar/service";
import { db } from "@/lib/db/client";

import { actorOf, createAgency, createUser } from "./factories";

describe("holiday calendar", () => {
  it("ships 2026 per the SKB with its cuti bersama, and leaves 2027 empty until its SKB is entered", async () => {
    const agency = await createAgency();
    const y2026 = await listHolidays(2026, { agencyId: agency.id });
    expect(y2026.filter((h) => h.kind === "LIBUR_NASIONAL")).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === "CUTI_BERSAMA").map((h) => h.date.toISOString().slice(0, 10))).toEqual([
      "2026-02-16",
      "2026-03-18",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]);
    expect(y2026.every((h) => h.source.includes("1497"))).toBe(true);
    const y2027 = await listHolidays(2027, "platform");
    expect(y2027.filter((h) => !h.governmentId)).toHaveLength(0);
  });

  it("an agency administrator adds and removes only the agency's own; the platform keeps national and government ones", async () => {
    const [agency, other] = await Promise.all([createAgency(), createAgency()]);
    const admin = await createUser();
    const actor = { actor: actorOf(admin), meta: null };
    const own = await addAgencyHoliday(ZAgencyHoliday.parse({ date: "2026-09-01", name: "Hari Jadi Instansi" }), { ...actor, agencyId: agency.id });
    // Another agency cannot remove it, nor can anyone remove a national holiday as an agency.
    await expect(deleteAgencyHoliday({ holidayId: own.id }, { ...actor, agencyId: other.id })).rejects.toBeInstanceOf(AppError);
    await expect(deleteAgencyHoliday({ holidayId: "nat-2026-08-17" }, { ...actor, agencyId: agency.id })).rejects.toThrow("Hari libur tidak ditemukan.");
    expect((await workingCalendar(agency.id, new Date("2026-08-30T00:00:00Z"))).holidays).toContain("2026-09-01");
    expect((await workingCalendar(other.id, new Date("2026-08-30T00:00:00Z"))).holidays).not.toContain("2026-09-01");
    // A government's local holiday reaches its agencies only.
    expect(() => ZPlatformHoliday.parse({ date: "2026-10-01", name: "Hari Jadi Kabupaten", kind: "LIBUR_DAERAH" })).toThrow(
      "Libur daerah memerlukan pemerintah daerah",
    );
    const local = await addPlatformHoliday(
      ZPlatformHoliday.parse({ date: "2026-10-01", name: "Hari Jadi Kabupaten", kind: "LIBUR_DAERAH", governmentId: agency.governmentId }),
      actor,
    );
    expect((await workingCalendar(agency.id, new Date("2026-09-30T00:00:00Z"))).holidays).toContain("2026-10-01");
    expect((await workingCalendar(other.id, new Date("2026-09-30T00:00:00Z"))).holidays).not.toContain("2026-10-01");
    await expect(
      addPlatformHoliday(ZPlatformHoliday.parse({ date: "2026-10-01", name: "Hari Jadi Kabupaten", kind: "LIBUR_DAERAH", governmentId: agency.governmentId }), actor),
    ).rejects.toThrow("Hari libur ini sudah tercatat.");
    // The platform does not remove an agency's own (it is the agency's).
    await expect(deletePlatformHoliday(ZHolidayRef.parse({ holidayId: own.id }), actor)).rejects.toThrow("Hari libur tidak ditemukan.");
    await deletePlatformHoliday({ holidayId: local.id }, actor);
    await deleteAgencyHoliday({ holidayId: own.id }, { ...actor, agencyId: agency.id });
    expect(await db.holiday.count({ where: { id: { in: [own.id, local.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: { in: ["holiday.create", "holiday.delete"] }, entityId: { in: [own.id, local.id] } } })).toBe(4);
  });

  it("gives a transition, in its cycle lock's statement, exactly the holidays workingCalendar reads, as they are at that moment", async () => {
    const actor = { actor: actorOf(await createUser()), meta: null };
    const agency = await createAgency();
    const other = await createAgency();
    const keys = async (agencyId: string, from: Date) =>
      (await db.$queryRaw<{ h: string[] }[]>`SELECT ${holidayKeysSql(agencyId, from)} AS "h"`)[0]!.h.sort();
    const read = async (agencyId: string, from: Date) => [...(await workingCalendar(agencyId, from)).holidays].sort();
    const from = new Date("2026-08-30T00:00:00Z");
    const own = await addAgencyHoliday(ZAgencyHoliday.parse({ date: "2026-09-02", name: "Hari Jadi Instansi" }), { ...actor, agencyId: agency.id });
    const local = await addPlatformHoliday(
      ZPlatformHoliday.parse({ date: "2026-10-02", name: "Hari Jadi Kabupaten", kind: "LIBUR_DAERAH", governmentId: agency.governmentId }),
      actor,
    );
    // National, the government's and the agency's own; not another agency's.
    expect(await keys(agency.id, from)).toEqual(await read(agency.id, from));
    expect(await keys(agency.id, from)).toEqual(expect.arrayContaining(["2026-09-02", "2026-10-02", "2026-12-25"]));
    expect(await keys(other.id, from)).toEqual(await read(other.id, from));
    expect(await keys(other.id, from)).not.toContain("2026-09-02");
    // Read again on every transition (no cache): a removed holiday is gone from the next one.
    await deleteAgencyHoliday({ holidayId: own.id }, { ...actor, agencyId: agency.id });
    await deletePlatformHoliday({ holidayId: local.id }, actor);
    expect(await keys(agency.id, from)).not.toContain("2026-09-02");
    expect(await keys(agency.id, from)).toEqual(await read(agency.id, from));
  });
});

/**
 * The recap reads the agency's units (its unit filter) with the period, in resolvePeriod's one
 * statement (docs/decisions/077-timeline-recap-lean-2.md): the same list listOrgUnits gives, in the
 * agency's order, and only the member's units when the realization form asks for those.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { listOrgUnits, resolvePeriod } from "@/lib/performance/queries";

import { setup, YEAR } from "./performance-world";

let w: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  w = await setup();
});

describe("resolvePeriod's units", () => {
  it("with allUnits: every unit of the agency, as listOrgUnits lists them", async () => {
    const period = await resolvePeriod(w.agency.id, "WIB", { tahun: String(YEAR), tw: "1" }, { allUnits: true });
    expect(period.units).toEqual(await listOrgUnits(w.agency.id));
    expect(period.units.map((u) => u.id)).toEqual([w.units.A.id, w.units.B.id]);
    expect(period).toMatchObject({ year: YEAR, quarter: 1 });
  });

  it("without it: only the units asked for (none when none are)", async () => {
    expect((await resolvePeriod(w.agency.id, "WIB", { tahun: String(YEAR) }, { unitIds: [w.units.B.id] })).units.map((u) => u.id)).toEqual([w.units.B.id]);
    expect((await resolvePeriod(w.agency.id, "WIB", { tahun: String(YEAR) })).units).toEqual([]);
  });
});

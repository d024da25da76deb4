import { describe, expect, it } from "vitest";

import { judgeStartPeriod, periodRange, versionEffectiveDay } from "@/lib/cycle/effective-period";
import { mayStartCycle } from "@/lib/cycle/task-rules";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

describe("an SOP version's effective date bounds the periods started under it", () => {
  it("knows each period's days", () => {
    expect(periodRange(2026, "TW1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(periodRange(2026, "TW4")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(periodRange(2026, "TAHUNAN")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
  });

  it("effective day: Tanggal Efektif, else the activation day", () => {
    expect(versionEffectiveDay({ tanggalEfektif: new Date("2026-05-01T00:00:00Z"), activatedAt: new Date("2026-06-03T08:00:00Z") })).toBe("2026-05-01");
    expect(versionEffectiveDay({ tanggalEfektif: null, activatedAt: new Date("2026-06-03T08:00:00Z") })).toBe("2026-06-03");
    expect(versionEffectiveDay({ tanggalEfektif: null, activatedAt: null })).toBeNull();
  });

  it.each([
    ["TW1", "2026-05-01", false],
    ["TW2", "2026-05-01", true], // straddles the effective day
    ["TW3", "2026-05-01", true],
    ["TAHUNAN", "2026-05-01", true],
    ["TW1", "2026-03-31", true], // ends on it
    ["TW4", "2027-01-01", false],
  ] as const)("%s 2026 under a version effective %s: %s", (period, effectiveDay, ok) => {
    expect(judgeStartPeriod({ year: 2026, period, effectiveDay }).ok).toBe(ok);
  });

  it("an earlier period takes a non-blank reason, which is what gets recorded", () => {
    expect(judgeStartPeriod({ year: 2026, period: "TW1", effectiveDay: "2026-05-01", overrideReason: "   " })).toMatchObject({ ok: false, code: "BEFORE_EFFECTIVE", periodEnd: "2026-03-31" });
    expect(judgeStartPeriod({ year: 2026, period: "TW1", effectiveDay: "2026-05-01", overrideReason: " Pengukuran susulan " })).toEqual({ ok: true, override: "Pengukuran susulan" });
  });

  it("mayStartCycle refuses the period with a message for the reason field, and the role first", () => {
    const member = { userId: "u", roleIds: ["r1"], isAdmin: false };
    const start = { year: 2026, period: "TW1" as const, effectiveDay: "2026-05-01", executorRoleName: "Kepala Dinas" };
    const refused = mayStartCycle("r1", member, start);
    expect(refused).toMatchObject({ ok: false, refusal: { code: "INVALID" } });
    if (!refused.ok) {
      expect(refused.refusal.message).toBe(
        "Triwulan I 2026 berakhir sebelum SOP versi ini berlaku (1 Mei 2026). Periode itu berjalan dengan SOP sebelumnya; jika tetap ingin memakai versi ini, tulis alasannya.",
      );
      expect(refused.refusal.fieldErrors?.overrideReason).toEqual([refused.refusal.message]);
    }
    expect(mayStartCycle("r1", member, { ...start, overrideReason: "Susulan" })).toEqual({ ok: true, override: "Susulan" });
    expect(mayStartCycle("r2", member, { ...start, overrideReason: "Susulan" })).toMatchObject({ ok: false, refusal: { code: "FORBIDDEN" } });
    expect(mayStartCycle("r1", member)).toBe(true);
  });

  it("no demo cycle (Triwulan I and II 2026) runs under a version effective after it", () => {
    for (const sop of Object.values(SEED_SOPS)) {
      for (const period of ["TW1", "TW2"] as const) {
        expect(judgeStartPeriod({ year: 2026, period, effectiveDay: sop.tanggalEfektif }), sop.nomor).toEqual({ ok: true, override: null });
      }
    }
  });
});

import { describe, expect, it } from "vitest";

import { ZAuditEventInput } from "@/lib/audit/events";
import { AUDIT_ACTION_LABELS, actionLabel, describeExportParams, displayAddress, summarizeEvent } from "@/lib/audit/labels";
import { clipWords } from "@/lib/format";

/** Every action code the code base can record, read from the event union itself (a literal or an enum per member). */
const RECORDED_ACTIONS = ZAuditEventInput.options.flatMap((o) => {
  const a = o.shape.action as unknown as { options?: string[]; value?: string; values?: Set<string> };
  return a.options ?? (a.values ? [...a.values] : [a.value!]);
});

describe("audit action labels", () => {
  it("reads every recorded action code as an Indonesian phrase, never as the code", () => {
    expect(RECORDED_ACTIONS.length).toBeGreaterThan(40);
    expect(new Set(Object.keys(AUDIT_ACTION_LABELS))).toEqual(new Set(RECORDED_ACTIONS));
    for (const code of RECORDED_ACTIONS) {
      const label = actionLabel(code);
      expect(label, code).not.toBe(code);
      expect(label, code).toMatch(/^[A-Z][a-z]/);
      // No code-like "x.y" or "x_y" (an abbreviation such as "Plt./Plh." is fine).
      expect(label, code).not.toMatch(/[a-z][._][a-z]/i);
    }
    expect(actionLabel("report.export")).toBe("Mengunduh laporan");
  });
});

describe("names instead of ids", () => {
  it("shows an IPv4 address seen over IPv6 as plain IPv4", () => {
    expect(displayAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(displayAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(displayAddress("192.168.1.5")).toBe("192.168.1.5");
    expect(displayAddress(null)).toBeNull();
  });

  it("describes an export's query in words, with people and cycles by name", () => {
    const nameOf = (kind: string, id: string) => (kind === "user" && id === "u1" ? "Budi (NIP 1970…)" : kind === "cycle" && id === "c1" ? "Siklus Triwulan II 2026 · SOP 7/A" : undefined);
    expect(describeExportParams({ tahun: "2026", tw: "2" })).toBe("tahun 2026, TW II");
    expect(describeExportParams({ actorId: "u1", cycleId: "c1", action: "task.approve", from: "2026-04-01" }, nameOf)).toBe(
      'pelaku Budi (NIP 1970…), Siklus Triwulan II 2026 · SOP 7/A, peristiwa "Menyetujui (Ya)", dari 2026-04-01',
    );
    expect(describeExportParams({ actorId: "hilang" }, nameOf)).toBe("pelaku (tidak ditemukan)");
    const summary = summarizeEvent(
      { action: "report.export", entityType: "Agency", entityId: "a", data: { report: "audit-log", params: { actorId: "u1" } } },
      nameOf,
    );
    expect(summary).toBe("Jejak audit (CSV) diunduh (pelaku Budi (NIP 1970…))");
    expect(summary).not.toContain("u1");
  });

  it("names the units of a member's unit change", () => {
    const nameOf = (kind: string, id: string) => (kind === "unit" ? ({ a: "Bidang Bina Marga", b: "Sekretariat" } as Record<string, string>)[id] : undefined);
    expect(summarizeEvent({ action: "membership.unit_set", entityType: "User", entityId: "u", data: { unitId: { before: "a", after: "b" } } }, nameOf)).toBe(
      "Unit kerja anggota: Bidang Bina Marga → Sekretariat",
    );
    expect(summarizeEvent({ action: "membership.unit_set", entityType: "User", entityId: "u", data: { unitId: { before: null, after: "x" } } }, nameOf)).toBe(
      "Unit kerja anggota: tanpa unit → (unit tidak ditemukan)",
    );
  });
});

describe("clipWords", () => {
  it("shortens at a word boundary, never inside a word", () => {
    const text = "Menyusun laporan pengukuran kinerja triwulan dan menyampaikannya kepada Kepala Dinas";
    const clipped = clipWords(text, 40);
    expect(clipped.length).toBeLessThanOrEqual(40);
    expect(clipped).toBe("Menyusun laporan pengukuran kinerja…");
    expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(clipWords("Pendek", 40)).toBe("Pendek");
    expect(clipWords("  spasi   berlebih  ", 40)).toBe("spasi berlebih");
    expect(clipWords("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
  });
});

import { describe, expect, it } from "vitest";

import { inferAssignment } from "@/lib/sop/paste-import";

describe("assignment mode from the activity text", () => {
  it("reads 'setiap Bidang' as every unit of that kind", () => {
    expect(inferAssignment("Setiap Bidang mengisi realisasi kinerja triwulan", "INPUT", false)).toEqual({ assignment: "EVERY_UNIT", unitKind: "BIDANG" });
    expect(inferAssignment("Masing-masing Seksi menyusun laporan", "DRAFT", false)).toEqual({ assignment: "EVERY_UNIT", unitKind: "SEKSI" });
  });

  it("reads a meeting 'bersama …' or with participants as joint", () => {
    expect(inferAssignment("Rapat Tim bersama Sekretaris", "MEETING", true)).toEqual({ assignment: "JOINT", unitKind: null });
    expect(inferAssignment("Rapat Dinas membahas capaian dengan seluruh Bidang", "MEETING", true)).toEqual({ assignment: "JOINT", unitKind: null });
  });

  it("keeps decisions and plain steps with one executor", () => {
    expect(inferAssignment("Memeriksa laporan setiap Bidang; jika tidak lengkap dikembalikan", "REVIEW", false)).toEqual({ assignment: "SINGLE", unitKind: null });
    expect(inferAssignment("Menyusun laporan kinerja", "DRAFT", false)).toEqual({ assignment: "SINGLE", unitKind: null });
  });
});

describe("the printed and exported note of the assignment", () => {
  it("names every unit of the kind, the chosen units, or the joint work", async () => {
    const { assignmentNote } = await import("@/lib/sop/assignment");
    expect(assignmentNote({ assignment: "EVERY_UNIT", unitKind: "BIDANG", unitNames: [] })).toBe("Dikerjakan oleh setiap Bidang");
    expect(assignmentNote({ assignment: "EVERY_UNIT", unitKind: null, unitNames: ["Bidang Irigasi", "UPTD Alat Berat"] })).toBe(
      "Dikerjakan oleh setiap unit: Bidang Irigasi, UPTD Alat Berat",
    );
    expect(assignmentNote({ assignment: "JOINT", unitKind: null, unitNames: [] })).toBe("Dikerjakan bersama seluruh peserta");
    expect(assignmentNote({ assignment: "SINGLE", unitKind: null, unitNames: [] })).toBe("");
  });
});

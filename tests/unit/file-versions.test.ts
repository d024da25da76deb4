/**
 * Versions of a step's output derived from its rounds (lib/cycle/file-versions.ts,
 * docs/decisions/026-file-versions.md).
 */
import { describe, expect, it } from "vitest";

import { fileVersions, versionsUnderReview } from "@/lib/cycle/file-versions";

const at = (minute: number) => new Date(Date.UTC(2026, 9, 6, 1, minute));
const file = (id: string, minute: number, by = "Kasubag Program") => ({ id, originalName: `${id}.pdf`, mimeType: "application/pdf", size: 10, createdAt: at(minute), uploadedBy: { name: by } });
const task = (id: string, stepNumber: number, round: number, files: ReturnType<typeof file>[], unitId: string | null = null) => ({ id, stepNumber, round, unitId, files });

describe("fileVersions", () => {
  it("numbers the rounds of a step that carry files, each replacing the one before; a round without files gets no version", () => {
    const v = fileVersions([
      task("3.1", 3, 1, [file("a", 1)]),
      task("3.2", 3, 2, []),
      task("3.3", 3, 3, [file("c2", 9, "Staf"), file("c1", 8)]),
      task("5.1", 5, 1, [file("x", 2)]),
    ]);
    expect(v.get("3.1")).toMatchObject({ version: 1, replaces: null });
    expect(v.has("3.2")).toBe(false);
    expect(v.get("3.3")).toMatchObject({ version: 2, replaces: { version: 1, taskId: "3.1", round: 1 }, uploadedBy: ["Kasubag Program", "Staf"], uploadedAt: at(9) });
    expect(v.get("3.3")!.files.map((f) => f.id)).toEqual(["c1", "c2"]);
    // Another step's output is versioned on its own.
    expect(v.get("5.1")).toMatchObject({ version: 1, replaces: null });
  });

  it("versions an every-unit step per unit", () => {
    const v = fileVersions([task("4.1.A", 4, 1, [file("a", 1)], "A"), task("4.1.B", 4, 1, [file("b", 1)], "B"), task("4.2.A", 4, 2, [file("a2", 5)], "A")]);
    expect([v.get("4.1.A")?.version, v.get("4.1.B")?.version, v.get("4.2.A")?.version]).toEqual([1, 1, 2]);
    expect(v.get("4.2.A")!.replaces?.taskId).toBe("4.1.A");
  });
});

describe("versionsUnderReview", () => {
  const tasks = [task("3.1", 3, 1, [file("a", 1)]), task("3.2", 3, 2, [file("b", 5)]), task("3.3", 3, 3, [])];
  it("the work under review's version and the latest earlier one", () => {
    const r = versionsUnderReview(tasks, tasks[1]!);
    expect([r.current?.version, r.previous?.version]).toEqual([2, 1]);
  });
  it("a round without a file: no current version, the previous is the last one sent", () => {
    const r = versionsUnderReview(tasks, tasks[2]!);
    expect([r.current, r.previous?.version]).toEqual([null, 2]);
  });
  it("the first version has nothing before it", () => {
    expect(versionsUnderReview(tasks, tasks[0]!).previous).toBeNull();
  });
});

import { describe, expect, it } from "vitest";

import { signaturePlaceDate } from "@/lib/agency/format";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import { can } from "@/lib/authz/permissions";
import { firstSteps } from "@/lib/onboarding/checklist";
import { designatedCapabilities, impliedCapabilities, withCapabilities } from "@/lib/role/capabilities";
import { roleCodeFromName } from "@/lib/role/code";
import { missingRolesInJson, remapSopJsonRoles } from "@/lib/sop/exchange";
import { subtreeIds, unitTree } from "@/lib/unit/tree";

describe("roleCodeFromName: nobody types a role code", () => {
  it.each([
    ["Tim Evaluator Kinerja", "TIM_EVALUATOR_KINERJA"],
    ["Kasubag Perencanaan & Keuangan", "KASUBAG_PERENCANAAN_KEUANGAN"],
    ["Kabag/Kasubag", "KABAG_KASUBAG"],
    ["  Sékretaris  Dinas ", "SEKRETARIS_DINAS"],
    ["Tim Penyusun SAKIP/LAKIP", "TIM_PENYUSUN_SAKIP_LAKIP"],
    ["!!!", "PERAN"],
  ])("%s -> %s", (name, code) => {
    expect(roleCodeFromName(name)).toBe(code);
  });

  it("never produces a reserved code, and makes taken codes unique with a suffix (ignoring case)", () => {
    expect(roleCodeFromName("Admin")).toBe("ADMIN_2");
    expect(roleCodeFromName("Auditor")).toBe("AUDITOR_2");
    expect(roleCodeFromName("Kabid", ["kabid"])).toBe("KABID_2");
    expect(roleCodeFromName("Kabid", ["KABID", "KABID_2"])).toBe("KABID_3");
  });

  it("stays within 40 characters, suffix included, without a dangling underscore", () => {
    const name = "Kepala Bidang Penataan Ruang dan Pengendalian Pemanfaatan Ruang Wilayah";
    const code = roleCodeFromName(name);
    expect(code.length).toBeLessThanOrEqual(40);
    expect(code).not.toMatch(/_$/);
    const second = roleCodeFromName(name, [code]);
    expect(second.length).toBeLessThanOrEqual(40);
    expect(second).toMatch(/_2$/);
    expect(second).not.toBe(code);
  });
});

describe("signaturePlaceDate: the place and date line of a signature block", () => {
  it("writes the city and the Indonesian date", () => {
    expect(signaturePlaceDate({ city: "Padang", timeZone: "WIB" }, new Date("2026-12-03T05:00:00Z"))).toBe("Padang, 3 Desember 2026");
  });

  it("dates in the agency's time zone: 00.30 WIT on 3 December is still 2 December in WIB", () => {
    const at = new Date("2026-12-02T15:30:00Z");
    expect(signaturePlaceDate({ city: "Jayapura", timeZone: "WIT" }, at)).toBe("Jayapura, 3 Desember 2026");
    expect(signaturePlaceDate({ city: "Padang", timeZone: "WIB" }, at)).toBe("Padang, 2 Desember 2026");
  });

  it("tidies the city and falls back to the date alone", () => {
    expect(signaturePlaceDate({ city: "  Kota   Padang ", timeZone: "WIB" }, new Date("2026-01-15T03:00:00Z"))).toBe("Kota Padang, 15 Januari 2026");
    expect(signaturePlaceDate({ city: "   ", timeZone: "WITA" }, new Date("2026-08-17T03:00:00Z"))).toBe("17 Agustus 2026");
  });
});

describe("generateTemporaryPassword", () => {
  it("gives three groups of four unambiguous characters, different every time", () => {
    const passwords = Array.from({ length: 200 }, generateTemporaryPassword);
    for (const p of passwords) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe("role capabilities as the role screen shows them", () => {
  it("derives what the static map already grants from `can`", () => {
    expect(impliedCapabilities({ code: "ADMIN", isHead: false })).toEqual(["sop.edit", "performance.manage"]);
    expect(impliedCapabilities({ code: "KEPALA_DINAS", isHead: true })).toEqual(["sop.activate"]);
    // No role code is special any more: a role called TIM_SAKIP gets nothing by its code.
    expect(impliedCapabilities({ code: "TIM_SAKIP", isHead: false })).toEqual([]);
    expect(can([{ code: "TIM_SAKIP" }], "realization.verify")).toBe(false);
  });

  it("grants exactly the chosen designations to one code and leaves the others alone", () => {
    const before = { "realization.verify": ["TIM_EVALUATOR"], "sop.edit": ["PENYUSUN", "TIM_EVALUATOR"] };
    const after = withCapabilities(before, "TIM_EVALUATOR", ["performance.manage", "realization.verify"]);
    expect(after).toEqual({ "realization.verify": ["TIM_EVALUATOR"], "sop.edit": ["PENYUSUN"], "performance.manage": ["TIM_EVALUATOR"] });
    expect(designatedCapabilities("TIM_EVALUATOR", after)).toEqual(["performance.manage", "realization.verify"]);
    expect(can([{ code: "TIM_EVALUATOR" }], "realization.verify", after)).toBe(true);
    expect(withCapabilities(after, "TIM_EVALUATOR", [])).toEqual({ "sop.edit": ["PENYUSUN"] });
  });
});

describe("unitTree", () => {
  const u = (id: string, parentId: string | null, sortOrder: number, name = id) => ({ id, parentId, sortOrder, name });

  it("lists parents before their children, each level in its order, with depth and path", () => {
    const tree = unitTree([u("bm", null, 2, "Bidang Bina Marga"), u("pr", "sek", 1, "Subbag Perencanaan"), u("sek", null, 1, "Sekretariat"), u("um", "sek", 0, "Subbag Umum")]);
    expect(tree.map((t) => [t.id, t.depth])).toEqual([
      ["sek", 0],
      ["um", 1],
      ["pr", 1],
      ["bm", 0],
    ]);
    expect(tree[2]!.path).toEqual(["Sekretariat", "Subbag Perencanaan"]);
  });

  it("never loses a unit: a missing parent or a cycle in old data shows it at the top", () => {
    const tree = unitTree([u("a", "b", 0), u("b", "a", 0), u("c", "gone", 0)]);
    expect(tree.map((t) => t.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("subtreeIds: the unit and everything below it", () => {
    const units = [u("sek", null, 0), u("pr", "sek", 0), u("x", "pr", 0), u("bm", null, 1)];
    expect([...subtreeIds(units, "sek")].sort()).toEqual(["pr", "sek", "x"]);
  });
});

describe("firstSteps: the new agency's checklist", () => {
  const none = { roles: 0, headRoles: 0, activeUnits: 0, workingMembers: 0, activeSops: 0, agreements: 0 };

  it("is all to do for an agency that has nothing", () => {
    expect(firstSteps(none).map((s) => [s.key, s.done])).toEqual([
      ["roles", false],
      ["units", false],
      ["members", false],
      ["sop", false],
      ["agreement", false],
    ]);
  });

  it("counts roles as done only with a head role, and says so", () => {
    const noHead = firstSteps({ ...none, roles: 4 })[0]!;
    expect(noHead.done).toBe(false);
    expect(noHead.hint).toMatch(/kepala instansi/);
    expect(firstSteps({ ...none, roles: 4, headRoles: 1, activeUnits: 3 }).filter((s) => s.done).map((s) => s.key)).toEqual(["roles", "units"]);
  });
});

describe("importing an exported SOP into an agency that lacks some of its roles", () => {
  const file = JSON.stringify({
    format: "alur-kinerja/sop",
    formatVersion: 1,
    roles: [
      { code: "KADIS", name: "Kepala Dinas" },
      { code: "TIM_SAKIP", name: "Tim SAKIP" },
      { code: "BIDANG", name: "Bidang" },
    ],
    sop: {
      nomor: "1",
      steps: [
        { number: 1, executorRoleCode: "KADIS", participantRoleCodes: [] },
        { number: 2, executorRoleCode: "TIM_SAKIP", participantRoleCodes: ["BIDANG", "KADIS"] },
        { number: 3, executorRoleCode: "BIDANG", participantRoleCodes: ["TIM_SAKIP"] },
      ],
    },
  });

  it("names each code the agency does not have once, with the file's own role name", () => {
    const found = missingRolesInJson(file, new Set(["KADIS"]));
    expect(found?.missing).toEqual([
      { code: "TIM_SAKIP", name: "Tim SAKIP" },
      { code: "BIDANG", name: "Bidang" },
    ]);
    expect(missingRolesInJson(file, new Set(["KADIS", "TIM_SAKIP", "BIDANG"]))).toBeNull();
    expect(missingRolesInJson("{ bukan json", new Set())).toBeNull();
  });

  it("rewrites executors and participants to the chosen roles, dropping a participant who became the executor", () => {
    const found = missingRolesInJson(file, new Set(["KADIS"]))!;
    const out = JSON.parse(remapSopJsonRoles(found, { TIM_SAKIP: "TIM_EVALUATOR_KINERJA", BIDANG: "KADIS" }));
    expect(out.format).toBe("alur-kinerja/sop");
    expect(out.sop.steps.map((s: { executorRoleCode: string; participantRoleCodes: string[] }) => [s.executorRoleCode, s.participantRoleCodes])).toEqual([
      ["KADIS", []],
      ["TIM_EVALUATOR_KINERJA", ["KADIS"]],
      ["KADIS", ["TIM_EVALUATOR_KINERJA"]],
    ]);
  });
});

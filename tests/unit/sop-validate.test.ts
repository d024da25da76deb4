import { describe, expect, it } from "vitest";

import { SEED_AGENCIES } from "@/lib/seed/agencies";
import type { TSopInput, TSopStep } from "@/lib/sop/schemas";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { parseSopInput, validateSop, type TSopValidation } from "@/lib/sop/validate";

const rolesOf = (slug: string) => SEED_AGENCIES.find((a) => a.slug === slug)!.roles.map((r) => r.code);
const BMCKTR_ROLES = rolesOf("bmcktr-sumbar");

/** BMCKTR with one step changed. */
function bmcktrWith(stepNumber: number, change: Partial<TSopStep>): TSopInput {
  const sop = structuredClone(SEED_SOPS["bmcktr-sumbar"]);
  Object.assign(sop.steps[stepNumber - 1]!, change);
  return sop;
}

function errorsOf(result: TSopValidation) {
  return result.ok ? [] : result.errors;
}

function messageAt(result: TSopValidation, path: (string | number)[]) {
  return errorsOf(result)
    .filter((e) => e.path.join(".") === path.join("."))
    .map((e) => e.message);
}

describe("validateSop", () => {
  it.each(SEED_AGENCIES.map((a) => a.slug))("accepts the seed SOP of %s with its agency's roles", (slug) => {
    expect(validateSop(SEED_SOPS[slug as keyof typeof SEED_SOPS], rolesOf(slug))).toEqual({ ok: true });
  });

  it("refuses a step whose executor is also listed as participant (two executors)", () => {
    const result = validateSop(bmcktrWith(4, { participantRoleCodes: ["BIDANG", "SEKRETARIS"] }), BMCKTR_ROLES);
    expect(messageAt(result, ["steps", 3, "participantRoleCodes", 1])).toEqual([
      'Setiap langkah harus memiliki tepat satu pelaksana: "SEKRETARIS" sudah menjadi pelaksana, hapus dari daftar peserta',
    ]);
  });

  it("refuses a step without executor", () => {
    const result = validateSop(bmcktrWith(2, { executorRoleCode: "" }), BMCKTR_ROLES);
    expect(messageAt(result, ["steps", 1, "executorRoleCode"])).toEqual(["Setiap langkah harus memiliki tepat satu pelaksana"]);
  });

  it("names an executor or participant role the agency does not have", () => {
    const result = validateSop(bmcktrWith(3, { executorRoleCode: "JFP", participantRoleCodes: ["INSPEKTUR"] }), BMCKTR_ROLES);
    expect(messageAt(result, ["steps", 2, "executorRoleCode"])).toEqual(['Pelaksana "JFP" tidak terdaftar sebagai peran di instansi ini']);
    expect(messageAt(result, ["steps", 2, "participantRoleCodes", 0])).toEqual([
      'Peserta "INSPEKTUR" tidak terdaftar sebagai peran di instansi ini',
    ]);
  });

  it("refuses another agency's roles", () => {
    const result = validateSop(SEED_SOPS["bmcktr-sumbar"], rolesOf("setwan-balangan"));
    expect(errorsOf(result).map((e) => e.message)).toContain('Pelaksana "KADIS" tidak terdaftar sebagai peran di instansi ini');
  });

  it("refuses a Tidak that goes to a later step (or to itself)", () => {
    expect(messageAt(validateSop(bmcktrWith(7, { noStepNumber: 8 }), BMCKTR_ROLES), ["steps", 6, "noStepNumber"])).toEqual([
      'Alur "Tidak" pada langkah 7 harus kembali ke langkah sebelumnya (nomor kurang dari 7), bukan ke langkah 8',
    ]);
    expect(messageAt(validateSop(bmcktrWith(7, { noStepNumber: 7 }), BMCKTR_ROLES), ["steps", 6, "noStepNumber"])[0]).toMatch(
      /harus kembali ke langkah sebelumnya/,
    );
  });

  it("refuses a Ya that goes backwards", () => {
    expect(messageAt(validateSop(bmcktrWith(7, { yesStepNumber: 2 }), BMCKTR_ROLES), ["steps", 6, "yesStepNumber"])).toEqual([
      'Alur "Ya" pada langkah 7 harus menuju langkah sesudahnya (nomor lebih dari 7), bukan ke langkah 2',
    ]);
  });

  it("refuses a branch target that does not exist", () => {
    expect(messageAt(validateSop(bmcktrWith(7, { yesStepNumber: 12 }), BMCKTR_ROLES), ["steps", 6, "yesStepNumber"])).toEqual([
      "Langkah 12 tidak ada dalam SOP ini",
    ]);
  });

  it.each([0, -1])("refuses a time of %s", (waktuJumlah) => {
    expect(messageAt(validateSop(bmcktrWith(5, { waktuJumlah }), BMCKTR_ROLES), ["steps", 4, "waktuJumlah"])).toEqual([
      "Waktu harus lebih dari 0",
    ]);
  });

  it("refuses a step nobody can reach", () => {
    // Step 7 approves straight to step 9: step 8 is skipped and nothing else leads to it.
    const result = validateSop(bmcktrWith(7, { yesStepNumber: 9 }), BMCKTR_ROLES);
    expect(messageAt(result, ["steps", 7])).toEqual(["Langkah 8 tidak dapat dicapai dari langkah 1"]);
  });

  it("accepts a skipped step that a later return reaches", () => {
    const sop = bmcktrWith(5, { kind: "REVIEW", yesStepNumber: 7, noStepNumber: 4 });
    Object.assign(sop.steps[6]!, { noStepNumber: 6 });
    expect(validateSop(sop, BMCKTR_ROLES)).toEqual({ ok: true });
  });

  it("refuses a flow that ends in a decision", () => {
    const sop = structuredClone(SEED_SOPS["bmcktr-sumbar"]);
    sop.steps = sop.steps.slice(0, 7);
    expect(messageAt(validateSop(sop, BMCKTR_ROLES), ["steps", 6, "kind"])[0]).toMatch(/^Langkah terakhir tidak boleh berupa pemeriksaan/);
  });

  it("refuses step numbers that are not 1..n in order", () => {
    const sop = structuredClone(SEED_SOPS["setwan-balangan"]);
    [sop.steps[1], sop.steps[2]] = [sop.steps[2]!, sop.steps[1]!];
    const result = validateSop(sop, rolesOf("setwan-balangan"));
    expect(messageAt(result, ["steps", 1, "number"])).toEqual([
      "Nomor langkah harus berurutan mulai dari 1: langkah ke-2 bernomor 3, seharusnya 2",
    ]);
  });

  it("refuses Ya/Tidak on a step that is not a decision", () => {
    const result = validateSop(bmcktrWith(3, { noStepNumber: 1, yesStepNumber: 5 }), BMCKTR_ROLES);
    expect(messageAt(result, ["steps", 2, "noStepNumber"])[0]).toMatch(/bukan pemeriksaan\/persetujuan/);
    expect(messageAt(result, ["steps", 2, "yesStepNumber"])[0]).toMatch(/bukan pemeriksaan\/persetujuan/);
  });
});

describe("parseSopInput", () => {
  it("returns the parsed SOP when schema and flow are valid", () => {
    const raw = structuredClone(SEED_SOPS["diskominfo-lumajang"]) as Record<string, unknown>;
    raw.disahkanNip = "19840518 201101 1 014";
    const result = parseSopInput(raw, rolesOf("diskominfo-lumajang"));
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.disahkanNip).toBe("198405182011011014");
  });

  it("reports schema errors as field errors keyed by form path", () => {
    const raw = structuredClone(SEED_SOPS["bmcktr-sumbar"]) as unknown as { steps: Record<string, unknown>[] };
    raw.steps[4]!.waktuJumlah = 0;
    const result = parseSopInput(raw, BMCKTR_ROLES);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors["steps.4.waktuJumlah"]).toEqual(["Waktu harus lebih dari 0"]);
  });

  it("reports flow errors the same way", () => {
    const result = parseSopInput(bmcktrWith(7, { noStepNumber: 9 }), BMCKTR_ROLES);
    expect(!result.ok && result.fieldErrors["steps.6.noStepNumber"]?.[0]).toMatch(/harus kembali ke langkah sebelumnya/);
  });

  it("answers garbage in Indonesian", () => {
    const result = parseSopInput("bukan SOP", BMCKTR_ROLES);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.every((e) => !/invalid|expected/i.test(e.message))).toBe(true);
  });
});

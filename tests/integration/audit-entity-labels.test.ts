/**
 * The audit log names what each row is about (lib/audit/queries.ts describeAuditRows, decision 061):
 * every entity type the code writes audit events for has a type label and an object label, derived
 * from the event definitions (lib/audit/events.ts), so a new type without one fails here. The LKE
 * evaluation and the follow-up item are looked up (year and edition; the recommendation and its
 * unit), in the batch's one statement, never "(tidak ditemukan)" while they exist.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { ENTITY_LABELERS } from "@/lib/audit/entity-labels";
import { ZAuditEventInput } from "@/lib/audit/events";
import { AUDIT_MESSAGES, ENTITY_TYPE_LABELS } from "@/lib/audit/labels";
import { describeAuditRows } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";

import { createAgency, createUser } from "./factories";

/** The entity types of the event definitions: each option's entityType literal or enum. */
function definedEntityTypes(): Set<string> {
  const types = new Set<string>();
  for (const option of ZAuditEventInput.options) {
    const schema = option.shape.entityType as unknown as { value?: string; options?: readonly string[] };
    if (typeof schema.value === "string") types.add(schema.value);
    for (const v of schema.options ?? []) types.add(v);
  }
  return types;
}

/** Every `entityType: "X"` the application's code writes (lib/), as a second source. */
function writtenEntityTypes(): Set<string> {
  const types = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "generated") walk(path);
      } else if (/\.tsx?$/.test(name)) {
        for (const m of readFileSync(path, "utf8").matchAll(/entityType: "([A-Za-z]+)"/g)) types.add(m[1]!);
      }
    }
  };
  walk(join(process.cwd(), "lib"));
  return types;
}

describe("every audited entity type has a label", () => {
  it("the event definitions and the code agree, and each type has a type label and an object labeler", () => {
    const defined = definedEntityTypes();
    expect(defined.size).toBeGreaterThan(20);
    for (const type of writtenEntityTypes()) expect(defined, `${type} is written but not defined in lib/audit/events.ts`).toContain(type);
    for (const type of defined) {
      expect(ENTITY_TYPE_LABELS[type], `type label for ${type}`).toEqual(expect.any(String));
      expect(ENTITY_LABELERS[type as keyof typeof ENTITY_LABELERS], `object labeler for ${type}`).toEqual(expect.any(Function));
    }
  });
});

describe("the LKE evaluation and the follow-up item are named in the log", () => {
  it("by year and edition, and by recommendation and unit; as recorded once they are gone", async () => {
    const agency = await createAgency();
    const user = await createUser();
    const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Bina Marga" } });
    const edition = await db.lkeEdition.create({ data: { name: `PermenPAN-RB 88/2021 uji ${agency.id}`, validFromYear: 2021 } });
    const evaluation = await db.lkeEvaluation.create({ data: { agencyId: agency.id, year: 2025, editionId: edition.id, structure: {}, createdById: user.id } });
    const followUp = await db.followUp.create({
      data: { agencyId: agency.id, recommendation: "Lengkapi definisi operasional indikator", unitId: unit.id, dueDate: new Date("2026-03-31"), createdById: user.id },
    });
    let id = 1n;
    const row = (entityType: string, entityId: string, action: string, data: object) => ({
      id: id++,
      seq: null,
      createdAt: new Date(),
      actorId: user.id,
      actorSnapshot: { name: user.name, nip: user.nip, roles: [] },
      action,
      entityType,
      entityId,
      data,
      ip: null,
      userAgent: null,
      requestId: null,
    });
    const rows = [
      row("LkeEvaluation", evaluation.id, "lke.answer", { year: 2025, criterionCode: "1.a.1", answer: {}, justification: {}, evidenceLinks: {} }),
      row("FollowUp", followUp.id, "followup.close", { recommendation: "Lengkapi definisi operasional", note: "Selesai", files: 1, noFileReason: null }),
      row("LkeEvaluation", "gone", "lke.submit", { year: 2024, status: {}, score: 70, predikat: "BB" }),
      row("FollowUp", "gone", "followup.reopen", { recommendation: "Perbaiki data dukung", reason: "Belum lengkap" }),
    ];
    const views = await describeAuditRows(agency.id, rows);
    expect(views.map((v) => v.entityLabel)).toEqual([
      `LKE 2025 · ${edition.name}`,
      "“Lengkapi definisi operasional indikator” · Bidang Bina Marga",
      "LKE 2024",
      "“Perbaiki data dukung”",
    ]);
    expect(views.every((v) => v.entityLabel !== AUDIT_MESSAGES.log.deletedEntity)).toBe(true);
    expect(views.map((v) => v.entityTypeLabel)).toEqual(["Evaluasi LKE", "Tindak lanjut", "Evaluasi LKE", "Tindak lanjut"]);
  });
});

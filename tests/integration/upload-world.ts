/**
 * A realization ready to receive evidence, and the files to upload: shared by
 * the storage tests of both drivers (local disk and S3).
 */
import { db } from "@/lib/db/client";
import type { RealizationStatus } from "@/lib/generated/prisma/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { storeUpload, type StoreUploadInput } from "@/lib/storage/service";

import { actorOf, addMembership, createAgencyLike, createUser } from "./factories";

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
export const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120)]);

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;

let yearCounter = 0;

/** A realization of one indicator (unit, PK, sasaran, IKU created for it) in the given status. */
export async function createRealization(agencyId: string, status: RealizationStatus = "DRAFT") {
  const n = ++yearCounter;
  const unit = await db.orgUnit.create({ data: { agencyId, name: `Bidang Jalan ${n}` } });
  const agreement = await db.performanceAgreement.create({
    data: {
      agencyId,
      year: 2000 + n,
      firstPartyName: "Ir. Kepala Dinas",
      firstPartyJabatan: "Kepala Dinas",
      secondPartyName: "Gubernur",
      secondPartyJabatan: "Gubernur Sumatera Barat",
    },
  });
  const goal = await db.strategicGoal.create({ data: { agencyId, agreementId: agreement.id, code: "SS1", name: "Meningkatnya kemantapan jalan" } });
  const indicator = await db.indicator.create({
    data: { agencyId, goalId: goal.id, code: "IKU1", name: "Persentase jalan mantap", unit: "%", orgUnitId: unit.id, targetValue: 80 },
  });
  const realization = await db.realization.create({ data: { agencyId, indicatorId: indicator.id, year: 2000 + n, quarter: 1, status } });
  return { ...realization, unitId: unit.id };
}

/** An agency with BMCKTR's roles, a DRAFT realization and a member (BIDANG) of the indicator's unit. */
export async function realizationWorld() {
  const agency = await createAgencyLike(SUMBAR);
  const user = await createUser({ name: "Rina Bidang Jalan" });
  const realization = await createRealization(agency.id);
  const membership = await addMembership(user.id, agency, "BIDANG");
  await db.membership.update({ where: { id: membership.id }, data: { unitId: realization.unitId } });
  const roleIds = [membership.roleId];
  const upload = (overrides: Partial<StoreUploadInput> = {}) =>
    storeUpload({
      agencyId: agency.id,
      uploadedBy: actorOf(user, ["BIDANG"]),
      roleIds,
      unitIds: [realization.unitId],
      meta: { ip: "10.0.0.7", userAgent: "vitest", requestId: "req-upload" },
      bytes: PDF,
      originalName: "Data dukung IKU1 TW I.pdf",
      declaredType: "application/pdf",
      target: { realizationId: realization.id },
      ...overrides,
    });
  return { agency, user, realization, roleIds, upload };
}

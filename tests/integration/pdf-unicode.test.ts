/**
 * Server PDFs print names as typed (issue #15 item 5, decision 030): the Laporan Pengukuran
 * Kinerja of a fresh agency whose head is "Ṣāliḥ Nuñez Đặng" and whose indicator and sasaran
 * carry such letters, downloaded as is and signed by that head, reads back with poppler's
 * pdftotext exactly as typed; its fonts are embedded (no built-in WinAnsi Helvetica), and the
 * signed copy still verifies with pdfsig.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { db } from "@/lib/db/client";
import { buildPeriodReportPdf } from "@/lib/performance/report-build";
import { P12PadesSigner } from "@/lib/signing/signer";
import { makeDemoP12 } from "@/lib/signing/certificate";
import { signPerformanceReport, type TSigningCtx } from "@/lib/signing/service";

import { actorOf } from "./factories";
import { pdfFonts, pdfToText } from "./pdf-text";
import { setup, YEAR, type World } from "./performance-world";
import { storedFileBytes } from "./stored-bytes";
import { temporaryFileStorage } from "./temp-storage";

const HEAD = "Ṣāliḥ Nuñez Đặng";
const PK_FIRST_PARTY = "Dr. Ṣāliḥ Nuñez Đặng, M.Sc.";
const INDICATOR = "Persentase desa Ṣūfī dan Đồng Nai terlayani";
const GOAL = "Meningkatnya layanan ḤAYĀT";

const run = promisify(execFile);
const storage = temporaryFileStorage("alur-pdf-unicode-it-");
let w: World;

beforeAll(async () => {
  w = await setup();
  await db.agency.update({ where: { id: w.agency.id }, data: { city: "Padang" } });
  await db.user.update({ where: { id: w.users.KADIS.id }, data: { name: HEAD, gelarDepan: null, gelarBelakang: null } });
  await db.indicator.update({ where: { id: w.ind.A1 }, data: { name: INDICATOR } });
  const goal = await db.indicator.findUniqueOrThrow({ where: { id: w.ind.A1 }, select: { goalId: true } });
  await db.strategicGoal.update({ where: { id: goal.goalId }, data: { name: GOAL } });
  await db.performanceAgreement.updateMany({ where: { agencyId: w.agency.id, year: YEAR }, data: { firstPartyName: PK_FIRST_PARTY } });
}, 120_000);

async function agencyOf() {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: w.agency.id }, include: { government: true } });
  return { id: agency.id, name: agency.name, slug: agency.slug, governmentName: agency.government.name, timeZone: agency.timeZone, city: agency.city, settings: readAgencySettings(agency.settings) };
}

const fileBytes = storedFileBytes;

describe("the realization report prints names as typed", () => {
  it("the downloaded report: the PK's first party, the sasaran and the indicator read back exactly, in embedded fonts", async () => {
    const pdf = (await buildPeriodReportPdf(await agencyOf(), YEAR, 1))!;
    const text = (await pdfToText(pdf)).normalize("NFC");
    expect(text).toContain(PK_FIRST_PARTY);
    expect(text).toContain(INDICATOR);
    expect(text).toContain(GOAL);
    // Nothing replaced by a look-alike or a question mark.
    expect(text).not.toContain("Salih");
    expect(text).not.toMatch(/S\?l|Nu\?ez|\?\?ng|Dang/);

    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/Inter/);
      expect(font.embedded).toBe(true);
    }
  });

  it("signed by the head named 'Ṣāliḥ Nuñez Đặng': the signature block prints the name, and pdfsig verifies the file", async () => {
    const ctx: TSigningCtx = { agency: await agencyOf(), userId: w.users.KADIS.id, actor: actorOf(w.users.KADIS, ["KADIS"]), meta: null };
    const signer = new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");
    const signed = await signPerformanceReport(ctx, { year: YEAR, quarter: 1 }, { signer });
    const pdf = await fileBytes(signed.fileId);

    const text = (await pdfToText(pdf)).normalize("NFC");
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines).toContain(HEAD);
    expect(text).toContain(INDICATOR);

    const file = path.join(storage.base, "signed.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdfsig", [file]);
    expect(stdout).toContain("Signature Validation: Signature is Valid.");
    expect(stdout).toContain("Total document signed");
  });
});

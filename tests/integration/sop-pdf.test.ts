/**
 * The SOP document as a server PDF (decision 034: the one PDF path), read back with poppler's
 * pdftotext as a reader copies it: a fresh agency's SOP enacted by "Ṣāliḥ Nuñez Đặng" prints
 * the identity with the names as typed, every step with its executor's column and mutu baku, and
 * the procedure table's header on every page it runs onto.
 */
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { toSopInput } from "@/lib/sop/mapping";
import { buildSopPdf } from "@/lib/sop/pdf";
import { getAgencyHeader, getAgencyRoles, getSop } from "@/lib/sop/queries";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { createSop } from "@/lib/sop/service";
import { rolesUsedBySop } from "@/lib/sop/xlsx";
import { SEED_AGENCIES } from "@/lib/seed/agencies";

import { actorOf, addMembership, createAgencyLike, createUser } from "./factories";
import { pdfFonts, pdfToText } from "./pdf-text";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const HEAD = "Ṣāliḥ Nuñez Đặng";
const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

describe("the SOP document as a PDF", () => {
  it("prints the identity and every step, names as typed, the table header on every page", async () => {
    const agency = await createAgencyLike(SUMBAR);
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const seed = SEED_SOPS["bmcktr-sumbar"];
    // Long enough to run onto a second page.
    const steps = seed.steps.map((s) => ({ ...s, keterangan: `${s.keterangan} Catatan untuk Bidang Ṣūfī dan Đồng Nai. `.repeat(3).trim() }));
    const { id } = await createSop({ ...seed, disahkanNama: HEAD, nama: `${seed.nama} Ḥayāt`, steps }, { agencyId: agency.id, actor: actorOf(admin, ["ADMIN"]), meta: null });
    const [sop, agencyRoles, header] = await Promise.all([getSop(agency.id, id), getAgencyRoles(agency.id), getAgencyHeader(agency.id)]);
    const input = toSopInput(sop!);
    const pdf = await buildSopPdf({ sop: input, version: sop!.version, status: sop!.status, roles: rolesUsedBySop(input, agencyRoles) }, header);

    const raw = (await pdfToText(pdf)).normalize("NFC");
    const text = flat(raw);
    expect(text).toContain("STANDAR OPERASIONAL PROSEDUR (SOP)");
    expect(text).toContain(seed.nomor);
    expect(text).toContain(HEAD);
    expect(text).toContain(`${seed.nama} Ḥayāt`.toUpperCase());
    expect(text).toContain("Ṣūfī dan Đồng Nai");
    for (const s of seed.steps) expect(text).toContain(flat(s.kegiatan).split(" ").slice(0, 5).join(" "));
    // KET says where a decision goes, as the browser's table.
    expect(text).toContain("Tidak: kembali ke langkah");
    // Every page that lists steps starts the table with its header.
    const pages = raw.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(1)) if (/Ṣūfī/.test(page)) expect(page).toContain("MUTU BAKU");
    expect(raw).toContain(`Halaman 1 dari ${pages.length}`);
    for (const font of await pdfFonts(pdf)) expect(font).toMatchObject({ name: expect.stringMatching(/Inter/), embedded: true });
    expect(await db.sop.count({ where: { agencyId: agency.id } })).toBe(1);
  });
});

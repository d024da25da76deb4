/**
 * The SOP document PDF carries the flowchart (decision 041): the procedure sheets in the
 * Permenpan RB 35/2012 layout, the table's header rows on every sheet, and the flow drawn
 * over the executor columns with vector shapes. Read back as a reader sees it: the text with
 * poppler's pdftotext (every step, every executor heading, "Ya" / "Tidak" at the decisions,
 * "lembar i dari n"), the shapes from the pages' content streams (a diamond per decision, the
 * start and end capsules, a box per other step, arrowheads, off-page connectors in pairs).
 *
 * SOP_PDF_OUT=<dir> keeps the PDFs there, to render them (pdftoppm -png -r 60) and look.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { toSopInput } from "@/lib/sop/mapping";
import { buildSopPdf } from "@/lib/sop/pdf";
import { getAgencyHeader, getAgencyRoles, getSop } from "@/lib/sop/queries";
import { isDecisionKind, type TSopInput, type TSopStep } from "@/lib/sop/schemas";
import { SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";
import { createSop } from "@/lib/sop/service";
import { rolesUsedBySop } from "@/lib/sop/xlsx";
import { SEED_AGENCIES } from "@/lib/seed/agencies";

import { actorOf, addMembership, createAgency, createAgencyLike, createUser } from "./factories";
import { pdfFonts, pdfToText } from "./pdf-text";
import { pdfShapes, totalShapes } from "./pdf-shapes";

const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");
const HEAD = "Ṣāliḥ Nuñez Đặng";

async function printed(agencyId: string, sopId: string, name: string) {
  const [sop, agencyRoles, header] = await Promise.all([getSop(agencyId, sopId), getAgencyRoles(agencyId), getAgencyHeader(agencyId)]);
  const input = toSopInput(sop!);
  const roles = rolesUsedBySop(input, agencyRoles);
  const pdf = await buildSopPdf({ sop: input, version: sop!.version, status: sop!.status, roles }, header);
  if (process.env.SOP_PDF_OUT) {
    await mkdir(process.env.SOP_PDF_OUT, { recursive: true });
    await writeFile(path.join(process.env.SOP_PDF_OUT, `${name}.pdf`), pdf);
  }
  const pages = (await pdfToText(pdf)).normalize("NFC").split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return { pdf, pages, roles, input };
}

/** The sheets: pages that carry the procedure table's header. */
function sheetPages(pages: string[]) {
  return pages.map((text, index) => ({ text, index })).filter((p) => flat(p.text).includes("PELAKSANA") && flat(p.text).includes("MUTU BAKU"));
}

const standalone = (text: string, word: string) => [...text.matchAll(new RegExp(`(^|\\s)${word}(?=\\s)`, "g"))].length;

/** What every printed SOP must show: each step's text, the executors' headings on every sheet, Ya/Tidak, the shapes. */
async function expectFlowchart(out: Awaited<ReturnType<typeof printed>>, steps: readonly TSopStep[]) {
  const { pdf, pages, roles } = out;
  const sheets = sheetPages(pages);
  expect(sheets.length).toBeGreaterThanOrEqual(1);
  const sheetCount = sheets.length;
  // Identity first, the sheets in order, then at most one page for the legend and signature.
  expect(sheets[0]!.index).toBe(1);
  expect(pages.length === sheetCount + 1 || pages.length === sheetCount + 2).toBe(true);
  if (sheetCount > 1) sheets.forEach((s, i) => expect(flat(s.text)).toContain(`(lembar ${i + 1} dari ${sheetCount})`));

  const sheetText = flat(sheets.map((s) => s.text).join(" "));
  for (const s of steps) expect(sheetText).toContain(flat(s.kegiatan));
  for (const sheet of sheets) {
    const text = flat(sheet.text);
    for (const heading of ["NO", "KEGIATAN", "PELAKSANA", "MUTU BAKU", "Kelengkapan", "Waktu", "Output", "KET"]) expect(text).toContain(heading);
    for (const role of roles) for (const word of role.name.split(/[\s/]+/).filter(Boolean)) expect(text).toContain(word);
  }
  const decisions = steps.filter((s) => isDecisionKind(s.kind));
  const withNo = decisions.filter((s) => s.noStepNumber !== null);
  expect(standalone(sheetText, "Ya")).toBeGreaterThanOrEqual(decisions.length);
  expect(standalone(sheetText, "Tidak")).toBeGreaterThanOrEqual(withNo.length);

  // The drawing: one symbol per step (joint steps repeat theirs in each participant's column).
  const shapes = pdfShapes(pdf);
  const onSheets = totalShapes(sheets.map((s) => shapes[s.index]!));
  const elsewhere = totalShapes(shapes.filter((_, i) => !sheets.some((s) => s.index === i)));
  const copies = (s: TSopStep) => 1 + (s.assignment === "JOINT" ? s.participantRoleCodes.length : 0);
  const ends = [steps[0]!, steps.at(-1)!].filter((s) => !isDecisionKind(s.kind));
  expect(onSheets.diamonds).toBe(decisions.reduce((n, s) => n + copies(s), 0));
  expect(onSheets.terminators).toBe(ends.reduce((n, s) => n + copies(s), 0));
  expect(onSheets.boxes).toBe(steps.filter((s) => !isDecisionKind(s.kind) && !ends.includes(s)).reduce((n, s) => n + copies(s), 0));
  // An arrow into every step but the first, one more per "Tidak", and one into each outgoing connector.
  expect(onSheets.arrowheads).toBe(steps.length - 1 + withNo.length + onSheets.connectorsOut);
  expect(onSheets.connectorsOut).toBe(onSheets.connectorsIn);
  if (sheetCount === 1) expect(onSheets.connectorsOut).toBe(0);
  else expect(onSheets.connectorsOut).toBeGreaterThanOrEqual(sheetCount - 1);
  expect(elsewhere.diamonds + elsewhere.terminators + elsewhere.boxes + elsewhere.connectorsOut).toBe(0);
  for (const font of await pdfFonts(pdf)) expect(font).toMatchObject({ name: expect.stringMatching(/Inter/), embedded: true });
  return { sheets, shapes: onSheets };
}

describe("the SOP document PDF carries the flowchart", () => {
  it.each(Object.keys(SEED_SOPS) as TSeedSopSlug[])("the seeded SOP of %s: sheets with every step, the executors' columns and the symbols", async (slug) => {
    const seedAgency = SEED_AGENCIES.find((a) => a.slug === slug)!;
    const agency = await createAgencyLike(seedAgency);
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const seed = SEED_SOPS[slug];
    const { id } = await createSop({ ...seed, disahkanNama: HEAD }, { agencyId: agency.id, actor: actorOf(admin, ["ADMIN"]), meta: null });
    const out = await printed(agency.id, id, slug);
    await expectFlowchart(out, seed.steps);
    expect(flat(out.pages[0]!)).toContain(HEAD);
    // The executor headings are the agency's own role names, as the browser's columns.
    for (const code of new Set(seed.steps.map((s) => s.executorRoleCode))) expect(out.roles.find((r) => r.code === code)?.name).toBe(seedAgency.roles.find((r) => r.code === code)!.name);
  });

  it("a long SOP of a fresh agency with its own roles runs over several sheets, joined by off-page connectors", async () => {
    const agency = await createAgency(["KABAN", "SEKBAN", "KASUBBAG", "ANALIS", "PRANATA"]);
    const names: Record<string, string> = {
      KABAN: "Kepala Badan",
      SEKBAN: "Sekretaris Badan",
      KASUBBAG: "Kasubbag Umum/Kepegawaian",
      ANALIS: "Analis Kebijakan Ahli Muda",
      PRANATA: "Pranata Komputer",
    };
    for (const [code, name] of Object.entries(names)) await db.role.updateMany({ where: { agencyId: agency.id, code }, data: { name } });
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const flow: [executor: string, kind: TSopStep["kind"], extra?: Partial<TSopStep>][] = [
      ["KABAN", "DISPOSITION"],
      ["SEKBAN", "DISPOSITION"],
      ["KASUBBAG", "DRAFT"],
      ["PRANATA", "INPUT"],
      ["ANALIS", "DRAFT", { assignment: "JOINT", participantRoleCodes: ["PRANATA"] }],
      ["KASUBBAG", "REVIEW", { noStepNumber: 4 }],
      ["ANALIS", "DRAFT"],
      ["PRANATA", "UPLOAD"],
      ["SEKBAN", "MEETING", { participantRoleCodes: ["KASUBBAG", "ANALIS"] }],
      ["KASUBBAG", "DRAFT"],
      ["SEKBAN", "REVIEW", { noStepNumber: 7 }],
      ["ANALIS", "DRAFT"],
      ["PRANATA", "INPUT"],
      ["KASUBBAG", "DRAFT"],
      ["SEKBAN", "DRAFT"],
      ["KABAN", "APPROVAL", { noStepNumber: 14 }],
      ["KABAN", "DRAFT"],
      ["KASUBBAG", "UPLOAD"],
      ["PRANATA", "INPUT"],
      ["KASUBBAG", "ARCHIVE"],
    ];
    const steps: TSopStep[] = flow.map(([executor, kind, extra], i) => ({
      number: i + 1,
      kegiatan: `Langkah ${i + 1}: menyiapkan berkas pengukuran kinerja atas nama ${HEAD} dan memeriksa kelengkapan data dukung bidang Ṣūfī`,
      executorRoleCode: executor,
      participantRoleCodes: [],
      kind,
      kelengkapan: `Berkas ${i + 1} Đồng Nai`,
      waktuJumlah: 1,
      waktuSatuan: "HARI",
      output: `Keluaran ${i + 1}`,
      keterangan: "",
      yesStepNumber: null,
      noStepNumber: null,
      assignment: "SINGLE",
      unitKind: null,
      unitNames: [],
      ...extra,
    }));
    const seed = SEED_SOPS["bmcktr-sumbar"];
    const sop: TSopInput = { ...seed, nomor: "800/01/SOP-BKPSDM/2026", nama: "Penyusunan Laporan Ḥayāt", disahkanNama: HEAD, disahkanJabatan: "Kepala Badan", steps };
    const { id } = await createSop(sop, { agencyId: agency.id, actor: actorOf(admin, ["ADMIN"]), meta: null });
    const out = await printed(agency.id, id, "fresh-long");
    const { sheets, shapes } = await expectFlowchart(out, steps);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    expect(shapes.connectorsOut).toBeGreaterThanOrEqual(sheets.length - 1);
    // Names print as typed, in the headings too.
    const text = flat(out.pages.join(" "));
    expect(text).toContain(HEAD);
    expect(text).toContain("Ṣūfī");
    expect(text).toContain("Đồng Nai");
    expect(text).toContain("PENYUSUNAN LAPORAN ḤAYĀT");
    // Nothing printed as "?" (what the font path prints for a character it cannot show).
    expect(flat(sheets.map((s) => s.text).join(" "))).not.toContain("?");
    for (const name of Object.values(names)) expect(out.roles.map((r) => r.name)).toContain(name);
    expect(await db.sop.count({ where: { agencyId: agency.id } })).toBe(1);
  });

  it("a step at the 2,000-character limit in every text prints whole on one sheet, the others keep theirs", async () => {
    const seed = SEED_SOPS["bmcktr-sumbar"];
    const long = (tag: string) => `${tag} ${"Kata panjang Ṣāliḥ Nuñez Đặng memeriksa dokumen. ".repeat(40)}`.slice(0, 1995) + ` ${tag}AKHIR`;
    const steps = seed.steps.map((s, i) => (i === 3 ? { ...s, kegiatan: long("KG"), kelengkapan: long("KL"), output: long("OU"), keterangan: long("KT") } : s));
    const roles = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!.roles.map(({ code, name }) => ({ code, name }));
    const pdf = await buildSopPdf({ sop: { ...seed, steps }, version: 1, status: "DRAFT", roles }, { name: "Dinas Uji", government: { level: "PROVINSI", name: "Sumatera Barat" } });
    if (process.env.SOP_PDF_OUT) await writeFile(path.join(process.env.SOP_PDF_OUT, "tall.pdf"), pdf);
    const pages = (await pdfToText(pdf)).normalize("NFC").split("\f");
    if (pages.at(-1)?.trim() === "") pages.pop();
    const { sheets } = await expectFlowchart({ pdf, pages, roles, input: { ...seed, steps } }, steps);
    // pdftotext keeps only what lies on the page: the ends of the long texts are printed, on one sheet.
    const tall = sheets.filter((s) => flat(s.text).includes("KGAKHIR"));
    expect(tall).toHaveLength(1);
    for (const end of ["KLAKHIR", "OUAKHIR", "KTAKHIR"]) expect(flat(tall[0]!.text)).toContain(end);
    // Not one step per sheet: the other steps share sheets.
    expect(sheets.length).toBeLessThanOrEqual(3);
  });
});

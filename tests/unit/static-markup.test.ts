import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { SopDocument, SopDocumentContent, sopDocumentHtml, type SopDocumentData, type SopDocumentProps } from "@/components/sop/sop-document";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";
import { SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";
import { staticMarkup } from "@/lib/static-markup";

/**
 * The SOP document is served as a string of HTML written by lib/static-markup.ts, not by
 * React (docs/decisions/065-sop-document-render-cost.md). A reader must get exactly what
 * React wrote before: the same bytes as react-dom/server for the same tree.
 */
function documentOf(slug: TSeedSopSlug, edit?: (steps: SopDocumentData["steps"]) => void): SopDocumentData {
  const input = SEED_SOPS[slug];
  const roles = SEED_AGENCIES.find((a) => a.slug === slug)!.roles;
  const role = (code: string) => ({ code, name: roles.find((r) => r.code === code)?.name ?? code });
  const steps: SopDocumentData["steps"] = input.steps.map((s) => ({
    number: s.number,
    kegiatan: s.kegiatan,
    kind: s.kind,
    kelengkapan: s.kelengkapan,
    waktuJumlah: s.waktuJumlah,
    waktuSatuan: s.waktuSatuan,
    output: s.output,
    keterangan: s.keterangan,
    yesStepNumber: s.yesStepNumber ?? null,
    noStepNumber: s.noStepNumber ?? null,
    executorRole: role(s.executorRoleCode),
    participants: (s.participantRoleCodes ?? []).map((c) => ({ role: role(c) })),
    assignment: s.assignment,
  }));
  edit?.(steps);
  return {
    ...input,
    tanggalPembuatan: new Date(`${input.tanggalPembuatan}T00:00:00.000Z`),
    tanggalRevisi: input.tanggalRevisi ? new Date(`${input.tanggalRevisi}T00:00:00.000Z`) : null,
    tanggalEfektif: input.tanggalEfektif ? new Date(`${input.tanggalEfektif}T00:00:00.000Z`) : null,
    steps,
  } as SopDocumentData;
}

const AGENCY: SopDocumentProps["agency"] = { name: "Dinas Contoh", governmentName: "Kabupaten Contoh", timeZone: "WITA", headRoleName: "Kepala Dinas" };

const cases: [string, SopDocumentData, SopDocumentProps["agency"]][] = [
  ...(Object.keys(SEED_SOPS) as TSeedSopSlug[]).map((slug): [string, SopDocumentData, SopDocumentProps["agency"]] => [slug, documentOf(slug), AGENCY]),
  [
    "a joint step, a missing executor's dashed symbol, quotes and brackets, a logo",
    documentOf("diskominfo-lumajang", (steps) => {
      const [, second, third] = steps;
      third!.assignment = "JOINT";
      third!.participants = [second!.executorRole].map((r) => ({ role: r }));
      second!.kegiatan = `Memeriksa "draf" <LKjIP> & lampiran 'B'`;
      second!.executorRole = { code: "TIDAK_ADA", name: "Peran/Tidak Ada" };
    }),
    { ...AGENCY, logoUrl: "/a/contoh/logo?v=1&x=2" },
  ],
];

describe("static markup of the SOP document", () => {
  it.each(cases)("%s: the same HTML as react-dom/server", (_, sop, agency) => {
    const tree = createElement(SopDocumentContent, { sop, agency });
    const html = staticMarkup(tree);
    // React also writes a preload hint for the logo (in a page it goes to the head; the image is the same).
    expect(html).toBe(renderToStaticMarkup(tree).replace(/^<link rel="preload" as="image" href="[^"]*"\/>/, ""));
    expect(html).toContain('data-testid="sop-sheet"');
  });

  it("the article holds that HTML, rendered once per content", () => {
    const sop = documentOf("bmcktr-sumbar");
    const article = renderToStaticMarkup(createElement(SopDocument, { sop, agency: AGENCY }));
    const inner = renderToStaticMarkup(createElement(Fragment, null, createElement(SopDocumentContent, { sop, agency: AGENCY })));
    expect(article).toBe(`<article class="sop-document text-slate-950" aria-label="${M.documentTitle} ${sop.nomor}" data-testid="sop-document">${inner}</article>`);
    expect(sopDocumentHtml(sop, AGENCY)).toBe(sopDocumentHtml(documentOf("bmcktr-sumbar"), AGENCY));
    // Another content, another document: a renamed role is in the new one.
    const renamed = documentOf("bmcktr-sumbar", (steps) => {
      steps[0]!.executorRole = { ...steps[0]!.executorRole, name: "Kepala Dinas Baru" };
    });
    expect(sopDocumentHtml(renamed, AGENCY)).toContain("Kepala Dinas Baru");
    expect(sopDocumentHtml(sop, AGENCY)).not.toContain("Kepala Dinas Baru");
  });

  it("refuses what is not static markup", () => {
    expect(() => staticMarkup(createElement("button", { onClick: () => {} }))).toThrow();
    expect(() => staticMarkup(createElement("div", { dangerouslySetInnerHTML: { __html: "<b>x</b>" } }))).toThrow();
  });
});

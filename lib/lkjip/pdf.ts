import type { TAgencyTimeZone } from "@/lib/format";
import { createPdfDocument, PDF_COLOR as COLOR, PdfTable, text, type TAlign, type THeaderCell, type TPdfSigner, type TPdfVerification, type TRow } from "@/lib/pdf/document";

import type { TLkjip } from "./model";

/**
 * The LKjIP draft as a PDF through the one PDF path (lib/pdf/document.ts, decision 034):
 * the same model and the same chapters as the Word file (./docx.ts), for reading and
 * printing as it stands; the narrative parts are completed in Word. Chapter III's tables
 * print the model's strings, so their numbers are the recap's, as in the Word file. The
 * Word file's chart is not drawn here: the tables carry the same figures.
 *
 * With `signature` (lib/signing, the head signing it as kind LKJIP): the head's block as it
 * signs (Plt./Plh., pangkat) instead of the PK's first party, the QR code and the code, and no
 * "draf" wording, since what is signed is this document as it stands (decision 042).
 */
export async function lkjipPdf(
  model: TLkjip,
  opts: { at?: Date; timeZone?: TAgencyTimeZone; signature?: { signer: TPdfSigner; verification: TPdfVerification } } = {},
): Promise<Buffer> {
  const at = opts.at ?? new Date();
  const signed = opts.signature;
  const { layout, finish } = createPdfDocument({
    orientation: "portrait",
    info: { title: `${model.title} — ${model.agencyName}`, author: model.agencyName, subject: signed ? "Laporan Kinerja Instansi Pemerintah" : "Laporan Kinerja Instansi Pemerintah (draf)" },
    at,
    timeZone: opts.timeZone ?? "WIB",
    footer: `${signed ? "" : "Draf "}${model.title} · ${model.agencyName}`,
  });

  const table = (header: string[], widths: number[], rows: TRow[], aligns: TAlign[] = []) => {
    const head: THeaderCell[] = header.map((h, col) => ({ text: h, col, row: 0 }));
    const t = new PdfTable(layout, PdfTable.columns(layout, widths, aligns), head);
    t.start();
    t.rows(rows);
    layout.y += 6;
  };
  const row = (cells: string[], opts: { bold?: boolean; fill?: string } = {}): TRow => ({
    fill: opts.fill,
    cells: cells.map((c) => ({ parts: text(c, opts.bold ? { font: "bold" } : {}) })),
  });
  const bullets = (title: string, items: string[]) => {
    if (!items.length) return;
    layout.paragraph(`${title}:`, { font: "bold", size: 8 });
    for (const item of items) layout.paragraph(`• ${item}`, { size: 8, x: layout.left + 8, width: layout.width - 8 });
  };

  /** A chapter heading, set apart from what precedes it. */
  const chapter = (title: string, opts: { size?: number; keepWith?: number }) => {
    layout.y += 8;
    layout.heading(title, opts);
  };

  layout.kop({ name: model.agencyName, governmentName: model.governmentName });
  layout.paragraph(model.title.toUpperCase(), { font: "bold", size: 12, align: "center", gap: 4 });
  const intro = signed
    ? "Disusun oleh Alur Kinerja dari data Perjanjian Kinerja, realisasi dan anggaran."
    : "Draf disusun otomatis oleh Alur Kinerja dari data Perjanjian Kinerja, realisasi dan anggaran. Lengkapi bagian naratif sebelum ditandatangani.";
  layout.paragraph(intro, {
    font: "italic",
    size: 8,
    align: "center",
    color: COLOR.muted,
    gap: 4,
  });
  if (model.coverage) layout.paragraph(model.coverage, { font: "bold", size: 9, align: "center", gap: 4 });
  for (const notice of model.notices) layout.paragraph(notice, { font: "italic", size: 8, color: COLOR.warning, gap: 2 });

  chapter("Ikhtisar Eksekutif", { size: 11 });
  layout.paragraph(
    `Tahun ${model.year} ${model.agencyName} menetapkan ${model.summary.indicators} indikator kinerja dalam Perjanjian Kinerja; ` +
      `${model.summary.computed} di antaranya dapat dihitung capaiannya dengan rata-rata ${model.efficiency.averageCapaian}. ${model.absorptionSentence}`,
    { size: 9, gap: 2 },
  );
  for (const c of model.summary.byCategory) layout.paragraph(`• ${c.category}: ${c.count} indikator`, { size: 9 });

  chapter("BAB I Pendahuluan", { size: 11 });
  layout.paragraph("[Latar belakang, tugas dan fungsi, struktur organisasi, dan isu strategis instansi: diisi oleh instansi.]", { font: "italic", size: 9 });

  chapter("BAB II Perencanaan Kinerja", { size: 11, keepWith: 80 });
  layout.paragraph(`Perjanjian Kinerja Tahun ${model.year}:`, { size: 9, gap: 2 });
  table(
    ["Sasaran", "Kode", "Indikator Kinerja", "Satuan", "Target"],
    [150, 40, 0, 60, 60],
    model.agreementRows.map((r) => row([`${r.goalCode}. ${r.goalName}`, r.code, r.name, r.unit, r.target])),
    ["left", "left", "left", "left", "right"],
  );

  chapter("BAB III Akuntabilitas Kinerja", { size: 11 });
  layout.heading("A. Capaian Kinerja Organisasi", { size: 10 });
  const years = [model.year, ...(model.goals.flatMap((g) => g.indicators)[0]?.previous.map((p) => p.year) ?? [])];
  for (const goal of model.goals) {
    layout.heading(`Sasaran ${goal.code}. ${goal.name}`, { size: 9, keepWith: 80 });
    table(
      ["Kode", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
      [36, 0, 48, 56, 72, 60, 70],
      goal.indicators.map((i) => row([i.code, i.name, i.unit, i.target, i.realization, i.capaian, i.category])),
      ["left", "left", "left", "right", "right", "right", "left"],
    );
    layout.paragraph(`Rata-rata capaian sasaran ini: ${goal.averageCapaian}.`, { font: "italic", size: 8, gap: 4 });
    layout.paragraph("Perbandingan dengan tahun-tahun sebelumnya:", { font: "bold", size: 8, gap: 2 });
    table(
      ["Indikator Kinerja", ...years.flatMap((y) => [`Realisasi ${y}`, `Capaian ${y}`])],
      [0, ...years.flatMap(() => [52, 52])],
      goal.indicators.map((i) => row([i.name, i.realization, i.capaian, ...i.previous.flatMap((p) => [p.realization, p.capaian])])),
      ["left", ...years.flatMap(() => ["right", "right"] as TAlign[])],
    );
    layout.paragraph("Perbandingan dengan target akhir Renstra:", { font: "bold", size: 8, gap: 2 });
    if (goal.indicators.some((i) => i.renstra)) {
      table(
        ["Indikator Kinerja", `Realisasi ${model.year}`, "Target akhir Renstra", "Capaian terhadap target akhir Renstra"],
        [0, 80, 90, 110],
        goal.indicators.map((i) =>
          row([i.name, i.realization, i.renstra ? `${i.renstra.target} (${i.renstra.endYear})` : "–", i.renstra ? i.renstra.capaian : "Tidak terhubung ke pohon kinerja"]),
        ),
        ["left", "right", "right", "right"],
      );
    } else {
      layout.paragraph("Indikator sasaran ini belum terhubung ke pohon kinerja: target akhir Renstra belum tersedia.", { font: "italic", size: 8, gap: 4 });
    }
    for (const i of goal.indicators) {
      if (!i.faktorPendorong.length && !i.faktorPenghambat.length && !i.tindakLanjut.length) continue;
      layout.keep(40);
      layout.paragraph(`${i.code}. ${i.name}`, { font: "bold", size: 8 });
      bullets("Faktor pendorong keberhasilan", i.faktorPendorong);
      bullets("Faktor penghambat", i.faktorPenghambat);
      bullets("Tindak lanjut / langkah antisipatif", i.tindakLanjut);
      layout.y += 4;
    }
  }
  layout.heading("Efisiensi penggunaan sumber daya", { size: 9 });
  layout.paragraph(model.efficiency.sentence, { size: 9 });

  layout.heading("B. Realisasi Anggaran", { size: 10, keepWith: 80 });
  table(
    ["Kode", "Program", "Pagu", "Realisasi", "Penyerapan"],
    [60, 0, 95, 95, 70],
    [...model.programs.map((p) => row([p.code, p.name, p.pagu, p.realization, p.absorption])), row(["", "Jumlah", model.budget.pagu, model.budget.realization, model.budget.absorption], { bold: true, fill: COLOR.total })],
    ["left", "left", "right", "right", "right"],
  );

  chapter("BAB IV Penutup", { size: 11 });
  layout.paragraph("[Simpulan umum atas capaian kinerja dan langkah perbaikan tahun berikutnya: diisi oleh instansi.]", { font: "italic", size: 9, gap: 12 });
  if (signed) {
    layout.signature({ signer: signed.signer, placeDate: model.placeDate, lead: null, verification: signed.verification });
  } else if (model.signer) {
    layout.signature({ signer: { ...model.signer, pangkat: null }, placeDate: model.placeDate, lead: null });
  } else {
    layout.paragraph(model.placeDate, { size: 9, align: "right" });
  }
  return finish();
}

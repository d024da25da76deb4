import "server-only";

import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { ChartRun } from "docx/charts";

import type { TLkjip } from "./model";

/**
 * The LKjIP draft as an editable Word document (docx, written by the `docx`
 * library): the agency finishes the narrative chapters in Word; the tables
 * and the two charts (native Word charts, their data editable with "Edit
 * Data") carry the measured numbers exactly as the model holds them.
 */

const FONT = "Arial";
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  // Line breaks inside a note stay line breaks in Word.
  const lines = value.split(/\r?\n/);
  return lines.map((line, i) => new TextRun({ text: line, font: FONT, size: options.size ?? 20, bold: options.bold, italics: options.italics, break: i > 0 ? 1 : undefined }));
}

function para(value: string, options: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) {
  return new Paragraph({ alignment: options.align, spacing: { after: 120 }, children: text(value, options) });
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: value, font: FONT, bold: true, size: level === HeadingLevel.HEADING_1 ? 28 : 24 })] });
}

function cell(value: string, options: { bold?: boolean; shade?: boolean; span?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({
    borders: BORDERS,
    columnSpan: options.span,
    shading: options.shade ? { fill: "E7ECF3" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: options.align, children: text(value, { bold: options.bold, size: 18 }) })],
  });
}

function table(header: string[], rows: { cells: string[]; bold?: boolean; span?: boolean }[], numeric: number[] = []) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true, shade: true, align: AlignmentType.CENTER })) }),
      ...rows.map(
        (row) =>
          new TableRow({
            children: row.span
              ? [cell(row.cells[0]!, { bold: true, shade: true, span: header.length })]
              : row.cells.map((c, i) => cell(c, { bold: row.bold, align: numeric.includes(i) ? AlignmentType.RIGHT : undefined })),
          }),
      ),
    ],
  });
}

function bullets(title: string, items: string[]) {
  if (items.length === 0) return [para(`${title}: –`)];
  return [para(`${title}:`, { bold: true }), ...items.map((item) => new Paragraph({ bullet: { level: 0 }, children: text(item) }))];
}

/** "123,45%" -> 123.45 for the chart; null when the text is not a percentage. */
function percentValue(display: string): number | null {
  const match = /^(-?[\d.]+(?:,\d+)?)%$/.exec(display.trim());
  return match ? Number(match[1]!.replace(/\./g, "").replace(",", ".")) : null;
}

export async function lkjipDocx(model: TLkjip): Promise<Buffer> {
  const indicators = model.goals.flatMap((g) => g.indicators);
  const years = [model.year, ...(indicators[0]?.previous.map((p) => p.year) ?? [])];
  const chapterIII = model.goals.flatMap((goal) => [
    heading(`Sasaran ${goal.code}. ${goal.name}`, HeadingLevel.HEADING_3),
    table(
      ["Kode", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"],
      goal.indicators.map((i) => ({ cells: [i.code, i.name, i.unit, i.target, i.realization, i.capaian, i.category] })),
      [3, 4, 5],
    ),
    para(`Rata-rata capaian sasaran ini: ${goal.averageCapaian}.`, { italics: true }),
    para("Perbandingan dengan tahun-tahun sebelumnya:", { bold: true }),
    table(
      ["Indikator Kinerja", ...years.flatMap((y) => [`Realisasi ${y}`, `Capaian ${y}`])],
      goal.indicators.map((i) => ({
        cells: [i.name, i.realization, i.capaian, ...i.previous.flatMap((p) => [p.realization, p.capaian])],
      })),
      years.flatMap((_, k) => [1 + 2 * k, 2 + 2 * k]),
    ),
    para("Perbandingan dengan target akhir Renstra:", { bold: true }),
    ...(goal.indicators.some((i) => i.renstra)
      ? [
          table(
            ["Indikator Kinerja", `Realisasi ${model.year}`, "Target akhir Renstra", "Capaian terhadap target akhir Renstra"],
            goal.indicators.map((i) => ({
              cells: [i.name, i.realization, i.renstra ? `${i.renstra.target} (${i.renstra.endYear})` : "–", i.renstra ? i.renstra.capaian : "Tidak terhubung ke pohon kinerja"],
            })),
            [1, 2, 3],
          ),
        ]
      : [para("Indikator sasaran ini belum terhubung ke pohon kinerja: target akhir Renstra belum tersedia.", { italics: true })]),
    ...goal.indicators.flatMap((i) => [
      para(`${i.code}. ${i.name}`, { bold: true }),
      ...bullets("Faktor pendorong keberhasilan", i.faktorPendorong),
      ...bullets("Faktor penghambat", i.faktorPenghambat),
      ...bullets("Tindak lanjut / langkah antisipatif", i.tindakLanjut),
    ]),
  ]);
  const chartCategories = indicators.map((i) => i.code);
  const chartable = indicators.some((i) => percentValue(i.capaian) !== null);

  const doc = new Document({
    creator: "Alur Kinerja",
    title: `${model.title} — ${model.agencyName}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } },
        children: [
          para(model.governmentName.toUpperCase(), { bold: true, align: AlignmentType.CENTER, size: 24 }),
          para(model.agencyName.toUpperCase(), { bold: true, align: AlignmentType.CENTER, size: 24 }),
          para(model.title.toUpperCase(), { bold: true, align: AlignmentType.CENTER, size: 28 }),
          para("Draf disusun otomatis oleh Alur Kinerja dari data Perjanjian Kinerja, realisasi dan anggaran. Lengkapi bagian naratif sebelum ditandatangani.", {
            italics: true,
            align: AlignmentType.CENTER,
          }),
          ...(model.coverage ? [para(model.coverage, { bold: true, align: AlignmentType.CENTER })] : []),
          ...model.notices.map((n) => para(n, { italics: true })),

          heading("Ikhtisar Eksekutif", HeadingLevel.HEADING_1),
          para(
            `Tahun ${model.year} ${model.agencyName} menetapkan ${model.summary.indicators} indikator kinerja dalam Perjanjian Kinerja; ` +
              `${model.summary.computed} di antaranya dapat dihitung capaiannya dengan rata-rata ${model.efficiency.averageCapaian}. ` +
              model.absorptionSentence,
          ),
          ...model.summary.byCategory.map((c) => para(`• ${c.category}: ${c.count} indikator`)),

          heading("BAB I Pendahuluan", HeadingLevel.HEADING_1),
          para("[Latar belakang, tugas dan fungsi, struktur organisasi, dan isu strategis instansi: diisi oleh instansi.]", { italics: true }),

          heading("BAB II Perencanaan Kinerja", HeadingLevel.HEADING_1),
          para(`Perjanjian Kinerja Tahun ${model.year}:`),
          table(
            ["Sasaran", "Kode", "Indikator Kinerja", "Satuan", "Target"],
            model.agreementRows.map((r) => ({ cells: [`${r.goalCode}. ${r.goalName}`, r.code, r.name, r.unit, r.target] })),
            [4],
          ),

          heading("BAB III Akuntabilitas Kinerja", HeadingLevel.HEADING_1),
          heading("A. Capaian Kinerja Organisasi", HeadingLevel.HEADING_2),
          ...(chartable
            ? [
                new Paragraph({
                  children: [
                    new ChartRun({
                      type: "column",
                      title: `Capaian indikator kinerja ${years.join(", ")} (%)`,
                      categories: chartCategories,
                      series: years.map((y, k) => ({
                        name: String(y),
                        values: indicators.map((i) => percentValue(k === 0 ? i.capaian : (i.previous[k - 1]?.capaian ?? ""))),
                      })),
                      transformation: { width: 600, height: 300 },
                    }),
                  ],
                }),
              ]
            : []),
          ...chapterIII,
          heading("Efisiensi penggunaan sumber daya", HeadingLevel.HEADING_3),
          para(model.efficiency.sentence),

          heading("B. Realisasi Anggaran", HeadingLevel.HEADING_2),
          table(
            ["Kode", "Program", "Pagu", "Realisasi", "Penyerapan"],
            [
              ...model.programs.map((p) => ({ cells: [p.code, p.name, p.pagu, p.realization, p.absorption] })),
              { cells: ["", "Jumlah", model.budget.pagu, model.budget.realization, model.budget.absorption], bold: true },
            ],
            [2, 3, 4],
          ),

          heading("BAB IV Penutup", HeadingLevel.HEADING_1),
          para("[Simpulan umum atas capaian kinerja dan langkah perbaikan tahun berikutnya: diisi oleh instansi.]", { italics: true }),
          para(model.placeDate, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

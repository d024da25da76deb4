import { z } from "zod";

/**
 * The zod schema of an agency's capaian settings, apart from lib/performance/capaian.ts so the
 * capaian arithmetic (computed in the browser by the realization form's live preview) carries no
 * zod (docs/decisions/039-lean-first-load.md).
 */
const ZCapaianBand = z.object({
  min: z
    .number({ error: "Batas bawah kategori harus berupa angka" })
    .int({ error: "Batas bawah kategori harus bilangan bulat (persen)" })
    .min(0, { error: "Batas bawah kategori tidak boleh negatif" })
    .max(1000, { error: "Batas bawah kategori paling besar 1000%" }),
  label: z
    .string({ error: "Nama kategori wajib diisi" })
    .trim()
    .min(1, { error: "Nama kategori wajib diisi" })
    .max(60, { error: "Nama kategori paling panjang 60 karakter" }),
});

export const ZCapaianSettings = z
  .object({
    /** Upper limit of capaian in percent (100 or 120 are common); null = no cap. */
    cap: z
      .number({ error: "Batas maksimal capaian harus berupa angka" })
      .min(100, { error: "Batas maksimal capaian paling kecil 100%" })
      .max(1000, { error: "Batas maksimal capaian paling besar 1000%" })
      .nullable(),
    bands: z
      .array(ZCapaianBand, { error: "Kategori capaian wajib diisi" })
      .min(1, { error: "Isi paling sedikit satu kategori capaian" })
      .max(10, { error: "Paling banyak 10 kategori capaian" }),
  })
  .superRefine((settings, ctx) => {
    const mins = settings.bands.map((b) => b.min);
    if (!mins.includes(0)) {
      ctx.addIssue({ code: "custom", path: ["bands"], message: "Kategori terendah harus dimulai dari 0%" });
    }
    if (new Set(mins).size !== mins.length) {
      ctx.addIssue({ code: "custom", path: ["bands"], message: "Batas bawah setiap kategori harus berbeda" });
    }
    const labels = settings.bands.map((b) => b.label.toLocaleLowerCase("id-ID"));
    if (new Set(labels).size !== labels.length) {
      ctx.addIssue({ code: "custom", path: ["bands"], message: "Nama setiap kategori harus berbeda" });
    }
  });


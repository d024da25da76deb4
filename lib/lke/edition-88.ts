import { SCALE_ABCDE, SCALE_YT, type TLkeScaleOption, type TLkeStructure } from "./structure";

/**
 * The LKE of Permenpan RB 88/2021 (Pedoman Evaluasi atas Implementasi SAKIP): four
 * components (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Akuntabilitas Kinerja
 * Internal 25), each split 20/30/50 into ketersediaan / kualitas / pemanfaatan.
 *
 * The criteria are a SUBSET worded after the regulation's annex as far as it is known
 * here; the full list must be checked against the annex (docs/decisions/033-lke.md).
 * Criterion codes ("1.a.5") are stable: answers and the suggested evidence
 * (lib/lke/evidence.ts) refer to them.
 */
export const EDITION_88_NAME = "Permenpan RB 88/2021";
/** The first evaluated year the edition applies to. */
export const EDITION_88_FROM_YEAR = 2021;

type C = [code: string, text: string, scale: TLkeScaleOption[]];
const YT = SCALE_YT;
const AE = SCALE_ABCDE;

function component(code: string, name: string, weight: number, subs: [name: string, criteria: C[]][]) {
  const split = [0.2, 0.3, 0.5];
  return {
    code,
    name,
    weight,
    subComponents: subs.map(([subName, criteria], i) => ({
      code: `${code}.${"abc"[i]}`,
      name: subName,
      weight: Math.round(weight * split[i]! * 10000) / 10000,
      criteria: criteria.map(([c, text, scale]) => ({ code: c, text, weight: 1, scale })),
    })),
  };
}

export const EDITION_88: TLkeStructure = {
  editionName: EDITION_88_NAME,
  components: [
    component("1", "Perencanaan Kinerja", 30, [
      [
        "Ketersediaan: dokumen perencanaan kinerja telah tersedia",
        [
          ["1.a.1", "Terdapat pedoman teknis perencanaan kinerja.", YT],
          ["1.a.2", "Terdapat dokumen perencanaan kinerja jangka menengah (Renstra).", YT],
          ["1.a.3", "Terdapat dokumen perencanaan kinerja jangka pendek (Renja/RKT).", YT],
          ["1.a.4", "Terdapat dokumen perencanaan aktivitas yang mendukung kinerja (Rencana Aksi).", YT],
          ["1.a.5", "Terdapat dokumen Perjanjian Kinerja.", YT],
        ],
      ],
      [
        "Kualitas: dokumen perencanaan kinerja telah memenuhi standar yang baik",
        [
          ["1.b.1", "Dokumen perencanaan kinerja telah diformalkan.", AE],
          ["1.b.2", "Dokumen perencanaan kinerja telah dipublikasikan tepat waktu.", AE],
          ["1.b.3", "Kualitas rumusan hasil (tujuan/sasaran) telah jelas menggambarkan kondisi kinerja yang akan dicapai.", AE],
          ["1.b.4", "Ukuran keberhasilan (indikator kinerja) telah memenuhi kriteria SMART.", AE],
        ],
      ],
      [
        "Pemanfaatan: perencanaan kinerja telah dimanfaatkan untuk mewujudkan hasil yang berkesinambungan",
        [
          ["1.c.1", "Anggaran yang ditetapkan telah mengacu pada kinerja yang ingin dicapai.", AE],
          ["1.c.2", "Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai.", AE],
          ["1.c.3", "Target yang ditetapkan dalam perencanaan kinerja telah dicapai dengan baik.", AE],
          ["1.c.4", "Rencana aksi kinerja dapat berjalan dinamis karena capaian kinerja selalu dipantau secara berkala.", AE],
        ],
      ],
    ]),
    component("2", "Pengukuran Kinerja", 30, [
      [
        "Ketersediaan: pengukuran kinerja telah dilakukan",
        [
          ["2.a.1", "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja.", YT],
          ["2.a.2", "Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur indikator kinerja.", YT],
          ["2.a.3", "Terdapat mekanisme yang jelas terhadap pengumpulan data kinerja yang dapat diandalkan.", YT],
        ],
      ],
      [
        "Kualitas: pengukuran kinerja telah dilakukan secara berjenjang dan berkelanjutan",
        [
          ["2.b.1", "Pimpinan selalu terlibat sebagai pengambil keputusan dalam mengukur capaian kinerja.", AE],
          ["2.b.2", "Data kinerja yang dikumpulkan telah relevan dan valid untuk mengukur capaian kinerja.", AE],
          ["2.b.3", "Pengukuran kinerja telah dilakukan secara berkala.", AE],
          ["2.b.4", "Pengukuran kinerja telah menggunakan teknologi informasi.", AE],
        ],
      ],
      [
        "Pemanfaatan: pengukuran kinerja telah dijadikan dasar penyesuaian strategi, kebijakan dan aktivitas",
        [
          ["2.c.1", "Pengukuran kinerja telah menjadi dasar dalam penyesuaian tunjangan kinerja/penghasilan.", AE],
          ["2.c.2", "Pengukuran kinerja telah mempengaruhi penyesuaian strategi dalam mencapai kinerja.", AE],
          ["2.c.3", "Pengukuran kinerja telah mempengaruhi penyesuaian kebijakan dalam mencapai kinerja.", AE],
          ["2.c.4", "Pengukuran kinerja telah mempengaruhi penyesuaian aktivitas dalam mencapai kinerja.", AE],
        ],
      ],
    ]),
    component("3", "Pelaporan Kinerja", 15, [
      [
        "Ketersediaan: terdapat dokumen laporan yang menggambarkan kinerja",
        [["3.a.1", "Terdapat dokumen laporan yang menggambarkan kinerja (Laporan Kinerja).", YT]],
      ],
      [
        "Kualitas: laporan kinerja telah disusun secara berkala dan mengungkap informasi kinerja",
        [
          ["3.b.1", "Dokumen laporan kinerja telah disusun dan disampaikan tepat waktu.", AE],
          ["3.b.2", "Dokumen laporan kinerja telah direviu.", AE],
          ["3.b.3", "Laporan kinerja telah mengungkap seluruh informasi tentang pencapaian kinerja.", AE],
        ],
      ],
      [
        "Pemanfaatan: informasi laporan kinerja telah dimanfaatkan",
        [
          ["3.c.1", "Informasi dalam laporan kinerja selalu menjadi perhatian utama pimpinan.", AE],
          ["3.c.2", "Informasi dalam laporan kinerja telah digunakan dalam penyesuaian aktivitas untuk mencapai kinerja.", AE],
        ],
      ],
    ]),
    component("4", "Evaluasi Akuntabilitas Kinerja Internal", 25, [
      [
        "Ketersediaan: evaluasi akuntabilitas kinerja internal telah dilaksanakan",
        [
          ["4.a.1", "Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal.", YT],
          ["4.a.2", "Evaluasi akuntabilitas kinerja internal telah dilaksanakan pada seluruh unit kerja.", YT],
        ],
      ],
      [
        "Kualitas: evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berkualitas",
        [
          ["4.b.1", "Evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berkala.", AE],
          ["4.b.2", "Evaluasi akuntabilitas kinerja internal telah memberikan rekomendasi yang dapat dilaksanakan.", AE],
        ],
      ],
      [
        "Pemanfaatan: hasil evaluasi telah ditindaklanjuti",
        [
          ["4.c.1", "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja internal telah ditindaklanjuti.", AE],
          ["4.c.2", "Hasil evaluasi akuntabilitas kinerja internal telah dimanfaatkan untuk perbaikan dan peningkatan akuntabilitas kinerja.", AE],
        ],
      ],
    ]),
  ],
};

import "server-only";

import { db } from "@/lib/db/client";

/**
 * Evidence the system already holds for an LKE year (docs/decisions/033-lke.md): each
 * suggestion names the criterion it supports (a stable code of the 88/2021 edition,
 * lib/lke/edition-88.ts), says what the data shows, and links to the page showing the
 * record. `met`: the data alone supports a full answer; the evaluator still decides.
 */
export interface TLkeEvidence {
  criterionCode: string;
  source: "pk" | "realization" | "cycle" | "followup" | "sop";
  title: string;
  detail: string;
  href: string;
  met: boolean;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const fmtPct = (x: number) => `${x.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Six months before a day, by calendar months. */
function sixMonthsBefore(d: Date): Date {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() - 6);
  return x;
}

export async function suggestEvidence(agency: { id: string; slug: string }, year: number, now: Date = new Date()): Promise<TLkeEvidence[]> {
  const base = `/a/${agency.slug}`;
  const yearStart = new Date(Date.UTC(year, 0, 1));
  const yearEnd = new Date(Date.UTC(year + 1, 0, 1));
  /** "Reviewed within 6 months" is counted back from the end of the year, or today while the year runs. */
  const reference = now < yearEnd ? now : new Date(yearEnd.getTime() - 1);
  const [agreement, indicators, realizations, cycles, tasks, followUps, sops, lkeFollowUps] = await Promise.all([
    db.performanceAgreement.findUnique({ where: { agencyId_year: { agencyId: agency.id, year } }, select: { signedAt: true } }),
    db.indicator.count({ where: { agencyId: agency.id, goal: { agreement: { year } } } }),
    db.realization.groupBy({ by: ["status"], where: { agencyId: agency.id, year }, _count: { _all: true } }),
    db.measurementCycle.findMany({
      where: { agencyId: agency.id, year, status: { not: "CANCELLED" } },
      select: { id: true, status: true },
      orderBy: { startedAt: "asc" },
    }),
    db.cycleTask.findMany({
      where: { agencyId: agency.id, cycle: { year, status: { not: "CANCELLED" } }, status: "DONE", completedAt: { not: null } },
      select: { completedAt: true, dueAt: true },
    }),
    db.followUp.groupBy({ by: ["status"], where: { agencyId: agency.id, dueDate: { gte: yearStart, lt: yearEnd } }, _count: { _all: true } }),
    db.sop.findMany({
      where: { agencyId: agency.id, status: "ACTIVE" },
      select: { id: true, nomor: true, nama: true, tanggalPembuatan: true, tanggalRevisi: true, activatedAt: true },
      orderBy: { nomor: "asc" },
    }),
    // The previous year's LKE review recommendations, carried out this year (decision 036).
    db.followUp.groupBy({ by: ["status"], where: { agencyId: agency.id, source: "LKE", lkeEvaluation: { year: year - 1 } }, _count: { _all: true } }),
  ]);
  const out: TLkeEvidence[] = [];

  // Perjanjian Kinerja: exists (1.a.5), signed (formalised, 1.b.1).
  out.push({
    criterionCode: "1.a.5",
    source: "pk",
    title: "Perjanjian Kinerja",
    detail: agreement ? `Perjanjian Kinerja tahun ${year} tercatat dengan ${indicators} indikator.` : `Belum ada Perjanjian Kinerja tahun ${year}.`,
    href: `${base}/kinerja?tahun=${year}`,
    met: Boolean(agreement),
  });
  if (agreement)
    out.push({
      criterionCode: "1.b.1",
      source: "pk",
      title: "Penandatanganan Perjanjian Kinerja",
      detail: agreement.signedAt ? `Perjanjian Kinerja ditandatangani pada ${isoDay(agreement.signedAt)}.` : "Tanggal penandatanganan Perjanjian Kinerja belum diisi.",
      href: `${base}/kinerja?tahun=${year}`,
      met: Boolean(agreement.signedAt),
    });

  // Realizations: quarterly monitoring (1.c.4) and verified data (2.b.2).
  const byStatus = Object.fromEntries(realizations.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>;
  const entered = (byStatus.SUBMITTED ?? 0) + (byStatus.VERIFIED ?? 0);
  const verified = byStatus.VERIFIED ?? 0;
  const expected = indicators * 4;
  out.push({
    criterionCode: "1.c.4",
    source: "realization",
    title: "Pemantauan Rencana Aksi per triwulan",
    detail: `${entered} dari ${expected} realisasi triwulanan telah diisi dan diajukan (${fmtPct(pct(entered, expected))}).`,
    href: `${base}/kinerja/rekap?tahun=${year}`,
    met: expected > 0 && entered >= expected,
  });
  out.push({
    criterionCode: "2.b.2",
    source: "realization",
    title: "Realisasi terverifikasi dengan data dukung",
    detail: `${verified} dari ${entered} realisasi yang diajukan telah diverifikasi (${fmtPct(pct(verified, entered))}).`,
    href: `${base}/kinerja/verifikasi?tahun=${year}`,
    met: entered > 0 && verified === entered,
  });

  // Measurement cycles: run, and on time (2.b.3).
  const onTime = tasks.filter((t) => t.completedAt! <= t.dueAt).length;
  const completedCycles = cycles.filter((c) => c.status === "COMPLETED").length;
  out.push({
    criterionCode: "2.b.3",
    source: "cycle",
    title: "Siklus pengukuran kinerja",
    detail:
      cycles.length === 0
        ? `Belum ada siklus pengukuran tahun ${year}.`
        : `${cycles.length} siklus dijalankan (${completedCycles} selesai); ${onTime} dari ${tasks.length} tugas selesai sebelum tenggat (${fmtPct(pct(onTime, tasks.length))}).`,
    href: cycles.length === 1 ? `${base}/cycles/${cycles[0]!.id}` : `${base}/cycles`,
    met: cycles.length > 0 && tasks.length > 0 && onTime === tasks.length,
  });

  // Follow-ups of the internal evaluation (4.c.1).
  const fu = Object.fromEntries(followUps.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>;
  const fuAll = (fu.OPEN ?? 0) + (fu.DONE ?? 0);
  out.push({
    criterionCode: "4.c.1",
    source: "followup",
    title: "Tindak lanjut rekomendasi evaluasi internal",
    detail: fuAll === 0 ? `Tidak ada tindak lanjut bertenggat tahun ${year}.` : `${fu.DONE ?? 0} dari ${fuAll} tindak lanjut telah diselesaikan (${fmtPct(pct(fu.DONE ?? 0, fuAll))}).`,
    href: `${base}/tindak-lanjut`,
    met: fuAll > 0 && (fu.DONE ?? 0) === fuAll,
  });

  const lfu = Object.fromEntries(lkeFollowUps.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>;
  const lfuAll = (lfu.OPEN ?? 0) + (lfu.DONE ?? 0);
  if (lfuAll > 0)
    out.push({
      criterionCode: "4.c.1",
      source: "followup",
      title: `Tindak lanjut rekomendasi reviu LKE tahun ${year - 1}`,
      detail: `${lfu.DONE ?? 0} dari ${lfuAll} rekomendasi reviu LKE tahun ${year - 1} telah ditindaklanjuti (${fmtPct(pct(lfu.DONE ?? 0, lfuAll))}).`,
      href: `${base}/lke?tahun=${year - 1}`,
      met: (lfu.DONE ?? 0) === lfuAll,
    });

  // SOPs: active, reviewed within 6 months (2.a.1: the technical guideline of measurement).
  const since = sixMonthsBefore(reference);
  for (const sop of sops) {
    // Only dates up to the reference day count: an SOP made or revised later did not exist then.
    const dates = [sop.tanggalRevisi, sop.tanggalPembuatan, sop.activatedAt].filter((d): d is Date => d !== null && d <= reference);
    const last = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    const recent = last !== null && last >= since;
    out.push({
      criterionCode: "2.a.1",
      source: "sop",
      title: `SOP ${sop.nomor}: ${sop.nama}`,
      detail: !last
        ? `SOP aktif, tetapi belum dibuat atau ditinjau sampai akhir tahun ${year}.`
        : recent
          ? `SOP aktif, ditinjau terakhir ${isoDay(last)} (dalam 6 bulan terakhir).`
          : `SOP aktif, ditinjau terakhir ${isoDay(last)}: lebih dari 6 bulan.`,
      href: `${base}/sops/${sop.id}`,
      met: recent,
    });
  }
  return out;
}

import { z } from "zod";

/**
 * What a decision step decides on, frozen (docs/decisions/022-decision-snapshot.md): the
 * shape of a decision snapshot, its messages, and the one rule on approving over values
 * Tim SAKIP has not verified. Pure, no I/O, safe for the browser; the server builds and
 * hashes snapshots in ./decision-snapshot.ts.
 */

/** One file of the work under review, identified by its content hash. */
export interface TSnapshotFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

/** One task's output in the work under review (an every-unit step: one per unit). */
export interface TSnapshotWork {
  taskId: string;
  stepNumber: number;
  round: number;
  kegiatan: string;
  roleName: string;
  unitName: string | null;
  /** ISO instant. */
  completedAt: string | null;
  completedBy: { name: string; nip: string } | null;
  outputText: string | null;
  checklist: string[];
  attendees: string[];
  decisions: string | null;
  reference: string | null;
  files: TSnapshotFile[];
}

export type TSnapshotRealizationStatus = "EMPTY" | "DRAFT" | "SUBMITTED" | "VERIFIED" | "RETURNED";

/** One indicator's measurement of the cycle's period, as decided on. Numbers as printed strings. */
export interface TSnapshotIndicator {
  code: string;
  name: string;
  /** Satuan ("%", "dokumen"). */
  unit: string;
  orgUnit: string;
  /** The target of the period's quarter ("12", "10 - 15", "-"). */
  target: string;
  /** The realization of the period's quarter as stored (null: not filled). */
  value: string | null;
  status: TSnapshotRealizationStatus;
  /** Realization to date (aggregated up to the quarter), null when it cannot be computed. */
  realizationToDate: string | null;
  /** Capaian to date: "96,67%" or why it cannot be computed. */
  capaian: string;
  /** The capaian band ("Sangat baik"), null when not computed. */
  category: string | null;
}

export interface TSnapshotPerformance {
  year: number;
  /** 1-4 (a yearly cycle: 4, the year to date). */
  quarter: number;
  indicators: TSnapshotIndicator[];
  /** Indicators whose value of the quarter is not VERIFIED (missing included). */
  unverified: number;
}

/** The frozen content; its canonical JSON is what the hash covers. */
export interface TDecisionSnapshotContent {
  version: 1;
  cycle: { id: string; sopNomor: string; sopVersion: number; year: number; period: string };
  decision: { taskId: string; stepNumber: number; round: number };
  work: TSnapshotWork[];
  /** Null when the SOP does not measure performance or the year has no Perjanjian Kinerja. */
  performance: TSnapshotPerformance | null;
}

export interface TDecisionSnapshot {
  content: TDecisionSnapshotContent;
  /** sha256 (hex) of the canonical JSON of `content`. */
  hash: string;
}

/** The open decision's snapshot as the cycle page shows it, and why approving it is refused (the agency's setting), or null. */
export type TCycleSnapshot = TDecisionSnapshot & { approvalRefusal: string | null };

/** The short form shown to people (like a git commit). */
export const shortHash = (hash: string) => hash.slice(0, 12);

export const SNAPSHOT_MESSAGES = {
  title: "Snapshot yang diputuskan",
  intro: "Yang Anda setujui atau kembalikan adalah data di bawah ini, dibekukan saat halaman dibuka. Perubahan data sesudahnya tidak mengubah snapshot ini.",
  hashLabel: "Kode snapshot",
  work: "Hasil kerja",
  files: "Berkas",
  noWork: "Belum ada hasil kerja yang dinilai.",
  performance: (period: string) => `Realisasi dan capaian ${period}`,
  columns: { indicator: "Indikator", target: "Target", value: "Realisasi", status: "Status", capaian: "Capaian" },
  statuses: { EMPTY: "Belum diisi", DRAFT: "Draf", SUBMITTED: "Diajukan", VERIFIED: "Terverifikasi", RETURNED: "Dikembalikan" } satisfies Record<TSnapshotRealizationStatus, string>,
  unverified: (n: number) => `${n} nilai belum diverifikasi`,
  unverifiedWarn: "Anda tetap dapat menyetujui; nilai tersebut tercatat belum diverifikasi pada snapshot ini.",
  unverifiedBlocked: "Pengaturan instansi: persetujuan ditolak bila ada nilai belum terverifikasi. Minta Tim SAKIP memverifikasi nilai tersebut terlebih dahulu.",
  blocked: (n: number) =>
    `Persetujuan ditolak: ${n} nilai belum diverifikasi dan pengaturan instansi menolak persetujuan bila ada nilai belum terverifikasi. Minta Tim SAKIP memverifikasi nilai tersebut terlebih dahulu.`,
  stale: (hash: string) =>
    `Data berubah sejak Anda membuka halaman ini (snapshot ${shortHash(hash)} tidak lagi berlaku). Tidak ada yang diubah. Periksa snapshot terbaru yang kini ditampilkan, lalu putuskan kembali.`,
  approvedWith: (hash: string) => `Disetujui atas snapshot ${shortHash(hash)}`,
  returnedWith: (hash: string) => `Dikembalikan atas snapshot ${shortHash(hash)}`,
  settingTitle: "Persetujuan siklus",
  settingLabel: "Tolak persetujuan bila ada nilai belum terverifikasi",
  settingHint: "Bila tidak dicentang, pimpinan yang menyetujui hanya diperingatkan jumlah nilai yang belum diverifikasi Tim SAKIP.",
  settingSaved: "Pengaturan persetujuan disimpan.",
  settingSave: "Simpan pengaturan",
  settingOn: "Persetujuan ditolak bila ada nilai belum terverifikasi.",
  settingOff: "Persetujuan dengan nilai belum terverifikasi hanya diberi peringatan.",
} as const;

/**
 * The refusal of an approval over this snapshot, or null. Values not verified by Tim SAKIP
 * only warn, unless the agency set `blockUnverifiedApproval`. The server (lib/cycle/service.ts)
 * and the cycle page (lib/cycle/queries.ts) both ask this.
 */
export function snapshotApprovalRefusal(content: TDecisionSnapshotContent, settings: { blockUnverifiedApproval: boolean }): string | null {
  const unverified = content.performance?.unverified ?? 0;
  return settings.blockUnverifiedApproval && unverified > 0 ? SNAPSHOT_MESSAGES.blocked(unverified) : null;
}

/** The agency's policy on approving a snapshot with unverified values (Agency.settings.blockUnverifiedApproval). */
export const ZApprovalPolicy = z.object({ blockUnverifiedApproval: z.boolean({ error: "Pilih ya atau tidak." }) });
export type TApprovalPolicy = z.input<typeof ZApprovalPolicy>;

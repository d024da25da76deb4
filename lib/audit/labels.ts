/**
 * How the audit trail reads in Indonesian: a label for every action of the
 * typed union in ./events.ts, a one-line summary of an event from its data,
 * and the wording of the audit pages. Pure: no database, usable anywhere.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { z } from "zod";

import { CASCADE_MESSAGES } from "@/lib/cascade/messages";
import type { TCascadeLevel } from "@/lib/cascade/levels";
import { CYCLE_MESSAGES, ESAKIP_MESSAGES } from "@/lib/cycle/messages";
import { TIME_ZONE_IANA, clipWords, formatDate, formatDateTimeSeconds, formatNumber, type TAgencyTimeZone } from "@/lib/format";
import { PLAUSIBILITY_MESSAGES, PLAUSIBILITY_TITLES } from "@/lib/performance/plausibility";
import { TIME_UNIT_LABELS } from "@/lib/sop/schemas";
import { formatNip } from "@/lib/validation/nip";

import { ZAuditEventInput, type TAuditAction, type TAuditEventInput } from "./events";

/** `Record<TAuditAction, …>`: adding an action to the union without a label fails the type check. */
export const AUDIT_ACTION_LABELS: Record<TAuditAction, string> = {
  "auth.sign_in": "Masuk ke aplikasi",
  "auth.sign_in_failed": "Gagal masuk",
  "auth.two_factor_enable": "Mengaktifkan verifikasi dua langkah",
  "auth.two_factor_disable": "Menonaktifkan verifikasi dua langkah",
  "auth.two_factor_recovery_regenerate": "Membuat ulang kode pemulihan",
  "auth.two_factor_recovery_used": "Masuk dengan kode pemulihan",
  "auth.two_factor_reset": "Mengatur ulang verifikasi dua langkah anggota",
  "agency.two_factor_policy_set": "Mengubah kewajiban verifikasi dua langkah",
  "government.create": "Membuat pemerintah daerah",
  "agency.create": "Membuat instansi",
  "agency.update": "Mengubah data instansi",
  "agency.deactivate": "Menonaktifkan instansi",
  "agency.reactivate": "Mengaktifkan kembali instansi",
  "agency.oversight_view": "Administrator platform membuka administrasi instansi",
  "role.create": "Membuat peran",
  "role.update": "Mengubah peran",
  "role.delete": "Menghapus peran",
  "role.reorder": "Mengubah urutan peran",
  "agency.office_hours_set": "Mengubah jam kerja",
  "agency.approval_policy_set": "Mengubah pengaturan persetujuan siklus",
  "holiday.create": "Menambah hari libur",
  "holiday.delete": "Menghapus hari libur",
  "unit.create": "Membuat unit kerja",
  "unit.update": "Mengubah unit kerja",
  "unit.deactivate": "Menonaktifkan unit kerja",
  "unit.reactivate": "Mengaktifkan kembali unit kerja",
  "membership.unit_set": "Mengubah unit kerja anggota",
  "user.credential_issue": "Memberikan kata sandi sementara atau tautan",
  "auth.password_change": "Mengganti kata sandi",
  "user.create": "Membuat pengguna",
  "user.update": "Mengubah data anggota",
  "acting.appoint": "Menunjuk Plt./Plh.",
  "acting.end": "Mengakhiri penunjukan Plt./Plh.",
  "member.import": "Mengimpor anggota dari Excel",
  "membership.roles_set": "Mengubah peran anggota",
  "membership.deactivate": "Menonaktifkan anggota",
  "membership.reactivate": "Mengaktifkan kembali anggota",
  "auditor.grant": "Memberi akses auditor",
  "sop.create": "Membuat SOP",
  "sop.import": "Mengimpor SOP",
  "sop.update": "Mengubah draf SOP",
  "sop.version_create": "Membuat versi baru SOP",
  "sop.activate": "Memberlakukan SOP",
  "sop.archive": "Mengarsipkan SOP",
  "sop.export": "Mengekspor SOP",
  "report.export": "Mengunduh laporan",
  "signing.certificate_upload": "Mengunggah sertifikat tanda tangan",
  "document.sign": "Menandatangani dokumen",
  "document.revoke": "Mencabut dokumen bertanda tangan",
  "cycle.start": "Memulai siklus",
  "cycle.complete": "Menyelesaikan siklus",
  "cycle.cancel": "Membatalkan siklus",
  "task.complete": "Menyelesaikan langkah",
  "task.approve": "Menyetujui (Ya)",
  "task.return": "Mengembalikan untuk perbaikan",
  "task.resubmit": "Mengirim ulang perbaikan",
  "task.invite": "Mengirim undangan rapat",
  "file.upload": "Mengunggah berkas",
  "file.download": "Mengunduh berkas",
  "agreement.save": "Menyimpan Perjanjian Kinerja",
  "realization.save": "Menyimpan realisasi",
  "realization.submit": "Mengajukan realisasi",
  "realization.verify": "Memverifikasi realisasi",
  "realization.return": "Mengembalikan realisasi",
  "budget.save": "Menyimpan realisasi anggaran",
  "followup.create": "Menambah tindak lanjut rekomendasi",
  "followup.update": "Mengubah tindak lanjut rekomendasi",
  "followup.close": "Menyelesaikan tindak lanjut rekomendasi",
  "followup.reopen": "Membuka kembali tindak lanjut rekomendasi",
  "cascade.period_create": "Membuat periode Renstra",
  "cascade.node_create": "Menambah simpul pohon kinerja",
  "cascade.node_update": "Mengubah simpul pohon kinerja",
  "cascade.node_delete": "Menghapus simpul pohon kinerja",
  "cascade.indicator_create": "Menambah indikator pohon kinerja",
  "cascade.indicator_update": "Mengubah indikator pohon kinerja",
  "cascade.indicator_delete": "Menghapus indikator pohon kinerja",
  "cascade.pk_generate": "Membuat PK per jenjang dari pohon kinerja",
  "cascade.action_plan_save": "Mengubah Rencana Aksi PK unit",
  "cascade.unit_realization_save": "Mengisi realisasi PK unit",
  "cascade.unit_realization_submit": "Mengirim realisasi PK unit",
  "cascade.unit_realization_verify": "Memverifikasi realisasi PK unit",
  "cascade.unit_realization_return": "Mengembalikan realisasi PK unit",
  "cascade.crosscut_propose": "Mengusulkan kontribusi lintas perangkat daerah",
  "cascade.crosscut_accept": "Menerima kontribusi lintas perangkat daerah",
  "cascade.crosscut_decline": "Menolak kontribusi lintas perangkat daerah",
  "cascade.crosscut_end": "Mengakhiri kontribusi lintas perangkat daerah",
  "lke.create": "Membuka evaluasi LKE",
  "lke.answer": "Mengisi penilaian mandiri LKE",
  "lke.review_answer": "Mereviu kriteria LKE",
  "lke.submit": "Mengajukan penilaian mandiri LKE",
  "lke.verify": "Menyelesaikan verifikasi LKE",
  "lke.review": "Menyelesaikan reviu LKE",
  "lke.lock": "Mengunci LKE",
  "lke.return": "Mengembalikan LKE ke instansi",
  "lke.edition_copy": "Menyalin edisi LKE",
  "lke.edition_update": "Mengubah edisi LKE",
};

/** The actions in the order the filter lists them (grouped as in the union). */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as TAuditAction[];

export function isAuditAction(value: string): value is TAuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The label, or the raw action for rows written before an action was renamed. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  User: "Pengguna",
  Government: "Pemerintah daerah",
  Agency: "Instansi",
  Sop: "SOP",
  MeasurementCycle: "Siklus",
  CycleTask: "Langkah siklus",
  StoredFile: "Berkas",
  PerformanceAgreement: "Perjanjian Kinerja",
  Realization: "Realisasi",
  Program: "Program",
  Role: "Peran",
  OrgUnit: "Unit kerja",
  FollowUp: "Tindak lanjut",
  SigningCertificate: "Sertifikat tanda tangan",
  SignedDocument: "Dokumen bertanda tangan",
  RenstraPeriod: "Periode Renstra",
  CascadeNode: "Simpul pohon kinerja",
  CascadeIndicator: "Indikator pohon kinerja",
  Holiday: "Hari libur",
  ActingAppointment: "Penunjukan Plt./Plh.",
  UnitAgreementRow: "Baris PK unit",
  CrosscutLink: "Keterkaitan lintas sektor",
  LkeEvaluation: "Evaluasi LKE",
  LkeEdition: "Edisi LKE",
} satisfies Record<TAuditEventInput["entityType"], string>;

const FIELD_LABELS: Record<string, string> = {
  name: "nama",
  slug: "alamat singkat",
  unitName: "nama unit",
  timeZone: "zona waktu",
  address: "alamat",
  city: "kota",
  logo: "logo",
  gelarDepan: "gelar depan",
  gelarBelakang: "gelar belakang",
  jabatan: "jabatan",
  pangkat: "pangkat/golongan",
  email: "email",
  isHead: "kepala instansi",
  permissions: "hak",
  kind: "jenis",
  parentId: "induk",
  headTitle: "jabatan kepala",
  headUserId: "pejabat kepala",
  sortOrder: "urutan",
  recommendation: "rekomendasi",
  unit: "unit kerja",
  dueDate: "tenggat",
};
const changedFields = (changes: Record<string, unknown>) =>
  Object.keys(changes)
    .map((k) => FIELD_LABELS[k] ?? k)
    .join(", ");
const PASSWORD_VIA = { forced: "wajib saat masuk pertama", self: "atas kehendak sendiri", link: "melalui tautan" } as const;

const STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draf",
  ACTIVE: "Berlaku",
  SUPERSEDED: "Digantikan",
  ARCHIVED: "Diarsipkan",
  COMPLETED: "Selesai",
  CANCELLED: "Dibatalkan",
  RETURNED: "Dikembalikan",
  DONE: "Selesai",
};

const SIGN_IN_FAILURES = { invalid: "NIP/email atau kata sandi salah", inactive: "akun tidak aktif", throttled: "terlalu banyak percobaan", nip_format: "format NIP salah", two_factor_invalid: "kode verifikasi salah" } as const;

const clip = (text: string, max = 160) => clipWords(text, max);
const nip = (value: string) => `NIP ${formatNip(value)}`;
const status = (value: unknown) => (typeof value === "string" ? (STATUS_LABELS[value] ?? value) : "-");
const roleList = (value: unknown) => (Array.isArray(value) && value.length ? value.map(String).join(", ") : "tanpa peran");
export const periodLabel = (period: string, year: number) =>
  `${(CYCLE_MESSAGES.periods as Record<string, string>)[period] ?? period} ${year}`;
const QUARTERS: Record<number, string> = { 1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV" };
export const quarterLabel = (quarter: number, year: number) => `${QUARTERS[quarter] ?? `TW ${quarter}`} ${year}`;
const value = (v: unknown) => (v === null || v === undefined || v === "" ? "-" : typeof v === "object" ? JSON.stringify(v) : String(v));
const bytes = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const size = (n: number) => (n >= 1_048_576 ? `${bytes.format(n / 1_048_576)} MB` : n >= 1024 ? `${bytes.format(n / 1024)} KB` : `${n} B`);
export const stepRoundLabel = (step: number, round: number) => `Langkah ${step} putaran ${round}`;

type TTaskEvent = Extract<z.infer<typeof ZAuditEventInput>, { action: "task.complete" | "task.approve" | "task.return" | "task.resubmit" }>;
function taskSummary(e: TTaskEvent): string {
  switch (e.action) {
    case "task.complete":
      return (
        `${stepRoundLabel(e.data.stepNumber, e.data.round)}${e.data.unitName ? ` (${e.data.unitName})` : ""} diselesaikan${e.data.automatic ? " otomatis" : ""}${e.data.outputText ? `: ${clip(e.data.outputText, 100)}` : ""}` +
        (e.data.esakip ? `; ${esakipText(e.data.esakip)}` : "")
      );
    case "task.approve":
      return (
        `${stepRoundLabel(e.data.stepNumber, e.data.round)} disetujui` +
        // The snapshot decided on (docs/decisions/022-decision-snapshot.md): its short code, and the values then unverified.
        (e.data.snapshotHash ? ` atas snapshot ${e.data.snapshotHash.slice(0, 12)}${e.data.snapshotUnverified ? ` (${e.data.snapshotUnverified} nilai belum diverifikasi)` : ""}` : "") +
        (e.data.comment ? `: ${clip(e.data.comment)}` : "")
      );
    case "task.return": {
      const reopened = e.data.opened.find((o) => o.status === "RETURNED");
      return `${stepRoundLabel(e.data.stepNumber, e.data.round)} dikembalikan${reopened ? ` ke langkah ${reopened.stepNumber}` : ""}: ${clip(e.data.comment ?? "-", 200)}`;
    }
    case "task.resubmit":
      return `${stepRoundLabel(e.data.stepNumber, e.data.round)} dikirim ulang setelah perbaikan${e.data.comment ? `: ${clip(e.data.comment)}` : ""}`;
  }
}

/**
 * One line saying what happened, from the event's recorded data (not from the
 * current state of the entity, which may have changed since). Rows that do not
 * match the union (older shapes) fall back to the action's label.
 */
/** Names for ids an event's data carries (people, cycles, SOPs, units), looked up by the caller; undefined when unknown. */
export type TNameOf = (kind: "user" | "cycle" | "sop" | "unit", id: string) => string | undefined;

/** The query of an export as words: "tahun 2026, TW II, pelaku Budi Santoso". */
export function describeExportParams(params: Record<string, string>, nameOf: TNameOf = () => undefined): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (!raw) continue;
    switch (key) {
      case "tahun":
        parts.push(`tahun ${raw}`);
        break;
      case "tw":
        parts.push(QUARTERS[Number(raw)] ?? `TW ${raw}`);
        break;
      case "from":
        parts.push(`dari ${raw}`);
        break;
      case "to":
        parts.push(`sampai ${raw}`);
        break;
      case "action":
        parts.push(`peristiwa "${actionLabel(raw)}"`);
        break;
      case "actorId":
        parts.push(`pelaku ${nameOf("user", raw) ?? "(tidak ditemukan)"}`);
        break;
      case "cycleId":
        parts.push(nameOf("cycle", raw) ?? "siklus (tidak ditemukan)");
        break;
      case "sopId":
        parts.push(nameOf("sop", raw) ?? "SOP (tidak ditemukan)");
        break;
      case "jenis":
      case "before":
        break;
      default:
        parts.push(`${key} ${raw}`);
    }
  }
  return parts.join(", ");
}

export function summarizeEvent(event: { action: string; entityType: string; entityId: string | null; data: unknown }, nameOf: TNameOf = () => undefined): string {
  const parsed = ZAuditEventInput.safeParse({ action: event.action, entityType: event.entityType, entityId: event.entityId, data: event.data });
  if (!parsed.success) return actionLabel(event.action);
  const e = parsed.data;
  switch (e.action) {
    case "auth.sign_in":
      return `Masuk dengan ${e.data.identifier}`;
    case "auth.sign_in_failed":
      return `Gagal masuk dengan ${e.data.identifier}: ${SIGN_IN_FAILURES[e.data.reason]}`;
    case "government.create":
      return `Pemerintah daerah ${e.data.after.name} (${e.data.after.level.toLowerCase()}) dibuat`;
    case "agency.create":
      return `Instansi ${e.data.after.name} (${e.data.after.slug}, ${e.data.after.timeZone}) dibuat`;
    case "user.create":
      return `Pengguna ${e.data.after.name} (${nip(e.data.after.nip)}) dibuat`;
    case "agency.update":
      return `Data instansi diubah: ${changedFields(e.data.changes)}`;
    case "agency.deactivate":
      return "Instansi dinonaktifkan: anggotanya tidak dapat masuk";
    case "agency.reactivate":
      return "Instansi diaktifkan kembali";
    case "agency.oversight_view":
      return `Administrator platform membuka halaman ${e.data.page}`;
    case "role.create":
      return `Peran "${e.data.name}" (${e.data.code})${e.data.isHead ? " sebagai kepala instansi" : ""} dibuat`;
    case "role.delete":
      return `Peran "${e.data.name}" (${e.data.code}) dihapus`;
    case "role.update": {
      const name = e.data.changes.name;
      return name ? `Peran ${e.data.code} diubah: "${value(name.before)}" → "${value(name.after)}"` : `Peran ${e.data.code} diubah: ${changedFields(e.data.changes)}`;
    }
    case "role.reorder":
      return "Urutan peran diubah";
    case "agency.office_hours_set":
      return "Jam kerja instansi diubah";
    case "agency.approval_policy_set":
      return e.data.blockUnverifiedApproval.after
        ? "Persetujuan siklus ditolak bila ada nilai belum terverifikasi"
        : "Persetujuan siklus dengan nilai belum terverifikasi hanya diberi peringatan";
    case "auth.two_factor_enable":
      return "Verifikasi dua langkah diaktifkan";
    case "auth.two_factor_disable":
      return "Verifikasi dua langkah dinonaktifkan";
    case "auth.two_factor_recovery_regenerate":
      return "Kode pemulihan dibuat ulang; kode lama tidak berlaku";
    case "auth.two_factor_recovery_used":
      return `Masuk dengan kode pemulihan (sisa ${e.data.remaining})`;
    case "auth.two_factor_reset":
      return `Verifikasi dua langkah ${nip(e.data.nip)} diatur ulang oleh administrator`;
    case "agency.two_factor_policy_set":
      return e.data.requireTwoFactor.after
        ? "Verifikasi dua langkah diwajibkan untuk administrator dan kepala"
        : "Verifikasi dua langkah tidak lagi diwajibkan";
    case "holiday.create":
      return `Hari libur ${e.data.date} "${e.data.name}" ditambahkan`;
    case "holiday.delete":
      return `Hari libur ${e.data.date} "${e.data.name}" dihapus`;
    case "unit.create":
      return `Unit kerja "${e.data.name}" dibuat`;
    case "unit.update":
      return `Unit kerja "${e.data.name}" diubah: ${changedFields(e.data.changes)}`;
    case "unit.deactivate":
      return `Unit kerja "${e.data.name}" dinonaktifkan`;
    case "unit.reactivate":
      return `Unit kerja "${e.data.name}" diaktifkan kembali`;
    case "membership.unit_set": {
      const unit = (v: unknown) => (typeof v === "string" ? (nameOf("unit", v) ?? "(unit tidak ditemukan)") : "tanpa unit");
      return `Unit kerja anggota: ${unit(e.data.unitId.before)} → ${unit(e.data.unitId.after)}`;
    }
    case "user.credential_issue":
      return e.data.mode === "link" ? "Tautan atur kata sandi diberikan" : "Kata sandi sementara diberikan";
    case "auth.password_change":
      return `Kata sandi diganti (${PASSWORD_VIA[e.data.via]})`;
    case "user.update":
      return `Data ${nip(e.data.nip)} diubah: ${changedFields(e.data.changes)}`;
    case "acting.appoint":
      return `${e.data.name} (${nip(e.data.nip)}) ditunjuk sebagai ${e.data.title}, ${e.data.startDate} s.d. ${e.data.endDate} (${e.data.decreeNumber})`;
    case "acting.end":
      return `Penunjukan ${e.data.title} (${nip(e.data.nip)}) diakhiri`;
    case "member.import":
      return `${e.data.count} anggota diimpor dari Excel`;
    case "membership.roles_set":
      return `Peran ${nip(e.data.nip)}: ${roleList(e.data.roles.before)} → ${roleList(e.data.roles.after)}`;
    case "membership.deactivate":
      return `Keanggotaan ${nip(e.data.nip)} dinonaktifkan`;
    case "membership.reactivate":
      return `Keanggotaan ${nip(e.data.nip)} diaktifkan kembali`;
    case "auditor.grant":
      return `Akses auditor ${nip(e.data.nip)}: berlaku sampai ${value(e.data.validUntil.before)} → ${value(e.data.validUntil.after)}`;
    case "sop.create":
    case "sop.import":
      return `SOP ${e.data.nomor} versi ${e.data.version} "${clip(e.data.nama, 80)}" ${e.action === "sop.import" ? "diimpor" : "dibuat"}, ${e.data.steps} langkah`;
    case "sop.update":
      return `Draf SOP ${e.data.nomor} versi ${e.data.version} diubah (${e.data.changes.length} perubahan)`;
    case "sop.version_create":
      return `Versi ${e.data.version} SOP ${e.data.nomor} dibuat dari versi ${e.data.fromVersion}`;
    case "sop.activate":
    case "sop.archive":
      return `SOP ${e.data.nomor} versi ${e.data.version} ${e.action === "sop.activate" ? "diberlakukan" : "diarsipkan"} (${status(e.data.status.before)} → ${status(e.data.status.after)})`;
    case "sop.export":
      return `SOP ${e.data.nomor} versi ${e.data.version} diekspor sebagai ${e.data.format.toUpperCase()}`;
    case "signing.certificate_upload":
      return `Sertifikat tanda tangan ${e.data.isDemo ? "DEMO " : ""}"${clip(e.data.subject, 120)}" diunggah (berlaku s.d. ${e.data.notAfter.slice(0, 10)})`;
    case "document.sign":
      return `${clip(e.data.title, 120)} ditandatangani ${e.data.method === "PADES" ? "secara elektronik" : "basah (pindaian diunggah)"} oleh ${clip(e.data.signerJabatan, 120)}, kode ${e.data.code}`;
    case "document.revoke":
      return `${clip(e.data.title, 120)} (kode ${e.data.code}) dicabut: ${clip(e.data.reason)}`;
    case "report.export": {
      const names = {
        "audit-log": "Jejak audit (CSV)",
        "cycle-timeline": "Linimasa siklus (CSV)",
        "realisasi-rencana-aksi": "Realisasi Rencana Aksi (xlsx)",
        "pengukuran-kinerja": "Pengukuran Kinerja (xlsx)",
        "laporan-pdf": "Laporan Pengukuran Kinerja (PDF)",
        "esakip-package": "Paket unggah e-SAKIP (zip)",
        "sla-analytics": "Analitik SLA (CSV)",
        "lkjip-docx": "Draf Laporan Kinerja / LKjIP (docx)",
        "lkjip-pdf": "Draf Laporan Kinerja / LKjIP (PDF)",
        "lke-xlsx": "Lembar Kerja Evaluasi SAKIP / LKE (xlsx)",
        "cycle-timeline-pdf": "Linimasa siklus (PDF)",
        "archive-record-pdf": "Catatan arsip siklus (PDF)",
        "unit-agreement-pdf": "Perjanjian Kinerja unit kerja (PDF)",
      } as const;
      const params = describeExportParams(e.data.params, nameOf);
      return `${names[e.data.report]} diunduh${params ? ` (${params})` : ""}`;
    }
    case "cycle.start":
      return (
        `Siklus ${periodLabel(e.data.period, e.data.year)} dimulai dengan SOP ${e.data.nomor} versi ${e.data.version}` +
        (e.data.startOverrideReason
          ? ` (periode sebelum versi ini berlaku pada ${e.data.sopEffectiveDay ?? "-"}), alasan: ${clip(e.data.startOverrideReason, 400)}`
          : "")
      );
    case "cycle.complete":
      return (
        `Siklus selesai dan diarsipkan (${status(e.data.status.before)} → ${status(e.data.status.after)})` +
        (e.data.archiveNote
          ? `; diarsipkan Kepala dengan ${e.data.unverified?.length ?? 0} realisasi belum diverifikasi, catatan: ${clip(e.data.archiveNote, 400)}`
          : "")
      );
    case "cycle.cancel":
      return `Siklus dibatalkan${e.data.reason ? `: ${clip(e.data.reason)}` : ""}`;
    case "task.invite":
      return `Undangan rapat langkah ${e.data.stepNumber} dikirim kepada ${e.data.invited} peserta: ${clip(e.data.place, 80)}`;
    case "task.complete":
    case "task.approve":
    case "task.return":
    case "task.resubmit": {
      // Done as an acting official: the capacity leads ("Plt. Kepala Dinas: Langkah 7 disetujui").
      const as = e.data.acting ? `${e.data.acting.title}: ` : "";
      return as + taskSummary(e);
    }
    case "file.upload":
    case "file.download":
      return `Berkas "${clip(e.data.name, 80)}" (${size(e.data.size)}) ${e.action === "file.upload" ? "diunggah" : "diunduh"}`;
    case "agreement.save":
      return (
        `Perjanjian Kinerja ${e.data.year} disimpan: ${e.data.goals} sasaran, ${e.data.indicators} indikator, ${e.data.programs} program` +
        (e.data.changes ? `; ${e.data.changes.length} perubahan${e.data.changes.length ? `: ${clip(e.data.changes.slice(0, 3).map((c) => `${c.item} ${c.field} ${c.before ?? "–"} → ${c.after ?? "–"}`).join("; "), 200)}` : ""}` : "")
      );
    case "realization.save":
    case "realization.submit": {
      const confirmed = e.data.warnings?.length ? `; ${PLAUSIBILITY_MESSAGES.auditConfirmed(e.data.warnings.map((w) => PLAUSIBILITY_TITLES[w.code]))}` : "";
      return e.action === "realization.save"
        ? `Realisasi ${e.data.code} ${quarterLabel(e.data.quarter, e.data.year)} disimpan: ${value(e.data.value.before)} → ${value(e.data.value.after)}${confirmed}`
        : `Realisasi ${e.data.code} ${quarterLabel(e.data.quarter, e.data.year)} dikirim untuk verifikasi: ${value(e.data.value.after)}${confirmed}`;
    }
    case "realization.verify":
      return `Realisasi ${e.data.code} ${quarterLabel(e.data.quarter, e.data.year)} diverifikasi`;
    case "realization.return":
      return `Realisasi ${e.data.code} ${quarterLabel(e.data.quarter, e.data.year)} dikembalikan${e.data.reason ? `: ${clip(e.data.reason, 200)}` : ""}`;
    case "budget.save":
      return `Realisasi anggaran program ${e.data.code} ${quarterLabel(e.data.quarter, e.data.year)}: ${value(e.data.realization.before)} → ${value(e.data.realization.after)}`;
    case "followup.create":
      return `Tindak lanjut "${clip(e.data.recommendation, 120)}" untuk ${e.data.unitName}, tenggat ${e.data.dueDate}`;
    case "followup.update":
      return `Tindak lanjut "${clip(e.data.recommendation, 120)}" diubah: ${changedFields(e.data.changes)}`;
    case "followup.close":
      return `Tindak lanjut "${clip(e.data.recommendation, 120)}" diselesaikan (${e.data.files ? `${e.data.files} berkas` : `tanpa berkas: ${clip(e.data.noFileReason ?? "", 120)}`}): ${clip(e.data.note, 160)}`;
    case "followup.reopen":
      return `Tindak lanjut "${clip(e.data.recommendation, 120)}" dibuka kembali: ${clip(e.data.reason, 160)}`;
    case "cascade.period_create":
      return `Periode Renstra ${e.data.startYear}–${e.data.endYear} dibuat`;
    case "cascade.node_create":
    case "cascade.node_update":
    case "cascade.node_delete": {
      const verb = { "cascade.node_create": "ditambahkan", "cascade.node_update": "diubah", "cascade.node_delete": "dihapus" }[e.action];
      const what = `${CASCADE_MESSAGES.level[e.data.level as TCascadeLevel] ?? e.data.level} "${clip(e.data.statement, 120)}"`;
      return `${what} ${verb}${e.data.changes ? `: ${changedFields(e.data.changes)}` : e.data.unitName ? ` (${e.data.unitName})` : ""}`;
    }
    case "cascade.indicator_create":
    case "cascade.indicator_update":
    case "cascade.indicator_delete": {
      const verb = { "cascade.indicator_create": "ditambahkan", "cascade.indicator_update": "diubah", "cascade.indicator_delete": "dihapus" }[e.action];
      return `Indikator pohon kinerja "${clip(e.data.name, 120)}" ${verb}${e.data.changes ? `: ${changedFields(e.data.changes)}` : ""}`;
    }
    case "cascade.pk_generate":
      return `PK per jenjang tahun ${e.data.year} dibuat dari pohon kinerja: PK kepala instansi ${e.data.head === "created" ? "dibuat" : "sudah ada (tidak diubah)"}; ${e.data.created.length} PK unit dibuat${e.data.kept.length ? `, ${e.data.kept.length} sudah ada (tidak diubah)` : ""}`;
    case "cascade.action_plan_save":
      return `Rencana Aksi ${e.data.year} ${e.data.unitName} "${clip(e.data.name, 120)}": ${changedFields(e.data.changes)}`;
    case "cascade.unit_realization_save":
      return `Realisasi ${e.data.year} ${e.data.unitName} "${clip(e.data.name, 120)}": ${changedFields(e.data.changes)}`;
    case "cascade.unit_realization_submit":
    case "cascade.unit_realization_verify":
    case "cascade.unit_realization_return": {
      const verb = { "cascade.unit_realization_submit": "dikirim", "cascade.unit_realization_verify": "diverifikasi", "cascade.unit_realization_return": "dikembalikan" }[e.action];
      return `Realisasi ${e.data.year} ${e.data.unitName} "${clip(e.data.name, 120)}" ${verb}: ${changedFields(e.data.changes)}${e.data.reason ? ` (alasan: ${clip(e.data.reason, 200)})` : ""}`;
    }
    case "cascade.crosscut_propose":
    case "cascade.crosscut_accept":
    case "cascade.crosscut_decline":
    case "cascade.crosscut_end": {
      const verb = { "cascade.crosscut_propose": "diusulkan", "cascade.crosscut_accept": "diterima", "cascade.crosscut_decline": "ditolak", "cascade.crosscut_end": "diakhiri" }[e.action];
      const level = CASCADE_MESSAGES.level[e.data.targetLevel as TCascadeLevel] ?? e.data.targetLevel;
      return `Kontribusi lintas perangkat daerah ${verb} oleh ${e.data.byAgency}: indikator "${clip(e.data.indicatorName, 120)}" (${e.data.sourceAgency}) mendukung ${level} "${clip(e.data.targetStatement, 120)}" (${e.data.targetAgency})${e.data.reason ? ` (alasan: ${clip(e.data.reason, 200)})` : ""}`;
    }
    case "lke.create":
      return `LKE tahun ${e.data.year} dibuka (${e.data.edition})`;
    case "lke.answer":
      return `LKE ${e.data.year} kriteria ${e.data.criterionCode}: jawaban ${value(e.data.answer.before)} → ${value(e.data.answer.after)}`;
    case "lke.review_answer":
      return `Reviu LKE ${e.data.year} kriteria ${e.data.criterionCode}: jawaban reviu ${value(e.data.answer.before)} → ${value(e.data.answer.after)}`;
    case "lke.submit":
    case "lke.verify":
    case "lke.review":
    case "lke.lock": {
      const verb = { "lke.submit": "diajukan", "lke.verify": "selesai diverifikasi", "lke.review": "selesai direviu", "lke.lock": "dikunci" }[e.action];
      return `LKE tahun ${e.data.year} ${verb}${e.data.round && e.data.round > 1 ? ` (putaran ${e.data.round})` : ""}: nilai ${e.data.score} (${e.data.predikat})`;
    }
    case "lke.return":
      return `LKE tahun ${e.data.year} dikembalikan ke instansi (putaran ${e.data.round}): ${clip(e.data.reason, 200)}`;
    case "lke.edition_copy":
      return `Edisi LKE "${clip(e.data.name, 120)}" disalin dari "${clip(e.data.from, 120)}", berlaku mulai ${e.data.validFromYear}`;
    case "lke.edition_update":
      return `Edisi LKE "${clip(e.data.name, 120)}" ${e.data.part}: ${changedFields(e.data.changes)}`;
  }
  return actionLabel(event.action);
}

/** An address as people read it: an IPv4 address the server saw over IPv6 ("::ffff:127.0.0.1") as plain IPv4. */
export function displayAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address.trim());
  return mapped ? mapped[1]! : address.trim();
}

/** The archive step's e-SAKIP record in words: "Diunggah ke e-SAKIP pada 10 April 2026, nomor referensi ESR-1, bukti: tanda-terima.pdf". */
export function esakipText(e: { uploadedAt: string; reference: string; receipt: { name: string } | null }): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(e.uploadedAt) ? formatDate(new Date(`${e.uploadedAt}T12:00:00Z`)) : e.uploadedAt;
  return ESAKIP_MESSAGES.summary(day, e.reference, e.receipt?.name ?? null);
}

/**
 * "6 April 2026 08.30.15 WIB": an audit trail shows seconds. The one formatter of audit times
 * (the log, the timeline, the record PDF, "printed at"). Indonesia's three zones are fixed
 * offsets with no daylight saving (since 1964), so the local time is UTC plus the zone's hours:
 * no date-fns TZDate or Intl formatter per call, which cost 7-200 µs each on the log's 50 rows
 * (docs/decisions/064-audit-log-render-cost.md). tests/unit/audit-log-time.test.ts checks it
 * against date-fns with the IANA zone.
 */
export function formatAuditTime(date: Date, tz: TAgencyTimeZone): string {
  return formatDateTimeSeconds(date, tz);
}

/** "2026-04-06 08:30:15 WIB": sortable, for CSV. */
export function formatCsvTime(date: Date | null, tz: TAgencyTimeZone): string {
  return date ? `${format(new TZDate(date, TIME_ZONE_IANA[tz]), "yyyy-MM-dd HH:mm:ss")} ${tz}` : "";
}

/** An SOP step's Mutu Baku "Waktu": "2 jam", "1 hari kerja". */
export function formatStandard(amount: number, unit: keyof typeof TIME_UNIT_LABELS): string {
  return `${formatNumber(amount)} ${TIME_UNIT_LABELS[unit]}`;
}

/** The wording of the audit pages (Bahasa Indonesia). */
export const AUDIT_MESSAGES = {
  tabs: { log: "Jejak audit", verify: "Verifikasi rantai", sla: "Kepatuhan waktu (SLA)" },
  log: {
    title: "Jejak audit",
    subtitle: "Setiap perubahan di instansi ini, dicatat saat terjadi dan tidak dapat diubah atau dihapus.",
    filters: "Saring",
    from: "Dari tanggal",
    to: "Sampai tanggal",
    actor: "Pelaku",
    action: "Jenis peristiwa",
    cycle: "Siklus",
    sop: "SOP",
    all: "Semua",
    apply: "Terapkan",
    reset: "Hapus saringan",
    export: "Ekspor CSV",
    exportPdf: "Unduh PDF",
    archiveRecord: "Catatan arsip (PDF)",
    signTitle: "Tanda tangan catatan arsip",
    signHint: "Catatan arsip memuat siklus, unggahan e-SAKIP, dan sidik SHA-256 setiap berkas. Setelah ditandatangani, keasliannya dapat diperiksa siapa pun melalui kode QR.",
    signNoCertificate: "Instansi belum memiliki sertifikat tanda tangan elektronik. Minta administrator instansi mengunggahnya.",
    print: "Cetak",
    next: "Muat berikutnya",
    first: "Kembali ke halaman pertama",
    empty: "Tidak ada peristiwa yang cocok dengan saringan ini.",
    count: (n: number, more: boolean) => (more ? `${n} peristiwa ditampilkan, masih ada lagi` : `${n} peristiwa`),
    tz: (tz: string) => `Waktu dalam ${tz}.`,
    range: (from: string | undefined, to: string | undefined) => `Tanggal ${from ?? "…"} s.d. ${to ?? "…"}`,
    continued: "halaman lanjutan",
    printedAt: (at: string) => `Dicetak pada ${at}`,
    invalidRange: "Tanggal awal harus sebelum atau sama dengan tanggal akhir.",
    col: { time: "Waktu", actor: "Pelaku", action: "Peristiwa", summary: "Ringkasan dan objek", ip: "IP" },
    system: "Sistem",
    openTimeline: "Lihat linimasa siklus",
    openSop: "Lihat SOP",
    deletedEntity: "(tidak ditemukan)",
    details: {
      summary: "Rincian untuk auditor",
      eventId: "ID peristiwa",
      actionCode: "Kode peristiwa",
      entity: "Objek",
      ip: "Alamat tercatat",
      userAgent: "Perangkat (user agent)",
      requestId: "ID permintaan",
      unchained: "menunggu dirangkai",
      hash: "Hash rantai",
      data: "Data peristiwa",
      loading: "Memuat rincian…",
      failed: "Rincian tidak dapat dimuat. Tutup lalu buka lagi untuk mencoba ulang.",
    },
    chained: (seq: number) => `Rantai #${seq}`,
  },
  verify: {
    title: "Verifikasi rantai audit",
    subtitle:
      "Setiap peristiwa disegel dengan hash yang mencakup isi peristiwa dan hash peristiwa sebelumnya. Mengubah, menghapus, atau menyisipkan satu baris di luar aplikasi memutus rantai pada baris itu.",
    ok: (n: string) => `Rantai audit utuh: ${n} peristiwa`,
    broken: (id: string, seq: number, reason: string) => `Rantai audit RUSAK pada peristiwa id ${id} (#${seq}): ${reason}`,
    brokenNoRow: (reason: string) => `Rantai audit RUSAK: ${reason}`,
    pending: (n: string) =>
      `${n} catatan menunggu dirangkai: sudah tersimpan, dan dirangkai ke rantai dalam beberapa detik. Verifikasi ini mencakup peristiwa yang sudah dirangkai.`,
    legacy: (n: number) => `${n} peristiwa lama dicatat sebelum penyegelan diberlakukan dan tidak dapat diverifikasi isinya.`,
    checkedAt: (at: string) => `Diperiksa pada ${at}`,
    chainKey: (key: string) => `Kunci rantai: ${key}`,
    recheck: "Periksa ulang",
    brokenHint: "Laporkan ke administrator platform. Peristiwa sebelum titik ini masih dapat dipercaya; sesudahnya tidak.",
  },
  sla: {
    title: "Kepatuhan waktu per langkah SOP",
    subtitle:
      "Durasi nyata langkah yang selesai (mulai sampai selesai) di semua siklus instansi, dibandingkan dengan standar waktu (Mutu Baku) SOP. Terlambat berarti selesai setelah batas waktunya; batas untuk satuan hari dihitung dalam hari kerja.",
    sop: "SOP",
    allSops: "Semua SOP",
    apply: "Tampilkan",
    empty: "Belum ada langkah selesai untuk dihitung.",
    col: { step: "Langkah", kegiatan: "Kegiatan", standard: "Standar waktu", n: "Jumlah selesai", avg: "Rata-rata", worst: "Terlama", late: "Terlambat" },
    lateShare: (pct: string, late: number, n: number) => `${pct} (${late} dari ${n})`,
    none: "—",
    sopHeading: (nomor: string, nama: string, version: number) => `${nomor} · ${nama} (versi ${version})`,
  },
  timeline: {
    title: "Linimasa siklus",
    back: "Kembali ke siklus",
    export: "Ekspor CSV",
    exportPdf: "Unduh PDF",
    archiveRecord: "Catatan arsip (PDF)",
    signTitle: "Tanda tangan catatan arsip",
    signHint: "Catatan arsip memuat siklus, unggahan e-SAKIP, dan sidik SHA-256 setiap berkas. Setelah ditandatangani, keasliannya dapat diperiksa siapa pun melalui kode QR.",
    signNoCertificate: "Instansi belum memiliki sertifikat tanda tangan elektronik. Minta administrator instansi mengunggahnya.",
    print: "Cetak",
    period: "Periode",
    sop: "SOP",
    status: "Status",
    startedBy: "Dimulai oleh",
    printedAt: (at: string) => `Dicetak dari Alur Kinerja pada ${at}`,
    empty: "Belum ada langkah yang dijalankan.",
    start: "Mulai",
    end: "Selesai",
    running: "Masih berjalan",
    actor: "Pelaksana",
    role: "Peran",
    duration: "Durasi",
    standard: "Standar",
    due: "Batas waktu",
    outcome: "Hasil",
    onTime: "Tepat waktu",
    lateBy: (d: string) => `Terlambat ${d}`,
    lateRunning: (d: string) => `Melewati batas ${d}`,
    returnedTo: (step: number) => `Dikembalikan ke langkah ${step}. Alasan:`,
    reopenedBecause: "Dibuka kembali untuk perbaikan. Alasan:",
    reopenedFrom: (step: number, round: number, who: string | null) =>
      `Dibuka kembali untuk perbaikan oleh keputusan langkah ${step} putaran ${round}${who ? ` (${who})` : ""}. Alasan:`,
    output: "Output",
    checklist: "Kelengkapan",
    attendees: "Daftar hadir",
    decisions: "Keputusan rapat",
    reference: "Rujukan dokumen",
    esakip: "Unggahan ke e-SAKIP",
    comment: "Catatan",
    cycleEvents: "Peristiwa siklus",
    notDone: "Belum selesai",
    summary: (runs: number, returns: number, late: number) => `${runs} pelaksanaan langkah, ${returns} pengembalian, ${late} terlambat`,
  },
  csv: {
    log: ["ID", "No. urut rantai", "Waktu", "Waktu (UTC)", "Nama pelaku", "NIP pelaku", "Peran pelaku", "Kode peristiwa", "Peristiwa", "Jenis objek", "ID objek", "Objek", "Ringkasan", "IP", "Perangkat (user agent)", "ID permintaan", "Data (JSON)", "Hash"],
    timeline: ["Langkah", "Putaran", "Kegiatan", "Peran", "Pelaksana", "NIP", "Mulai", "Selesai", "Durasi", "Standar waktu", "Batas waktu", "Status waktu", "Hasil", "Alasan pengembalian", "Dibuka kembali karena", "Output", "Kelengkapan", "Daftar hadir", "Keputusan rapat", "Rujukan dokumen", "Catatan"],
  },
} as const;

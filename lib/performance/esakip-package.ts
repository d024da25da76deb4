import "server-only";

import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { finished } from "node:stream/promises";

import { ZipArchive } from "archiver";

import { signaturePlaceDate } from "@/lib/agency/format";
import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { formatDate, formatDateTime, type TAgencyTimeZone } from "@/lib/format";
import { getStorage, StorageNotFoundError, type FileStorage } from "@/lib/storage";
import { sanitizeFileName } from "@/lib/storage/validate";
import { formatNip } from "@/lib/validation/nip";

import type { TCapaianSettings } from "./capaian";
import { officialNotices } from "./official-notes";
import { loadAgreement, loadPeriodArchive } from "./queries";
import { buildRecap } from "./recap";
import { buildPerformanceReportPdf } from "./report-pdf";
import { buildPerformanceWorkbook } from "./xlsx";

/**
 * The package a planning officer (Subbag Perencanaan) uploads to the national
 * e-SAKIP application (esr.menpan.go.id) for a quarter and keeps in the
 * archive: the two xlsx forms, the PDF report, every data dukung file of the
 * period's realizations under data-dukung/<indicator code>/, and a
 * MANIFEST.txt with the sha256 of every file, so whoever receives the zip can
 * check that nothing was changed on the way (the lines keep the sha256sum
 * format; the explanation above them is plain Indonesian, no commands), and
 * the archive step's record of the upload once the period is archived.
 *
 * The generated files are small and built in memory; the evidence is streamed
 * from the storage layer one file at a time and hashed on the way, and the
 * manifest, written last, says when a stored file was missing or did not
 * match the hash recorded at upload.
 */

export const ESAKIP_MESSAGES = {
  manifestTitle: "MANIFES PAKET UNGGAH e-SAKIP",
  target: "Aplikasi tujuan: e-SAKIP (esr.menpan.go.id)",
  agency: (name: string) => `Instansi      : ${name}`,
  government: (name: string) => `Pemerintah    : ${name}`,
  period: (q: string, year: number) => `Periode       : ${q} Tahun ${year}`,
  generated: (at: string) => `Dibuat        : ${at}`,
  generatedBy: (name: string, nip: string) => `Dibuat oleh   : ${name} (NIP ${nip})`,
  checksumIntro: [
    "DAFTAR SIDIK BERKAS",
    "Setiap berkas di dalam paket ini punya \"sidik\": 64 huruf dan angka (SHA-256) yang dihitung dari isi berkas.",
    "Jika isi berkas berubah sedikit saja, sidiknya ikut berubah. Dengan daftar ini penerima dapat memastikan bahwa",
    "berkas yang diterimanya sama persis dengan yang dibuat Alur Kinerja: hitung sidik berkas yang diterima (petugas",
    "TI atau aplikasi pemeriksa berkas dapat melakukannya) lalu bandingkan dengan baris berkas itu di bawah.",
    "Setiap baris: sidik, dua spasi, lalu nama berkas di dalam paket. Berkas MANIFEST.txt ini sendiri tidak tercantum",
    "karena tidak mungkin memuat sidiknya sendiri.",
  ],
  uploadTitle: "CATATAN UNGGAH KE e-SAKIP",
  uploadNone: "  Belum dicatat: tanggal, nomor referensi, dan bukti unggah diisi pada langkah pengarsipan siklus periode ini.",
  uploadLine: (date: string, reference: string) => `  Diunggah pada ${date}, nomor referensi ${reference}`,
  uploadReceipt: (name: string, sha: string) => `  Bukti unggah: ${name} (sidik ${sha})`,
  generatedTitle: "BERKAS YANG DIHASILKAN",
  evidenceTitle: "DATA DUKUNG PER INDIKATOR",
  generatedFile: { "rencana-aksi": "Realisasi Rencana Aksi (xlsx)", pengukuran: "Pengukuran Kinerja (xlsx)", laporan: "Laporan Pengukuran Kinerja (pdf)" },
  sizeBytes: (n: number) => `${new Intl.NumberFormat("id-ID").format(n)} byte`,
  indicator: (code: string, name: string, status: string) => `${code} ${name} (realisasi: ${status})`,
  evidenceLine: (path: string, original: string, size: string, at: string, by: string) =>
    `  - ${path}\n    nama asli: ${original}; ${size}; diunggah ${at} oleh ${by}`,
  noEvidence: "  (tidak ada data dukung)",
  missing: (path: string) => `  PERINGATAN: ${path} tidak ditemukan di penyimpanan dan tidak ikut dalam paket.`,
  mismatch: (path: string, actual: string) =>
    `  PERINGATAN: isi ${path} tidak sama dengan SHA-256 yang tercatat saat diunggah (isi sekarang ${actual}). Hubungi administrator.`,
  evidenceSummary: (files: number, indicators: number, without: number) =>
    `Jumlah data dukung: ${files} berkas; ${without} dari ${indicators} indikator tanpa data dukung.`,
  status: { DRAFT: "draf", SUBMITTED: "dikirim", VERIFIED: "terverifikasi", RETURNED: "dikembalikan", EMPTY: "belum diisi" },
  unverifiedNote:
    "Catatan: realisasi yang belum berstatus terverifikasi dapat berubah; unggah paket setelah seluruh realisasi periode ini diverifikasi Tim SAKIP.",
} as const;
const M = ESAKIP_MESSAGES;

const QUARTER_NAMES = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] as const;
const EVIDENCE_DIR = "data-dukung";
export const MANIFEST_NAME = "MANIFEST.txt";

/** The package's own file names: `Realisasi-Rencana-Aksi-<slug>-TW<q>-<year>.xlsx` and so on. */
export function esakipFileNames(agencySlug: string, year: number, quarter: number) {
  const tail = `${agencySlug}-TW${quarter}-${year}`;
  return {
    rencanaAksi: `Realisasi-Rencana-Aksi-${tail}.xlsx`,
    pengukuran: `Pengukuran-Kinerja-${tail}.xlsx`,
    laporan: `Laporan-Pengukuran-Kinerja-${tail}.pdf`,
    zip: `Paket-e-SAKIP-${tail}.zip`,
  };
}

// Names Windows will not create, whatever the extension ("CON.pdf" included).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_SEGMENT = 120;

/**
 * One path segment inside the zip: the upload's safe display name (no folders,
 * controls or characters Windows refuses), also no device names and at most
 * 120 characters with the extension kept, so it extracts on any machine.
 */
export function archiveSegment(raw: string, fallback = "berkas"): string {
  let name = sanitizeFileName(raw).replace(/[\\/]/g, "_");
  if (!name) name = fallback;
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const chars = Array.from(name);
  if (chars.length > MAX_SEGMENT) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
    name = chars.slice(0, MAX_SEGMENT - Array.from(ext).length).join("").trimEnd() + ext;
  }
  return name;
}

/**
 * `data-dukung/<indicator code>/<file name>` for each evidence file, in order;
 * a name already used in the same folder (compared without case, as Windows
 * and macOS do) gets " (2)", " (3)"... before its extension.
 */
export function evidencePaths(files: readonly { indicatorCode: string; originalName: string }[]): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    // A code is one folder, whatever it holds ("IKU/1" must not become a folder "1").
    const folder = `${EVIDENCE_DIR}/${archiveSegment(f.indicatorCode.replace(/[\\/]/g, "_"), "indikator")}`;
    const name = archiveSegment(f.originalName);
    const dot = name.lastIndexOf(".");
    const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = `${folder}/${name}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${folder}/${base} (${n})${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export interface TEsakipGeneratedFile {
  kind: keyof typeof M.generatedFile;
  path: string;
  bytes: Buffer;
  sha256: string;
}

export interface TEsakipEvidence {
  fileId: string;
  storageKey: string;
  path: string;
  originalName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string;
  realizationId: string;
}

export interface TEsakipPackage {
  /** `city` dates the measurement's signature ("Padang, 3 Desember 2026"); the date alone without it. */
  agency: { id: string; slug: string; name: string; governmentName: string; timeZone: TAgencyTimeZone; city?: string };
  year: number;
  quarter: number;
  filename: string;
  generatedAt: Date;
  generatedBy: { name: string; nip: string };
  generated: TEsakipGeneratedFile[];
  evidence: TEsakipEvidence[];
  /** Every indicator of the PK with its realization status this quarter, in PK order. */
  indicators: { code: string; name: string; status: keyof typeof M.status }[];
  /** Evidence paths per indicator code. */
  evidenceByIndicator: Map<string, TEsakipEvidence[]>;
  /** What the documents say about unverified values and the head's archive note (lib/performance/official-notes.ts). */
  notices: string[];
  /** The archive step's record of the upload to e-SAKIP, once the period's cycle has been archived with it. */
  upload: { uploadedAt: Date; reference: string; receipt: { name: string; sha256: string } | null } | null;
}

export interface TEsakipPackageInput {
  agency: TEsakipPackage["agency"];
  year: number;
  quarter: number;
  settings: TCapaianSettings;
  generatedBy: { name: string; nip: string };
  generatedAt?: Date;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Everything the package holds, before a byte of evidence is read: the
 * generated files (built from the same recap as the rekap page) and the list
 * of evidence files with their paths in the zip. Null when the year has no PK.
 */
export async function prepareEsakipPackage(input: TEsakipPackageInput): Promise<TEsakipPackage | null> {
  const { agency, year, quarter, settings } = input;
  const [agreement, archive, uploaded] = await Promise.all([
    loadAgreement(agency.id, year),
    loadPeriodArchive(agency.id, year, quarter),
    db.measurementCycle.findFirst({
      where: { agencyId: agency.id, year, period: `TW${quarter}` as "TW1", status: "COMPLETED", esakipReference: { not: null } },
      orderBy: { completedAt: "desc" },
      select: { esakipUploadedAt: true, esakipReference: true, esakipReceipt: { select: { originalName: true, sha256: true } } },
    }),
  ]);
  if (!agreement) return null;
  const generatedAt = input.generatedAt ?? new Date();
  const recap = buildRecap(agreement, quarter, settings, archive);
  const names = esakipFileNames(agency.slug, year, quarter);
  const agencyInfo = { name: agency.name, governmentName: agency.governmentName };
  const [rencanaAksi, pengukuran, laporan] = await Promise.all([
    buildPerformanceWorkbook({ kind: "rencana-aksi", recap, agency: agencyInfo, agreement, timeZone: agency.timeZone }),
    buildPerformanceWorkbook({
      kind: "pengukuran",
      recap,
      agency: agencyInfo,
      agreement,
      timeZone: agency.timeZone,
      placeDate: signaturePlaceDate({ city: agency.city ?? "", timeZone: agency.timeZone }, generatedAt),
    }),
    buildPerformanceReportPdf({ recap, agency: agencyInfo, agreement, settings, generatedAt, timeZone: agency.timeZone }),
  ]);
  const generated: TEsakipGeneratedFile[] = [
    { kind: "rencana-aksi", path: names.rencanaAksi, bytes: rencanaAksi, sha256: sha256(rencanaAksi) },
    { kind: "pengukuran", path: names.pengukuran, bytes: pengukuran, sha256: sha256(pengukuran) },
    { kind: "laporan", path: names.laporan, bytes: laporan, sha256: sha256(laporan) },
  ];

  // The period's evidence, in PK order (sasaran, indicator) and upload order within an indicator.
  const order = new Map<string, number>();
  const indicators: TEsakipPackage["indicators"] = [];
  for (const goal of agreement.goals) {
    for (const ind of goal.indicators) {
      order.set(ind.id, order.size);
      const realization = ind.realizations.find((r) => r.quarter === quarter);
      indicators.push({ code: ind.code, name: ind.name, status: realization?.status ?? "EMPTY" });
    }
  }
  const rows = await db.storedFile.findMany({
    where: { agencyId: agency.id, realization: { agencyId: agency.id, year, quarter, indicator: { goal: { agreementId: agreement.id } } } },
    select: {
      id: true,
      storageKey: true,
      originalName: true,
      mimeType: true,
      size: true,
      sha256: true,
      createdAt: true,
      uploadedBy: { select: { name: true } },
      realization: { select: { id: true, indicator: { select: { id: true, code: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const sorted = rows
    .filter((r) => r.realization !== null)
    .sort((a, b) => (order.get(a.realization!.indicator.id) ?? 0) - (order.get(b.realization!.indicator.id) ?? 0));
  const paths = evidencePaths(sorted.map((r) => ({ indicatorCode: r.realization!.indicator.code, originalName: r.originalName })));
  const evidence: TEsakipEvidence[] = sorted.map((r, i) => ({
    fileId: r.id,
    storageKey: r.storageKey,
    path: paths[i]!,
    originalName: r.originalName,
    mimeType: r.mimeType,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.createdAt,
    uploadedBy: r.uploadedBy.name,
    realizationId: r.realization!.id,
  }));
  const evidenceByIndicator = new Map<string, TEsakipEvidence[]>();
  sorted.forEach((r, i) => {
    const code = r.realization!.indicator.code;
    evidenceByIndicator.set(code, [...(evidenceByIndicator.get(code) ?? []), evidence[i]!]);
  });

  return {
    agency,
    year,
    quarter,
    filename: names.zip,
    generatedAt,
    generatedBy: input.generatedBy,
    generated,
    evidence,
    indicators,
    evidenceByIndicator,
    notices: officialNotices(recap, agency.timeZone),
    upload:
      uploaded?.esakipUploadedAt && uploaded.esakipReference
        ? {
            uploadedAt: uploaded.esakipUploadedAt,
            reference: uploaded.esakipReference,
            receipt: uploaded.esakipReceipt ? { name: uploaded.esakipReceipt.originalName, sha256: uploaded.esakipReceipt.sha256 } : null,
          }
        : null,
  };
}

/** What streaming found for one evidence file. */
export interface TEvidenceOutcome {
  fileId: string;
  path: string;
  status: "ok" | "missing" | "mismatch";
  actualSha256: string | null;
}

/** MANIFEST.txt: the sha256sum list first, then who made the package and the evidence per indicator. */
export function buildManifest(pkg: TEsakipPackage, outcomes: readonly TEvidenceOutcome[]): string {
  const tz = pkg.agency.timeZone;
  const byId = new Map(outcomes.map((o) => [o.fileId, o]));
  const included = pkg.evidence.filter((e) => byId.get(e.fileId)?.status !== "missing");
  const lines: string[] = [
    M.manifestTitle,
    "",
    M.agency(pkg.agency.name),
    M.government(pkg.agency.governmentName),
    M.period(QUARTER_NAMES[pkg.quarter - 1]!, pkg.year),
    M.generated(formatDateTime(pkg.generatedAt, tz)),
    M.generatedBy(pkg.generatedBy.name, formatNip(pkg.generatedBy.nip)),
    M.target,
    "",
    ...M.checksumIntro,
    "",
    ...pkg.generated.map((g) => `${g.sha256}  ${g.path}`),
    // The recorded hash: a file whose content no longer matches it fails `sha256sum -c`, as it should.
    ...included.map((e) => `${e.sha256}  ${e.path}`),
    "",
    M.uploadTitle,
    ...(pkg.upload
      ? [
          // A calendar day (stored at midnight UTC): printed as that day, whatever the agency's zone.
          M.uploadLine(formatDate(new Date(pkg.upload.uploadedAt.getTime() + 12 * 3_600_000)), pkg.upload.reference),
          ...(pkg.upload.receipt ? [M.uploadReceipt(pkg.upload.receipt.name, pkg.upload.receipt.sha256)] : []),
        ]
      : [M.uploadNone]),
    "",
    M.generatedTitle,
    ...pkg.generated.map((g) => `  - ${g.path}: ${M.generatedFile[g.kind]}; ${M.sizeBytes(g.bytes.length)}`),
    "",
    M.evidenceTitle,
  ];
  for (const ind of pkg.indicators) {
    lines.push(M.indicator(ind.code, ind.name, M.status[ind.status]));
    const files = pkg.evidenceByIndicator.get(ind.code) ?? [];
    if (files.length === 0) lines.push(M.noEvidence);
    for (const e of files) {
      const outcome = byId.get(e.fileId);
      if (outcome?.status === "missing") {
        lines.push(M.missing(e.path));
        continue;
      }
      lines.push(M.evidenceLine(e.path, e.originalName, M.sizeBytes(e.size), formatDateTime(e.uploadedAt, tz), e.uploadedBy));
      if (outcome?.status === "mismatch") lines.push(M.mismatch(e.path, outcome.actualSha256 ?? "-"));
    }
  }
  const without = pkg.indicators.filter((i) => !(pkg.evidenceByIndicator.get(i.code)?.length)).length;
  lines.push("", M.evidenceSummary(included.length, pkg.indicators.length, without));
  if (pkg.notices.length) lines.push("", ...pkg.notices);
  if (pkg.indicators.some((i) => i.status !== "VERIFIED")) lines.push(M.unverifiedNote);
  return `${lines.join("\n")}\n`;
}

// Already compressed: storing them again saves CPU and changes nothing in size.
const STORED_TYPES = /^(image\/(jpeg|png)|application\/(pdf|zip|vnd\.openxmlformats-officedocument\..*))$/;

/**
 * The zip as a stream, written while it is read: the generated files, then
 * each evidence file opened only when the previous one is done (one file
 * handle at a time however many there are), then MANIFEST.txt. When the
 * reader goes away the open file is closed and nothing more is read.
 * `onComplete` hears what was found (missing or changed files).
 */
export function streamEsakipPackage(
  pkg: TEsakipPackage,
  options: { storage?: FileStorage; onComplete?: (outcomes: TEvidenceOutcome[]) => void } = {},
): Readable {
  const storage = options.storage ?? getStorage();
  const archive = new ZipArchive({ zlib: { level: 6 } });
  let closed = false;
  let current: { source: Readable; hasher: Transform } | null = null;
  archive.on("close", () => {
    closed = true;
    current?.source.destroy();
    current?.hasher.destroy();
  });
  // Errors reach the reader through the stream; without a listener one could crash the process first.
  archive.on("error", (error: Error & { code?: string }) => {
    // The reader going away (a cancelled download) is not a failure.
    if (error.name !== "AbortError" && error.code !== "ABORT_ERR") console.error("[esakip] package stream failed", error);
  });
  archive.on("warning", (warning) => console.warn("[esakip] package warning", warning));

  const produce = async () => {
    for (const g of pkg.generated) archive.append(g.bytes, { name: g.path, date: pkg.generatedAt, store: true });
    const outcomes: TEvidenceOutcome[] = [];
    for (const e of pkg.evidence) {
      if (closed) return;
      let body: Buffer | NodeJS.ReadableStream;
      try {
        body = await storage.get(e.storageKey);
      } catch (error) {
        if (!(error instanceof StorageNotFoundError)) throw error;
        console.error(`[esakip] StoredFile ${e.fileId} has no content at ${e.storageKey}`);
        outcomes.push({ fileId: e.fileId, path: e.path, status: "missing", actualSha256: null });
        continue;
      }
      const entry = { name: e.path, date: e.uploadedAt, store: STORED_TYPES.test(e.mimeType) };
      const hash = createHash("sha256");
      let size = 0;
      if (Buffer.isBuffer(body)) {
        hash.update(body);
        size = body.length;
        archive.append(body, entry);
      } else {
        const source = body as Readable;
        const hasher = new Transform({
          transform(chunk: Buffer | string, _encoding, callback) {
            const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            hash.update(bytes);
            size += bytes.length;
            callback(null, bytes);
          },
        });
        current = { source, hasher };
        source.on("error", (error) => hasher.destroy(error));
        hasher.on("close", () => source.destroy());
        source.pipe(hasher);
        archive.append(hasher, entry);
        // Consumed by the archive (and so by the reader) before the next file is opened.
        await finished(hasher);
        current = null;
      }
      const actual = hash.digest("hex");
      outcomes.push({ fileId: e.fileId, path: e.path, status: actual === e.sha256 && size === e.size ? "ok" : "mismatch", actualSha256: actual });
      if (actual !== e.sha256) console.error(`[esakip] StoredFile ${e.fileId} content does not match its recorded sha256`);
    }
    if (closed) return;
    archive.append(buildManifest(pkg, outcomes), { name: MANIFEST_NAME, date: pkg.generatedAt });
    options.onComplete?.(outcomes);
    void archive.finalize().catch(() => {});
  };
  produce().catch((error: unknown) => {
    if (!closed) archive.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return archive;
}

/**
 * Every evidence file leaves the system inside the package: each is recorded
 * as a `file.download`, as the single-file download route does, in one
 * transaction.
 */
export async function recordPackageFileDownloads(
  pkg: TEsakipPackage,
  ctx: { agencyId: string; actor: AuditActor; meta: AuditRequestMeta | null },
  tx?: DbTx,
): Promise<void> {
  if (pkg.evidence.length === 0) return;
  await inTransaction(tx, async (tx) => {
    for (const e of pkg.evidence) {
      await recordAudit(
        tx,
        {
          action: "file.download",
          entityType: "StoredFile",
          entityId: e.fileId,
          data: { fileId: e.fileId, name: e.originalName, size: e.size, sha256: e.sha256, realizationId: e.realizationId, taskId: null },
        },
        ctx,
      );
    }
  });
}

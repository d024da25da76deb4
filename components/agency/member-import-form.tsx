"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { importMembersAction } from "@/lib/member/actions";
import { MEMBER_MESSAGES as M } from "@/lib/member/messages";
import type { TMemberImportResult } from "@/lib/member/service";
import { formatNip } from "@/lib/validation/nip";

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import members from an xlsx: the file is read in the browser, sent to the
 * server for a preview that lists every row's problems, and only a file with
 * none can be saved (sent again; the server checks it again, all or nothing).
 */
export function MemberImportForm({ agencySlug }: { agencySlug: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [file, setFile] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TMemberImportResult | null>(null);

  function preview(selected: File | undefined) {
    setResult(null);
    setError(null);
    if (!selected) return;
    startTransition(async () => {
      const data = await fileToBase64(selected);
      setFile(data);
      const answer = await importMembersAction(agencySlug, { fileBase64: data, commit: false });
      if (answer.ok) setResult(answer.data);
      else setError(answer.fieldErrors?.fileBase64?.[0] ?? answer.error);
    });
  }
  function commit() {
    if (!file) return;
    startTransition(async () => {
      const answer = await importMembersAction(agencySlug, { fileBase64: file, commit: true });
      if (answer.ok) {
        setResult(answer.data);
        toast.success(M.imported(answer.data.imported.length));
        router.refresh();
      } else setError(answer.fieldErrors?.fileBase64?.[0] ?? answer.error);
    });
  }
  const problemRows = result?.rows.filter((r) => r.problems.length > 0) ?? [];
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Kolom: NIP, Nama, Gelar Depan, Gelar Belakang, Jabatan, Pangkat/Golongan, Unit Kerja, Peran, Email (ekspor SIMPEG/SIASN dikenali).{" "}
        <a className="font-medium text-brand-700 underline" href={`/a/${agencySlug}/anggota/templat`}>
          Unduh templat
        </a>
      </p>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-800">Berkas xlsx daftar pegawai</span>
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={pending}
          onChange={(e) => preview(e.target.files?.[0])}
          className="text-sm"
        />
      </label>
      {error ? <Alert>{error}</Alert> : null}
      {result && !result.committed ? (
        <div className="space-y-3" data-testid="member-import-preview">
          {result.fileProblems.map((p) => (
            <Alert key={p}>{p}</Alert>
          ))}
          {result.rows.length > 0 ? (
            <p className="text-sm">
              {result.rows.length} baris terbaca; {problemRows.length} bermasalah.
            </p>
          ) : null}
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Pratinjau baris impor">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className="py-1 pr-2">Baris</th>
                  <th className="py-1 pr-2">NIP</th>
                  <th className="py-1 pr-2">Nama</th>
                  <th className="py-1 pr-2">Unit kerja</th>
                  <th className="py-1 pr-2">Peran</th>
                  <th className="py-1">Masalah</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.row} className={r.problems.length ? "bg-red-50" : ""} data-testid={`import-row-${r.row}`}>
                    <td className="py-1 pr-2 align-top">{r.row}</td>
                    <td className="py-1 pr-2 align-top whitespace-nowrap">{formatNip(r.nip)}</td>
                    <td className="py-1 pr-2 align-top">{[r.gelarDepan, r.name].filter(Boolean).join(" ") + (r.gelarBelakang ? `, ${r.gelarBelakang}` : "")}</td>
                    <td className="py-1 pr-2 align-top">{r.unit}</td>
                    <td className="py-1 pr-2 align-top">{r.roles}</td>
                    <td className="py-1 align-top text-red-800">{r.problems.length ? r.problems.join(" ") : <span className="text-green-700">Siap</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.blocking ? (
            <Alert>{M.blocked(problemRows.length || result.fileProblems.length)}</Alert>
          ) : (
            <Button onClick={commit} disabled={pending}>
              {pending ? "Menyimpan…" : `Simpan ${result.rows.length} anggota`}
            </Button>
          )}
        </div>
      ) : null}
      {result?.committed ? (
        <div className="space-y-2" data-testid="member-import-done">
          <p className="text-sm font-medium">{M.imported(result.imported.length)} Sampaikan tautan atur kata sandi kepada masing-masing (berlaku 72 jam, sekali pakai):</p>
          <ul className="space-y-1 text-sm">
            {result.imported.map((m) => (
              <li key={m.nip} className="break-all">
                {m.name} ({formatNip(m.nip)}): {m.link ? <code data-testid={`link-${m.nip}`}>{origin + m.link.path}</code> : "akun yang sudah ada, kata sandinya tetap"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

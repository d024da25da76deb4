"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { revokeDocumentAction, signReportAction, uploadCertificateAction } from "@/lib/signing/actions";
import { formatDocumentCode } from "@/lib/signing/code-format";

import { fileClass, firstError, readBase64 } from "./form-helpers";
import { useScanUpload } from "./scan-upload";

function PeriodFields({ id, year, quarter, setYear, setQuarter }: { id: string; year: string; quarter: string; setYear: (v: string) => void; setQuarter: (v: string) => void }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${id}-year`} label="Tahun">
        <Input id={`${id}-year`} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
      </Field>
      <Field id={`${id}-quarter`} label="Triwulan">
        <select
          id={`${id}-quarter`}
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
          className="block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
        >
          <option value="1">Triwulan I</option>
          <option value="2">Triwulan II</option>
          <option value="3">Triwulan III</option>
          <option value="4">Triwulan IV</option>
        </select>
      </Field>
    </div>
  );
}

export function CertificateForm({ agencySlug }: { agencySlug: string }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3 border-t border-slate-200 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setError("Pilih berkas sertifikat (.p12 atau .pfx).");
        startTransition(async () => {
          const result = await uploadCertificateAction(agencySlug, { fileName: file.name, fileBase64: await readBase64(file), passphrase });
          if (!result.ok) return setError(firstError(result));
          setError(null);
          setPassphrase("");
          toast.success("Sertifikat disimpan.");
          router.refresh();
        });
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">Unggah sertifikat instansi</h3>
      {error ? <Alert>{error}</Alert> : null}
      <Field id={`${id}-file`} label="Berkas sertifikat (.p12 / .pfx)" hint="Disimpan terenkripsi bersama kata sandinya; menggantikan sertifikat sebelumnya.">
        <input id={`${id}-file`} type="file" accept=".p12,.pfx,application/x-pkcs12" className={fileClass} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <Field id={`${id}-pass`} label="Kata sandi sertifikat">
        <Input id={`${id}-pass`} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan sertifikat"}
      </Button>
    </form>
  );
}

export function SignReportForm({ agencySlug, defaultYear, disabled }: { agencySlug: string; defaultYear: number; disabled: boolean }) {
  const router = useRouter();
  const id = useId();
  const [year, setYear] = useState(String(defaultYear));
  const [quarter, setQuarter] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const sign = () =>
    startTransition(async () => {
      setConfirming(false);
      const result = await signReportAction(agencySlug, { year: Number(year), quarter: Number(quarter) });
      if (!result.ok) {
        setDone(null);
        return setError(firstError(result));
      }
      setError(null);
      setDone(result.data.code);
      toast.success("Laporan ditandatangani.");
      router.refresh();
    });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      {done ? (
        <Alert tone="success">
          Laporan ditandatangani. Kode verifikasi: <span className="font-mono font-semibold">{formatDocumentCode(done)}</span>
        </Alert>
      ) : null}
      <PeriodFields id={id} year={year} quarter={quarter} setYear={setYear} setQuarter={setQuarter} />
      <Button type="submit" disabled={pending || disabled}>
        {pending ? "Menandatangani…" : "Tandatangani secara elektronik"}
      </Button>
      <ConfirmDialog open={confirming} onOpenChange={setConfirming} title="Tandatangani laporan?" confirmLabel="Ya, tandatangani" onConfirm={sign}>
        Laporan Pengukuran Kinerja Triwulan {["I", "II", "III", "IV"][Number(quarter) - 1]} Tahun {year} akan ditandatangani atas nama Anda dengan sertifikat instansi.
      </ConfirmDialog>
    </form>
  );
}

/** The report's wet-signed scan, from the signing page: the same multipart upload as every scan (./scan-upload.ts). */
export function WetScanForm({ agencySlug, defaultYear, fileHint }: { agencySlug: string; defaultYear: number; fileHint: string }) {
  const id = useId();
  const [year, setYear] = useState(String(defaultYear));
  const [quarter, setQuarter] = useState("1");
  const scan = useScanUpload(agencySlug);
  return (
    <form
      className="space-y-3"
      data-testid="scan-report"
      onSubmit={(e) => {
        e.preventDefault();
        void scan.upload({ kind: "PERFORMANCE_REPORT", year: Number(year), quarter: Number(quarter) });
      }}
    >
      {scan.error ? <Alert>{scan.error}</Alert> : null}
      {scan.done ? (
        <Alert tone="success">
          Berkas disimpan. Kode verifikasi: <span className="font-mono font-semibold">{formatDocumentCode(scan.done.code)}</span>.
        </Alert>
      ) : null}
      <PeriodFields id={`${id}-wet`} year={year} quarter={quarter} setYear={setYear} setQuarter={setQuarter} />
      <Field id={`${id}-scan`} label="Berkas pindaian" hint={fileHint}>
        <input key={scan.inputKey} id={`${id}-scan`} type="file" accept=".pdf,.png,.jpg,.jpeg" className={fileClass} onChange={(e) => scan.choose(e.target.files?.[0] ?? null)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={scan.pending}>
        {scan.pending ? scan.pendingLabel : "Unggah pindaian"}
      </Button>
    </form>
  );
}

export function RevokeButton({ agencySlug, documentId }: { agencySlug: string; documentId: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button type="button" className="text-red-700 hover:underline" onClick={() => setOpen(true)} disabled={pending}>
        Cabut
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Cabut dokumen?"
        tone="danger"
        confirmLabel="Ya, cabut"
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeDocumentAction(agencySlug, { documentId, reason });
            if (!result.ok) return void toast.error(firstError(result));
            setOpen(false);
            toast.success("Dokumen dicabut.");
            router.refresh();
          })
        }
      >
        <span className="block space-y-2">
          <span className="block">Halaman verifikasi akan menyatakan dokumen ini dicabut.</span>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
            Alasan pencabutan
          </label>
          <Input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </span>
      </ConfirmDialog>
    </>
  );
}

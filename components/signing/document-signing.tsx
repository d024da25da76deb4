"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/authz/action";
import { signArchiveRecordAction, signLkjipAction, signSopAction } from "@/lib/signing/actions";
import { formatDocumentCode } from "@/lib/signing/code-format";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import type { TSignTarget } from "@/lib/signing/schemas";

import { useScanUpload } from "./scan-upload";

import { fileClass, firstError } from "./form-helpers";

/*
 * The sign and scan controls on the documents' own pages (the cycle timeline, the SOP, the LKjIP,
 * the unit PKs), apart from the signing page's forms (./signing-forms.tsx): a client module is sent
 * whole with every page that uses one of its exports (docs/decisions/039-lean-first-load.md).
 */

/** One "sign this document" button: confirm, sign on the server, show the code and the signed file. */
export function SignDocumentButton({
  agencySlug,
  disabled,
  run,
  text,
  testId,
}: {
  agencySlug: string;
  disabled: boolean;
  run: () => Promise<ActionResult<{ code: string; fileId: string }>>;
  text: { done: string; button: string; confirmTitle: string; confirmBody: string };
  testId: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ code: string; fileId: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const sign = () =>
    startTransition(async () => {
      setConfirming(false);
      const result = await run();
      if (!result.ok) {
        setDone(null);
        return setError(firstError(result));
      }
      setError(null);
      setDone(result.data);
      toast.success(text.done);
      router.refresh();
    });
  return (
    <div className="space-y-3" data-testid={testId}>
      {error ? <Alert>{error}</Alert> : null}
      {done ? (
        <Alert tone="success">
          {text.done} Kode verifikasi: <span className="font-mono font-semibold">{formatDocumentCode(done.code)}</span>.{" "}
          <a className="font-medium underline" href={`/a/${agencySlug}/files/${done.fileId}`}>
            Unduh berkas bertanda tangan
          </a>
        </Alert>
      ) : null}
      <Button type="button" disabled={pending || disabled} onClick={() => setConfirming(true)}>
        {pending ? "Menandatangani…" : text.button}
      </Button>
      <ConfirmDialog open={confirming} onOpenChange={setConfirming} title={text.confirmTitle} confirmLabel="Ya, tandatangani" onConfirm={sign}>
        {text.confirmBody}
      </ConfirmDialog>
    </div>
  );
}

/**
 * The head signs a completed cycle's archive record (lib/cycle/record-pdf.ts) electronically:
 * the signed PDF is stored and listed on the signing page, its code opens /v/<code>.
 */
export function SignArchiveRecordButton({ agencySlug, cycleId, disabled }: { agencySlug: string; cycleId: string; disabled: boolean }) {
  return (
    <SignDocumentButton
      agencySlug={agencySlug}
      disabled={disabled}
      run={() => signArchiveRecordAction(agencySlug, { cycleId })}
      testId="sign-archive-record"
      text={{
        done: "Catatan arsip ditandatangani.",
        button: "Tandatangani catatan arsip",
        confirmTitle: "Tandatangani catatan arsip?",
        confirmBody:
          "Catatan arsip siklus ini akan ditandatangani atas nama Anda dengan sertifikat instansi. Dokumen yang ditandatangani tidak dapat diubah; bila keliru, cabut dari halaman Tanda tangan dokumen.",
      }}
    />
  );
}

/** The head signs the SOP in force (its document with the head's block and QR code, lib/sop/pdf.ts). */
export function SignSopButton({ agencySlug, sopId, disabled }: { agencySlug: string; sopId: string; disabled: boolean }) {
  return (
    <SignDocumentButton
      agencySlug={agencySlug}
      disabled={disabled}
      run={() => signSopAction(agencySlug, { sopId })}
      testId="sign-sop"
      text={{
        done: "Dokumen SOP ditandatangani.",
        button: "Tandatangani dokumen SOP",
        confirmTitle: "Tandatangani dokumen SOP?",
        confirmBody:
          "Dokumen SOP yang berlaku ini (identitas dan tabel prosedur) akan ditandatangani atas nama Anda dengan sertifikat instansi. Dokumen yang ditandatangani tidak dapat diubah; bila keliru, cabut dari halaman Tanda tangan dokumen.",
      }}
    />
  );
}

/** The head signs the year's LKjIP PDF as the app generates it (lib/lkjip/pdf.ts). */
export function SignLkjipButton({ agencySlug, year, disabled }: { agencySlug: string; year: number; disabled: boolean }) {
  const U = SIGNING_MESSAGES.ui;
  return (
    <SignDocumentButton
      agencySlug={agencySlug}
      disabled={disabled}
      run={() => signLkjipAction(agencySlug, { year })}
      testId="sign-lkjip"
      text={{ done: U.lkjipDone, button: U.lkjipButton, confirmTitle: U.lkjipConfirmTitle, confirmBody: U.lkjipConfirmBody(year) }}
    />
  );
}

/**
 * The head uploads the wet-signed scan of one document (an archive record, the SOP in force, the
 * LKjIP's final file): one multipart route for every kind (./scan-upload.ts), the server checks the
 * target and the file; the button shows the upload's progress, a refusal shows the server's message.
 */
export function WetScanUpload({
  agencySlug,
  target,
  label = SIGNING_MESSAGES.ui.scanLabel,
  button = SIGNING_MESSAGES.ui.scanButton,
  hint,
  testId,
}: {
  agencySlug: string;
  target: TSignTarget;
  label?: string;
  button?: string;
  hint: string;
  testId: string;
}) {
  const U = SIGNING_MESSAGES.ui;
  const id = useId();
  const scan = useScanUpload(agencySlug);
  return (
    <form
      className="space-y-3"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void scan.upload(target);
      }}
    >
      {scan.error ? <Alert>{scan.error}</Alert> : null}
      {scan.done ? (
        <Alert tone="success">
          {U.scanDone} Kode verifikasi: <span className="font-mono font-semibold">{formatDocumentCode(scan.done.code)}</span>.{" "}
          <a className="font-medium underline" href={`/a/${agencySlug}/files/${scan.done.fileId}`}>
            {U.download}
          </a>
        </Alert>
      ) : null}
      <Field id={`${id}-scan`} label={label} hint={hint}>
        <input key={scan.inputKey} id={`${id}-scan`} aria-describedby={`${id}-scan-hint`} type="file" accept=".pdf,.png,.jpg,.jpeg" className={fileClass} onChange={(e) => scan.choose(e.target.files?.[0] ?? null)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={scan.pending}>
        {scan.pending ? scan.pendingLabel : button}
      </Button>
    </form>
  );
}

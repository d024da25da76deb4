"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { toast } from "@/components/ui/toast";
import { formatDocumentCode } from "@/lib/signing/code-format";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import type { TSignTarget } from "@/lib/signing/schemas";

const U = SIGNING_MESSAGES.ui;

/** The upload itself (XMLHttpRequest with progress), fetched with the first scan sent, not with the page (as in decision 058). */
const postFile = <T,>(...args: Parameters<typeof import("@/lib/storage/post-file").postFile>) =>
  import("@/lib/storage/post-file").then((m) => m.postFile<T>(...args));

type TAnswer = { code: string; fileId: string; name: string; size: number } | { error: string };

/**
 * One wet-signed scan upload (the signing page's report scan, and the archive record, SOP and
 * LKjIP controls): the chosen file and its target as multipart to /a/<slug>/tanda-tangan/unggah
 * (a scan is 3–15 MB, over a server action's 2 MB body; docs/decisions/060-scan-uploads.md), the
 * progress while it goes, the server's Indonesian refusal, then the code and the file.
 */
export function useScanUpload(agencySlug: string) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ code: string; fileId: string } | null>(null);

  async function upload(target: TSignTarget) {
    if (progress !== null) return;
    if (!file) return setError(U.noFile);
    const form = new FormData();
    for (const [key, value] of Object.entries(target)) form.append(key, String(value));
    form.append("file", file);
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      const { status, body } = await postFile<TAnswer>(`/a/${agencySlug}/tanda-tangan/unggah`, form, setProgress);
      if (status >= 200 && status < 300 && body && "code" in body) {
        setDone({ code: body.code, fileId: body.fileId });
        setFile(null);
        setInputKey((k) => k + 1);
        toast.success(`${U.scanDone} Kode verifikasi: ${formatDocumentCode(body.code)}`);
        router.refresh();
      } else {
        setError(body && "error" in body ? body.error : U.uploadFailed);
      }
    } catch {
      setError(U.uploadFailed);
    } finally {
      setProgress(null);
    }
  }

  /** A new file chosen: an earlier refusal no longer applies. */
  const choose = (next: File | null) => {
    setFile(next);
    setError(null);
  };
  const pending = progress !== null;
  return { inputKey, choose, upload, error, done, pending, pendingLabel: progress ? U.uploadingPercent(progress) : U.uploading };
}

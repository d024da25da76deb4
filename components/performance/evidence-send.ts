import { toast } from "@/components/ui/toast";
import { REALIZATION_FORM_WORDS } from "@/lib/performance/form-words";
import { postFile } from "@/lib/storage/post-file";

const UI = REALIZATION_FORM_WORDS.ui;

type TUploadAnswer = { id: string; name: string; size: number; sha256: string } | { error: string };

/**
 * One upload to /a/<slug>/files and what it says about it (a toast: the file's name, or the
 * server's Indonesian refusal): fetched with the first file sent, not with the page
 * (./evidence.tsx; docs/decisions/058-sop-and-realization-first-load.md and 066). Rejects only when
 * nothing came back (network error, abort): the caller says "Unggahan gagal…".
 */
export async function sendEvidence(
  agencySlug: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<{ id: string; name: string } | { error: string }> {
  const { status, body } = await postFile<TUploadAnswer>(`/a/${agencySlug}/files`, form, onProgress);
  if (status >= 200 && status < 300 && body && "id" in body) {
    toast.success(UI.uploaded(body.name));
    return { id: body.id, name: body.name };
  }
  const error = body && "error" in body ? body.error : UI.uploadFailed;
  toast.error(error);
  return { error };
}

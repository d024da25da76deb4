import type { ActionResult } from "@/lib/authz/action";

/** Shared by the signing forms (components/signing/*): a file as base64 for a server action. */
export const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

export const fileClass =
  "block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100";

export function firstError(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const field = Object.values(result.fieldErrors ?? {})[0]?.[0];
  return field ?? result.error;
}

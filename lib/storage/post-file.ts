/**
 * Browser side of the multipart upload routes (/a/<slug>/files, /a/<slug>/tanda-tangan/unggah):
 * POSTs a form with XMLHttpRequest, which (unlike fetch) reports upload progress, and answers the
 * status with the route's JSON (`{ error }` in Indonesian on refusal), or null when it was not JSON.
 * Rejects only when nothing came back (network error, abort).
 */
export function postFile<T>(url: string, form: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: T | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: T | null = null;
      try {
        body = JSON.parse(xhr.responseText) as T;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(form);
  });
}

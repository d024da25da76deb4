export type TUploadAnswer = { id: string; name: string; size: number; sha256: string } | { error: string };

/** POSTs one file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function postFile(url: string, form: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: TUploadAnswer | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: TUploadAnswer | null = null;
      try {
        body = JSON.parse(xhr.responseText) as TUploadAnswer;
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


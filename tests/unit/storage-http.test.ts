/**
 * The HTTP side of uploads, with real Request objects: the body is never read
 * past the limit (a declared Content-Length over it is refused before the
 * first byte; an undeclared long body is cut off), malformed forms get a
 * clear 400, Content-Disposition carries an ASCII and a UTF-8 name, and no
 * error leaks a stack trace.
 */
import { Readable } from "node:stream";

import { describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { StorageConfigError } from "@/lib/storage";
import { attachmentDisposition, errorResponse, fileDisposition, FORM_OVERHEAD_BYTES, readUploadForm, toWebStream, uploadTargetOf } from "@/lib/storage/http";
import { UploadRejectedError } from "@/lib/storage/validate";

const URL_ = "http://localhost/a/dinas/files";
const MB = 1024 * 1024;

/** The multipart body a browser sends for a FormData. */
async function multipart(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type")! };
}

/** A request whose body is a stream of `chunks` chunks of `chunkSize` bytes, counting what was pulled. */
function streamingRequest(contentType: string, chunkSize: number, chunks: number, headers: Record<string, string> = {}) {
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks >= chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(new Uint8Array(chunkSize));
    },
  });
  const request = new Request(URL_, { method: "POST", body, headers: { "content-type": contentType, ...headers }, duplex: "half" } as RequestInit);
  return { request, pulled };
}

async function refusal(promise: Promise<unknown>): Promise<UploadRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UploadRejectedError)) throw new Error(`expected an UploadRejectedError, got ${String(error)}`);
  return error;
}

describe("readUploadForm", () => {
  it("returns the file and the text fields", async () => {
    const form = new FormData();
    form.set("file", new File(["%PDF-1.4 isi"], "Laporan TW I.pdf", { type: "application/pdf" }));
    form.set("realizationId", "cm9realisasi01");
    const { body, contentType } = await multipart(form);
    const request = new Request(URL_, { method: "POST", body, headers: { "content-type": contentType } });
    const { file, fields } = await readUploadForm(request, MB);
    expect(file.name).toBe("Laporan TW I.pdf");
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe("%PDF-1.4 isi");
    expect(fields).toEqual({ realizationId: "cm9realisasi01" });
  });

  it("refuses a declared Content-Length over the limit without reading the body (413)", async () => {
    const { request, pulled } = streamingRequest("multipart/form-data; boundary=x", 64 * 1024, 1000, {
      "content-length": String(21 * MB),
    });
    const error = await refusal(readUploadForm(request, 20 * MB));
    expect(error.status).toBe(413);
    expect(error.message).toContain("20 MB");
    expect(pulled.chunks).toBeLessThanOrEqual(1); // at most what the stream pre-buffers
  });

  it("stops reading an undeclared body as soon as it passes the limit (413)", async () => {
    const chunk = 64 * 1024;
    const { request, pulled } = streamingRequest("multipart/form-data; boundary=x", chunk, 10_000); // 625 MB if read to the end
    const error = await refusal(readUploadForm(request, MB));
    expect(error.status).toBe(413);
    expect(pulled.chunks * chunk).toBeLessThan(MB + FORM_OVERHEAD_BYTES + 3 * chunk);
  });

  it("refuses a file part over the limit even when the body fits the overhead", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(MB + 10)], "a.pdf"));
    const { body, contentType } = await multipart(form);
    const error = await refusal(readUploadForm(new Request(URL_, { method: "POST", body, headers: { "content-type": contentType } }), MB));
    expect(error.status).toBe(413);
  });

  it("answers 400 to a body that is not multipart, not parseable, or has no file", async () => {
    const json = new Request(URL_, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await refusal(readUploadForm(json, MB))).status).toBe(400);

    const garbage = new Request(URL_, { method: "POST", body: "bukan multipart", headers: { "content-type": "multipart/form-data; boundary=zzz" } });
    expect((await refusal(readUploadForm(garbage, MB))).message).toMatch(/tidak dapat dibaca/);

    const form = new FormData();
    form.set("file", "hanya teks");
    const { body, contentType } = await multipart(form);
    const noFile = await refusal(readUploadForm(new Request(URL_, { method: "POST", body, headers: { "content-type": contentType } }), MB));
    expect(noFile.status).toBe(400);
    expect(noFile.message).toMatch(/Pilih berkas/);
  });
});

describe("uploadTargetOf", () => {
  it("takes exactly one of realizationId and taskId", () => {
    expect(uploadTargetOf({ realizationId: " cm9r1 " })).toEqual({ realizationId: "cm9r1" });
    expect(uploadTargetOf({ taskId: "cm9t1" })).toEqual({ taskId: "cm9t1" });
    expect(uploadTargetOf({ followUpId: "cm9f1" })).toEqual({ followUpId: "cm9f1" });
    expect(() => uploadTargetOf({})).toThrow(/realizationId, taskId, atau followUpId/);
    expect(() => uploadTargetOf({ realizationId: "a", taskId: "b" })).toThrow(/tidak lebih/);
    expect(() => uploadTargetOf({ taskId: "a", followUpId: "b" })).toThrow(/tidak lebih/);
  });

  it("treats an id that cannot be a cuid as not found", () => {
    const error = (() => {
      try {
        uploadTargetOf({ taskId: "../../x" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("fileDisposition", () => {
  it("opens a PDF inline only when the viewer link asks for it", () => {
    expect(fileDisposition("draf sk.pdf", "application/pdf", true)).toBe(`inline; filename="draf sk.pdf"; filename*=UTF-8''draf%20sk.pdf`);
    expect(fileDisposition("draf sk.pdf", "application/pdf", false)).toMatch(/^attachment; /);
  });

  it("keeps every other type an attachment, whatever the link asks", () => {
    expect(fileDisposition("foto.png", "image/png", true)).toMatch(/^attachment; /);
    expect(fileDisposition("laporan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true)).toMatch(/^attachment; /);
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("laporan.pdf")).toBe(`attachment; filename="laporan.pdf"; filename*=UTF-8''laporan.pdf`);
    expect(attachmentDisposition("Évaluasi TW I (final).docx")).toBe(
      `attachment; filename="Evaluasi TW I (final).docx"; filename*=UTF-8''%C3%89valuasi%20TW%20I%20%28final%29.docx`,
    );
    expect(attachmentDisposition("Laporan — 📄.pdf")).toBe(`attachment; filename="Laporan _ __.pdf"; filename*=UTF-8''Laporan%20%E2%80%94%20%F0%9F%93%84.pdf`);
  });

  it("cannot be broken out of: quotes, backslashes, semicolons and line breaks are neutralised", () => {
    const header = attachmentDisposition('a"; filename="evil.exe\\;\r\nX-Injected: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
  });
});

describe("errorResponse", () => {
  it("maps refusals to their status with the Indonesian message", async () => {
    const cases: [unknown, number][] = [
      [new UploadRejectedError("Isi berkas bukan PDF.", 415), 415],
      [new UploadRejectedError("terlalu besar", 413), 413],
      [new AppError("Realisasi tidak ditemukan.", "NOT_FOUND"), 404],
      [new AppError("Bukan peran Anda.", "FORBIDDEN"), 403],
      [new AppError("Sudah diajukan.", "CONFLICT"), 409],
    ];
    for (const [error, status] of cases) {
      const response = errorResponse(error);
      expect(response.status).toBe(status);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.json()).toEqual({ error: (error as Error).message });
    }
  });

  it("never shows a stack trace or internal message for the unexpected", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error('relation "FileObject" does not exist at /srv/app/lib/db.ts:12'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/FileObject|\/srv\/app|at /);
    expect(JSON.parse(text).error).toMatch(/Terjadi kesalahan/);

    // The database unreachable or its pool empty: busy, try again (decision 074), still without detail.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const busy = errorResponse(new Error("connect ECONNREFUSED 127.0.0.1:5432 at /srv/app/lib/db.ts:12"));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    const busyText = await busy.text();
    expect(busyText).not.toMatch(/ECONNREFUSED|\/srv\/app|at /);
    expect(JSON.parse(busyText).error).toMatch(/sibuk/);
    warn.mockRestore();

    const config = errorResponse(new StorageConfigError("ALUR_STORAGE=s3: the S3-compatible storage driver is not available"));
    expect(config.status).toBe(503);
    expect((await config.json()).error).toMatch(/Penyimpanan berkas belum dikonfigurasi/);
    log.mockRestore();
  });
});

describe("toWebStream", () => {
  it("streams a Buffer and a Node stream alike", async () => {
    expect(Buffer.from(await new Response(toWebStream(Buffer.from("abc"))).arrayBuffer()).toString()).toBe("abc");
    const node = Readable.from([Buffer.from("data "), Buffer.from("dukung")]);
    expect(await new Response(toWebStream(node)).text()).toBe("data dukung");
  });
});

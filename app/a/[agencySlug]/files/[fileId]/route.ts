import { notFound } from "next/navigation";

import { AppError } from "@/lib/authz/errors";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { errorResponse, fileDisposition, NO_STORE_HEADERS, toWebStream } from "@/lib/storage/http";
import { getDownload, recordDownload } from "@/lib/storage/service";

export const dynamic = "force-dynamic";

/**
 * GET: one of the agency's files, as an attachment (a PDF inline with `?lihat=1`) with its stored
 * (sniffed) type and `nosniff`, never cached. The only way to a file's bytes:
 * nothing is served from public/. Same door as the pages (anonymous ->
 * sign-in; non-members and unknown or foreign ids -> 404; auditors may read).
 * Every download is recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; fileId: string }> }) {
  const { agencySlug, fileId } = await params;
  const door = await agencyRoute(request, agencySlug, "agency.view");
  if (door.response) return door.response;
  const { ctx } = door;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(fileId)) notFound();

  let download: Awaited<ReturnType<typeof getDownload>>;
  try {
    download = await getDownload(ctx.agency.id, fileId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    return errorResponse(error);
  }
  const { file, body } = download;
  try {
    await recordDownload(file, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  } catch (error) {
    // Not recorded, not served; and the open file is released.
    if (!Buffer.isBuffer(body)) (body as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    return errorResponse(error);
  }

  return new Response(toWebStream(body), {
    status: 200,
    headers: {
      ...NO_STORE_HEADERS,
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      // The viewer link (?lihat=1) opens a PDF in the browser; everything else downloads.
      "Content-Disposition": fileDisposition(file.name, file.mimeType, new URL(request.url).searchParams.get("lihat") === "1"),
    },
  });
}

export const GET = guardRoute(handleGet);

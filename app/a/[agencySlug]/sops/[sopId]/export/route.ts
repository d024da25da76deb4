import { notFound } from "next/navigation";

import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { toSopJson } from "@/lib/sop/exchange";
import { toSopInput } from "@/lib/sop/mapping";
import { getAgencyHeader, getAgencyRoles, getSop } from "@/lib/sop/queries";
import { buildSopPdf } from "@/lib/sop/pdf";
import { recordSopExport } from "@/lib/sop/service";
import { buildSopWorkbook, contentDisposition, rolesUsedBySop, sopExportFilename } from "@/lib/sop/xlsx";

export const dynamic = "force-dynamic";

const FORMATS = {
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;
type TFormat = keyof typeof FORMATS;
// Not `in`: "toString" in FORMATS is true.
const isFormat = (value: string): value is TFormat => Object.hasOwn(FORMATS, value);

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?format=json|xlsx|pdf: one SOP version as a download (pdf: lib/sop/pdf.ts, the one PDF path) (docs/sop-json-format.md for
 * JSON). The same door as the pages (agencyRoute): anonymous users are
 * redirected to sign-in (307), non-members get 404, unknown ids an empty 404
 * (Next 16 turns notFound() thrown in a Route Handler into that response).
 * Every export is recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; sopId: string }> }) {
  const { agencySlug, sopId } = await params;
  const door = await agencyRoute(request, agencySlug, "sop.view");
  if (door.response) return door.response;
  const { ctx } = door;

  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isFormat(format)) {
    return Response.json(
      { error: "Format ekspor tidak dikenal. Gunakan format=json, format=xlsx, atau format=pdf." },
      { status: 400, headers: NO_STORE },
    );
  }

  const [sop, agencyRoles] = await Promise.all([getSop(ctx.agency.id, sopId), getAgencyRoles(ctx.agency.id)]);
  if (!sop) notFound();

  const input = toSopInput(sop);
  const roles = rolesUsedBySop(input, agencyRoles);
  let body: Uint8Array<ArrayBuffer> | string;
  if (format === "xlsx") {
    const header = await getAgencyHeader(ctx.agency.id);
    body = new Uint8Array(await buildSopWorkbook({ sop: input, version: sop.version, status: sop.status, roles }, header));
  } else if (format === "pdf") {
    const header = await getAgencyHeader(ctx.agency.id);
    body = new Uint8Array(await buildSopPdf({ sop: input, version: sop.version, status: sop.status, roles }, header, { timeZone: ctx.agency.timeZone }));
  } else {
    const json = toSopJson(input, { agency: ctx.agency.slug, version: sop.version, status: sop.status }, roles);
    body = `${JSON.stringify(json, null, 2)}\n`;
  }

  // Recorded once the file exists: a failed build is not an export.
  await recordSopExport(sop, format, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

  return new Response(body, {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": FORMATS[format],
      "Content-Disposition": contentDisposition(sopExportFilename(sop.nomor, sop.version, format)),
    },
  });
}

export const GET = guardRoute(handleGet, { download: true });

import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { prepareEsakipPackage, recordPackageFileDownloads, streamEsakipPackage } from "@/lib/performance/esakip-package";
import { resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { attachmentDisposition, errorResponse, toWebStream } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?tahun=&tw=: the period's e-SAKIP upload package (zip): both xlsx forms,
 * the PDF report, every data dukung file of the period's realizations and a
 * MANIFEST.txt with their sha256. Streamed: the evidence is read from storage
 * while the zip is sent. Same door as /kinerja/ekspor; the package is recorded
 * as a report export, and each evidence file in it as a download.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { year, quarter } = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search);

  try {
    const pkg = await prepareEsakipPackage({
      agency: {
        id: ctx.agency.id,
        slug: ctx.agency.slug,
        name: ctx.agency.name,
        governmentName: ctx.agency.governmentName,
        timeZone: ctx.agency.timeZone,
        city: ctx.agency.city,
      },
      year,
      quarter,
      settings: ctx.agency.settings.capaian,
      generatedBy: { name: ctx.user.name, nip: ctx.user.nip },
    });
    if (!pkg) return Response.json({ error: M.noAgreement(year) }, { status: 404, headers: NO_STORE });

    // Recorded before a byte leaves: not recorded, not served.
    await recordPackageFileDownloads(pkg, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    // "esakip-package" is not yet a report of the report.export event (lib/audit/events.ts):
    // recorded as the measurement report it carries, the package named in the parameters.
    await recordReportExport(ctx, "esakip-package", { type: "Agency", id: ctx.agency.id }, {
      tahun: String(year),
      tw: String(quarter),
        dataDukung: String(pkg.evidence.length),
    });
    return new Response(toWebStream(streamEsakipPackage(pkg)), {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": "application/zip",
        "Content-Disposition": attachmentDisposition(pkg.filename),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = guardRoute(handleGet, { download: true });

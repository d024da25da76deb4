import { CSV_BOM, CSV_HEADERS, csvContentDisposition, csvRow, csvRows } from "@/lib/audit/csv";
import { recordReportExport } from "@/lib/audit/record-export";
import { quarterLabel } from "@/lib/audit/sla-labels";
import { parseSlaParams, slaAnalytics } from "@/lib/audit/sla-queries";
import { agencyRoute, guardRoute } from "@/lib/authz/route";

export const dynamic = "force-dynamic";

const minutes = (ms: number | null) => (ms === null ? "" : Math.round(ms / 60_000));

/**
 * GET with the SLA page's filters: the analytics table as CSV for Excel in an
 * Indonesian locale (";" between fields, UTF-8 with a BOM), durations in
 * office minutes. Same door as the page (audit.view: administrator, head,
 * auditor); the export is recorded with its filters.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "audit.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const searchParams = new URL(request.url).searchParams;
  const filters = parseSlaParams(searchParams);
  const { groups, quarters } = await slaAnalytics(ctx.agency.id, filters);
  await recordReportExport(ctx, "sla-analytics", { type: "Agency", id: ctx.agency.id }, Object.fromEntries(searchParams));
  const header = [
    { step: "Langkah SOP", unit: "Unit", person: "Orang" }[filters.by],
    "Selesai",
    "Median (menit kerja)",
    "P90 (menit kerja)",
    "Standar (menit kerja)",
    "Terlambat (%)",
    "Pengembalian",
    "Waktu hilang karena pengembalian (menit kerja)",
    ...quarters.map((q) => `Median ${quarterLabel(q)} (menit kerja)`),
  ];
  const rows = groups.map((g) => [
    g.label,
    g.n,
    minutes(g.medianMs),
    minutes(g.p90Ms),
    minutes(g.standardMs),
    g.lateShare === null ? "" : Math.round(g.lateShare * 100),
    g.returns,
    minutes(g.returnMs),
    ...quarters.map((q) => minutes(g.trend[q] ?? null)),
  ]);
  const body = CSV_BOM + csvRow(header) + csvRows(rows);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: { ...CSV_HEADERS, "Content-Disposition": csvContentDisposition(`analitik-sla-${ctx.agency.slug}-${stamp}.csv`) },
  });
}

export const GET = guardRoute(handleGet, { download: true });

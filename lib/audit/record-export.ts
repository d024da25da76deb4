import "server-only";

import type { AgencyContext } from "@/lib/authz/context";
import { getRequestMeta } from "@/lib/authz/request-meta";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

import { recordAudit } from "./record";

type TReport = "audit-log" | "cycle-timeline" | "realisasi-rencana-aksi" | "pengukuran-kinerja" | "laporan-pdf" | "esakip-package" | "sla-analytics" | "lkjip-docx" | "cycle-timeline-pdf" | "archive-record-pdf" | "lke-xlsx" | "lkjip-pdf" | "unit-agreement-pdf";

/** Records that a report left the system (auditors ask who took what, with which filters). */
export async function recordReportExport(
  ctx: AgencyContext,
  report: TReport,
  entity: { type: "Agency" | "MeasurementCycle"; id: string },
  params: Record<string, string>,
  tx?: DbTx,
) {
  const meta = await getRequestMeta();
  await inTransaction(tx, (tx) =>
    recordAudit(
      tx,
      {
        action: "report.export",
        entityType: entity.type,
        entityId: entity.id,
        data: { report, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k.slice(0, 40), String(v).slice(0, 200)])) },
      },
      { agencyId: ctx.agency.id, actor: { id: ctx.user.id, name: ctx.user.name, nip: ctx.user.nip, roles: ctx.roleCodes }, meta },
    ),
  );
}

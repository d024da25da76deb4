import type { Metadata } from "next";

import { AuditPage } from "@/components/audit/audit-page";
import { requireAgencyContext } from "@/lib/authz/context";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { describeAuditRows, listAuditEvents, listAuditFilterOptions, parseAuditParams } from "@/lib/audit/queries";

export const metadata: Metadata = { title: M.log.title };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "audit.view");
  const { filters, before, invalidRange } = parseAuditParams(await searchParams, ctx.agency.timeZone);
  const [page, options] = await Promise.all([
    invalidRange ? Promise.resolve({ rows: [], nextCursor: null }) : listAuditEvents(ctx.agency.id, filters, { before }),
    listAuditFilterOptions(ctx.agency.id),
  ]);
  const rows = await describeAuditRows(ctx.agency.id, page.rows, { roles: options.roles, agencyName: ctx.agency.name });
  return (
    <AuditPage
      agency={ctx.agency}
      filters={filters}
      options={options}
      rows={rows.map(({ row: _row, ...view }) => view)}
      nextCursor={page.nextCursor?.toString() ?? null}
      paged={before !== undefined}
      invalidRange={invalidRange}
      now={new Date()}
    />
  );
}

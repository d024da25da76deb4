import type { Metadata } from "next";

import { AuditPage } from "@/components/audit/audit-page";
import { requireAgencyContext } from "@/lib/authz/context";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { describeAuditRows, listAuditEvents, listAuditFilterOptions, parseAuditParams } from "@/lib/audit/queries";
import { pageReader } from "@/lib/db/read-your-writes";
import { htmlSender } from "@/lib/html-once";

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
  // Read-only: the replica when one is configured and the user has not just written (037).
  const client = await pageReader();
  const [page, options] = await Promise.all([
    invalidRange ? Promise.resolve({ rows: [], nextCursor: null }) : listAuditEvents(ctx.agency.id, filters, { before, client }),
    listAuditFilterOptions(ctx.agency.id, client),
  ]);
  const rows = await describeAuditRows(ctx.agency.id, page.rows, { roles: options.roles, agencyName: ctx.agency.name, client });
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
      once={await htmlSender()}
    />
  );
}

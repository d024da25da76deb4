import type { TAuditEventDetail } from "@/components/audit/audit-details-loader";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { describeAuditRows, getAuditEvent } from "@/lib/audit/queries";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { t } from "@/lib/i18n";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;
const ID = /^\d{1,19}$/;

/**
 * GET: one event's details for the audit log ("Rincian untuk auditor"),
 * fetched only when a row's <details> is opened, so the 50-row page does not
 * carry them (decision 051). Same door as the log: signed out -> sign-in,
 * not a member or no audit.view -> 404; an id that is not this agency's event
 * (another agency's, malformed, unknown) -> the same 404.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; eventId: string }> }) {
  const { agencySlug, eventId } = await params;
  const door = await agencyRoute(request, agencySlug, "audit.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const notFound = () => Response.json({ error: t.errors.notFound }, { status: 404, headers: NO_STORE });
  if (typeof eventId !== "string" || !ID.test(eventId)) return notFound();
  const id = BigInt(eventId);
  if (id > 9_223_372_036_854_775_807n) return notFound();
  const event = await getAuditEvent(ctx.agency.id, id);
  if (!event) return notFound();
  const [view] = await describeAuditRows(ctx.agency.id, [event], { agencyName: ctx.agency.name });
  const D = M.log.details;
  const items: [string, string][] = [
    [D.eventId, event.seq === null ? `${event.id} (${D.unchained})` : `${event.id} (#${event.seq})`],
    [D.actionCode, event.action],
    [D.entity, event.entityId ? `${view!.entityTypeLabel} · ${event.entityId}` : view!.entityTypeLabel],
    [D.ip, event.ip ?? "-"],
    [D.userAgent, event.userAgent ?? "-"],
    [D.requestId, event.requestId ?? "-"],
    [D.hash, event.hash ?? D.unchained],
  ];
  const body: TAuditEventDetail = { items, data: event.data === null ? null : JSON.stringify(event.data, null, 2) };
  return Response.json(body, { headers: NO_STORE });
}

export const GET = guardRoute(handleGet);

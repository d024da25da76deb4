import { randomUUID } from "node:crypto";

import { headers } from "next/headers";

import type { AuditRequestMeta } from "@/lib/audit/record";

import { clientAddressFromHeaders } from "./client-address";

/** Who sent the current request, for the audit trail: the client address resolved from the socket (./client-address). */
export async function getRequestMeta(): Promise<AuditRequestMeta> {
  const h = await headers();
  const requestId = h.get("x-request-id");
  return {
    ip: clientAddressFromHeaders(h),
    userAgent: h.get("user-agent"),
    // A client-chosen id is kept only when it is a plausible token (it lands in the audit row).
    requestId: requestId && /^[A-Za-z0-9._:-]{1,100}$/.test(requestId) ? requestId : randomUUID(),
  };
}

import { randomUUID } from "node:crypto";

import { headers } from "next/headers";

import type { AuditRequestMeta } from "@/lib/audit/record";

export async function getRequestMeta(): Promise<AuditRequestMeta> {
  const h = await headers();
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip"),
    userAgent: h.get("user-agent"),
    requestId: h.get("x-request-id") ?? randomUUID(),
  };
}

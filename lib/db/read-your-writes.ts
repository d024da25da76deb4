import "server-only";

import { cookies } from "next/headers";

import { readerFor, replicaUrl, WROTE_AT_COOKIE } from "./replica";

/**
 * The client the auditor's read-only pages read with for this request
 * (docs/decisions/037-scale-out.md): the replica when one is configured and the
 * browser's write stamp (set by proxy.ts on every server action) is older than
 * the sticky window; otherwise the primary.
 */
export async function pageReader() {
  if (!replicaUrl()) return readerFor(undefined).client;
  return readerFor((await cookies()).get(WROTE_AT_COOKIE)?.value).client;
}

import "server-only";

import { cookies } from "next/headers";

import { readerFor, replicaUrl, stickySeconds, WROTE_AT_COOKIE } from "./replica";

/**
 * Read-your-writes across instances (docs/decisions/037-scale-out.md): a
 * successful action stamps the browser with the time of the write; a
 * read-only page reads from the replica only when that stamp is older than
 * the sticky window. Without DATABASE_REPLICA_URL both are no-ops.
 */
export async function markWrite(now = Date.now()): Promise<void> {
  if (!replicaUrl()) return;
  try {
    (await cookies()).set(WROTE_AT_COOKIE, String(now), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
      maxAge: Math.max(1, Math.ceil(stickySeconds())),
    });
  } catch {
    // Outside a server action (a service called from a script or a test): no browser to stamp.
  }
}

/** The client the auditor's read-only pages read with for this request. */
export async function pageReader() {
  if (!replicaUrl()) return readerFor(undefined).client;
  return readerFor((await cookies()).get(WROTE_AT_COOKIE)?.value).client;
}

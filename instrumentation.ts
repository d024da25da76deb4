/**
 * Runs once per server process before the first request is handled. Stamps
 * every request with the client address resolved from the socket (and the
 * trusted proxies, when configured): lib/authz/client-address.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressStamp } = await import("./lib/authz/client-address");
  installClientAddressStamp();
}

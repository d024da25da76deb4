import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

import proxyaddr from "proxy-addr";

/**
 * The client's address, as the sign-in throttle and the audit trail see it.
 *
 * `X-Forwarded-For` is whatever the client wrote unless a proxy we trust
 * rewrote it, and `next start` keeps a client-sent copy (it only fills the
 * header when it is missing), so the socket's address is lost to route
 * handlers and server actions. The socket is only visible to Node's HTTP
 * server: a subscriber to its `http.server.request.start` diagnostics channel
 * (installed from instrumentation.ts, before the first request is handled)
 * resolves the address once per request, from the socket, or, when the socket
 * is a trusted proxy (ALUR_TRUSTED_PROXIES or ALUR_TRUSTED_PROXY_HOPS), from
 * the right-most untrusted `X-Forwarded-For` hop, and stamps it into a request
 * header, replacing any copy the client sent. The stamp carries a random
 * per-process token, so a header forged by a client is ignored even for a
 * request the subscriber never saw. See docs/decisions/013-client-address-and-csp.md.
 */
export const CLIENT_ADDRESS_HEADER = "x-alur-client-address";

type Trust = (address: string, hop: number) => boolean;

interface StampState {
  token: string;
  trust: Trust;
}

const STATE = Symbol.for("alur.clientAddress");
type WithState = typeof globalThis & { [STATE]?: StampState };

/** `::ffff:10.1.2.3` → `10.1.2.3`; anything that is not an IP address → null. */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const plain = mapped ? mapped[1]! : trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
}

export class TrustedProxyConfigError extends Error {}

/**
 * Which hops to trust, from the environment: none (the default: the socket is
 * the client), a list of addresses / CIDR ranges / proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`) in ALUR_TRUSTED_PROXIES, or a
 * number of proxies in front of the app in ALUR_TRUSTED_PROXY_HOPS.
 */
export function trustFromEnv(env: Record<string, string | undefined> = process.env): Trust {
  const list = env.ALUR_TRUSTED_PROXIES?.trim();
  const hops = env.ALUR_TRUSTED_PROXY_HOPS?.trim();
  if (list && hops) throw new TrustedProxyConfigError("Set ALUR_TRUSTED_PROXIES or ALUR_TRUSTED_PROXY_HOPS, not both.");
  if (hops) {
    if (!/^\d{1,2}$/.test(hops)) throw new TrustedProxyConfigError(`ALUR_TRUSTED_PROXY_HOPS must be a whole number of proxies, got "${hops}".`);
    const count = Number(hops);
    return (_address, hop) => hop < count;
  }
  if (list) {
    const entries = list.split(",").map((s) => s.trim()).filter(Boolean);
    try {
      return proxyaddr.compile(entries);
    } catch (error) {
      throw new TrustedProxyConfigError(`ALUR_TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return () => false;
}

/** The client of a request as received from the socket (see the module comment). */
export function resolveClientAddress(request: Pick<IncomingMessage, "headers" | "socket">, trust: Trust): string | null {
  const socket = normalizeAddress(request.socket?.remoteAddress);
  if (!socket) return null;
  let resolved: string | null = socket;
  try {
    // proxy-addr walks [socket, ...X-Forwarded-For from the right] and returns the first untrusted hop.
    resolved = normalizeAddress(proxyaddr(request as IncomingMessage, trust));
  } catch {
    resolved = null;
  }
  // A trusted proxy that wrote garbage: the nearest address we know is real.
  return resolved ?? socket;
}

/** Subscribes the stamping to Node's HTTP server, once per process. */
export function installClientAddressStamp(env: Record<string, string | undefined> = process.env): void {
  const global = globalThis as WithState;
  if (global[STATE]) return;
  const state: StampState = { token: randomBytes(16).toString("hex"), trust: trustFromEnv(env) };
  global[STATE] = state;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const address = resolveClientAddress(request, state.trust);
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = `${state.token} ${address}`;
    else delete request.headers[CLIENT_ADDRESS_HEADER];
  });
}

/** The stamped client address of the current request, or null when it carries no genuine stamp. */
export function clientAddressFromHeaders(headers: { get(name: string): string | null }): string | null {
  const state = (globalThis as WithState)[STATE];
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (!state || !value) return null;
  const [token, address] = value.split(" ");
  return token === state.token ? normalizeAddress(address) : null;
}

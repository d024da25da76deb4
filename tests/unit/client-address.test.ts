import { describe, expect, it } from "vitest";

import { normalizeAddress, resolveClientAddress, trustFromEnv, TrustedProxyConfigError } from "@/lib/authz/client-address";

/** A request as Node's HTTP server hands it over: the socket's address and the headers as sent. */
const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as never;

describe("the client address (sign-in throttle and audit IP)", () => {
  it("is the socket's, whatever X-Forwarded-For says, when no proxy is trusted", () => {
    const trust = trustFromEnv({});
    expect(resolveClientAddress(request("::ffff:127.0.0.1", "203.0.113.9"), trust)).toBe("127.0.0.1");
    expect(resolveClientAddress(request("198.51.100.4", "10.0.0.1, 127.0.0.1"), trust)).toBe("198.51.100.4");
    expect(resolveClientAddress(request("2001:db8::1"), trust)).toBe("2001:db8::1");
  });

  it("behind trusted proxies, is the right-most untrusted hop, never the client-written leftmost", () => {
    const trust = trustFromEnv({ ALUR_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" });
    // The proxy appended the real client (198.51.100.7) after what the client forged.
    expect(resolveClientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.7"), trust)).toBe("198.51.100.7");
    // Two trusted hops in a row (a load balancer, then a local proxy).
    expect(resolveClientAddress(request("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"), trust)).toBe("198.51.100.7");
    // A socket that is not one of the proxies: X-Forwarded-For is ignored.
    expect(resolveClientAddress(request("192.0.2.50", "198.51.100.7"), trust)).toBe("192.0.2.50");
  });

  it("with a hop count, takes that many hops from the right", () => {
    expect(resolveClientAddress(request("10.9.9.9", "6.6.6.6, 198.51.100.7"), trustFromEnv({ ALUR_TRUSTED_PROXY_HOPS: "1" }))).toBe("198.51.100.7");
    expect(resolveClientAddress(request("10.9.9.9", "6.6.6.6, 198.51.100.7, 10.0.0.2"), trustFromEnv({ ALUR_TRUSTED_PROXY_HOPS: "2" }))).toBe("198.51.100.7");
    // Fewer hops than configured: the leftmost there is.
    expect(resolveClientAddress(request("10.9.9.9"), trustFromEnv({ ALUR_TRUSTED_PROXY_HOPS: "1" }))).toBe("10.9.9.9");
  });

  it("never returns garbage a trusted proxy passed on: falls back to the socket", () => {
    const trust = trustFromEnv({ ALUR_TRUSTED_PROXIES: "loopback" });
    expect(resolveClientAddress(request("127.0.0.1", "<script>"), trust)).toBe("127.0.0.1");
  });

  it("refuses a configuration it cannot read, naming the variable", () => {
    expect(() => trustFromEnv({ ALUR_TRUSTED_PROXIES: "10.0.0.0/99" })).toThrow(TrustedProxyConfigError);
    expect(() => trustFromEnv({ ALUR_TRUSTED_PROXY_HOPS: "satu" })).toThrow(/ALUR_TRUSTED_PROXY_HOPS/);
    expect(() => trustFromEnv({ ALUR_TRUSTED_PROXIES: "127.0.0.1", ALUR_TRUSTED_PROXY_HOPS: "1" })).toThrow(/not both/);
  });

  it("normalizes IPv4-mapped IPv6 and refuses what is not an address", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("bukan-ip")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});

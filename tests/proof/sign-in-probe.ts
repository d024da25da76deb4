/**
 * Sign-in attempts over HTTP as the form makes them, from a chosen client
 * address. Linux routes all of 127.0.0.0/8 to the loopback interface, so a
 * probe can open its socket from 127.0.1.7 and the server sees a different
 * client, as it would another machine: the throttle's per-client counter is
 * tested against real socket addresses, not headers a client writes.
 */
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  setCookies: string[];
}

/** One HTTP request from `localAddress` (default: the kernel's choice, 127.0.0.1). */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: base.port,
        path,
        method: options.method ?? "GET",
        localAddress: options.localAddress,
        // The Host the app is configured for (NEXTAUTH_URL), whatever address we connect to.
        headers: { host: base.host, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookies: res.headers["set-cookie"] ?? [],
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export interface SignInAttempt {
  status: number;
  /** next-auth's `error` code from the redirect URL (CredentialsSignin, THROTTLED, NIP_FORMAT, UNAVAILABLE), or null. */
  error: string | null;
  /** Where the answer sends the browser, and the raw body: both are checked for leaked text. */
  url: string;
  body: string;
  session: string | null;
  setCookies: string[];
}

/**
 * One sign-in through next-auth's credentials callback. `fields` are sent
 * form-encoded exactly as given (so a NUL goes over the wire as `%00`).
 */
export async function signInAttempt(
  baseUrl: string,
  identifier: string,
  password: string,
  options: { from?: string; forwardedFor?: string } = {},
): Promise<SignInAttempt> {
  const csrf = await rawRequest(baseUrl, "/api/auth/csrf", { localAddress: options.from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const response = await rawRequest(baseUrl, "/api/auth/callback/credentials", {
    method: "POST",
    localAddress: options.from,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
    },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true", callbackUrl: `${baseUrl}/` }).toString(),
  });
  let url = typeof response.headers.location === "string" ? response.headers.location : "";
  try {
    url = (JSON.parse(response.body) as { url?: string }).url ?? url;
  } catch {
    // a redirect, not JSON
  }
  const error = url ? new URL(url, baseUrl).searchParams.get("error") : null;
  return {
    status: response.status,
    error,
    url,
    body: response.body,
    session: response.setCookies.find((c) => /session-token=/.test(c)) ?? null,
    setCookies: response.setCookies,
  };
}

/** The codes the sign-in endpoint may answer with (lib/auth/schemas.ts and next-auth's own). */
export const SIGN_IN_CODES = new Set(["CredentialsSignin", "THROTTLED", "NIP_FORMAT"]);

/** Text that must never reach a client: a database or Prisma message, a stack trace. */
export const LEAKED_TEXT = /prisma|invocation|database error|Code: ?\d{5}|22021|invalid byte sequence|postgres|SQLSTATE|\bat [\w.<>]+ \(|node_modules/i;

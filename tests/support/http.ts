/**
 * The HTTP half of the harness (tests/support/server.ts): sign-in through
 * next-auth and server action calls exactly as a browser makes them. No app
 * imports, so Playwright specs can use it too.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

export const ROOT = process.cwd();
export const DEMO_PASSWORD = "AlurKinerja2026";

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

function mergeCookies(...lists: string[][]): string {
  const jar = new Map<string, string>();
  for (const list of lists) for (const pair of list) jar.set(pair.slice(0, pair.indexOf("=")), pair);
  return [...jar.values()].join("; ");
}

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form does.
 * Returns the Cookie header of the session, or null when sign-in was refused.
 */
export async function signIn(baseUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<string | null> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = setCookies(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: mergeCookies(csrfCookies),
    },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true", callbackUrl: `${baseUrl}/` }),
  });
  const cookies = setCookies(response);
  if (!cookies.some((c) => c.includes("session-token="))) return null;
  return mergeCookies(csrfCookies, cookies);
}

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

/**
 * The built server actions: `<file>#<export>` → action id, from the build's
 * server reference manifest (what the browser sends in the Next-Action header).
 */
export async function builtActions(): Promise<Map<string, string>> {
  const manifest = JSON.parse(
    await readFile(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const byExport = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    byExport.set(`${entry.filename.replace(/^\.\//, "")}#${entry.exportedName}`, id);
  }
  return byExport;
}

/** A server action's answer as read off the wire (lib/authz/action.ts, ActionResult). */
export interface WireActionResult {
  ok: boolean;
  error?: string;
  code?: string;
  data?: unknown;
}

/** The id of a built action (`<file>#<export>`), or an error naming the missing one. */
export function requireActionId(actions: Map<string, string>, key: string): string {
  const id = actions.get(key);
  if (!id) throw new Error(`action ${key} is not in the build`);
  return id;
}

export interface ActionResponse {
  status: number;
  /** The action's return value when the response carried one. */
  result: unknown;
  body: string;
}

/**
 * Calls a server action over HTTP exactly as React does from a page: POST with
 * the Next-Action header and the JSON-encoded argument list.
 */
export async function callAction(
  baseUrl: string,
  actionId: string,
  args: unknown[],
  options: { cookie?: string | null; origin?: string; path?: string } = {},
): Promise<ActionResponse> {
  const response = await fetch(`${baseUrl}${options.path ?? "/"}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": actionId,
      origin: options.origin ?? baseUrl,
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  const body = await response.text();
  return { status: response.status, result: parseActionResult(body), body };
}

/** The value in an RSC action response: the row whose id row 0 points at ("$@1"). */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  try {
    const root = JSON.parse(head) as { a?: unknown };
    if (typeof root.a === "string" && root.a.startsWith("$@")) {
      const row = rows.get(root.a.slice(2));
      return row === undefined ? undefined : JSON.parse(row);
    }
    return root.a;
  } catch {
    return undefined;
  }
}

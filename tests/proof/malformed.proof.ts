/**
 * Every server action against at least 200 invalid payloads generated from
 * its own zod schema (fast-check, fixed seed): wrong types, missing and extra
 * fields, 100k strings, unicode/RTL/emoji/control characters and NUL,
 * NaN/Infinity/huge numbers, script and SQL fragments, wrong top-level
 * shapes, and a slug that is not a string. Only payloads the schema rejects
 * count. Sent over HTTP as a member holding every role of the agency (or the
 * platform administrator): no 5xx, an Indonesian refusal that is not the
 * "unexpected error" message, and no row changed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import "@/lib/agency/actions";
import { ACTION_REGISTRY } from "@/lib/authz/action";
import "@/lib/cycle/actions";
import { t } from "@/lib/i18n";
import "@/lib/performance/actions";
import "@/lib/sop/actions";
import "@/lib/auth/actions";
import "@/lib/role/actions";
import "@/lib/unit/actions";

import { builtActions, callAction, createDatabase, ensureBuild, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, outcome, pool, query, snapshot } from "./probe";
import { ProofRecorder } from "./report";
import { ACTIONS, actionArgs } from "./routes";

const proof = new ProofRecorder("malformed", "Malformed input to every server action");
const SLUG = "diskominfo-lumajang";
const PORT = 4321;
const SEED = 20_260_704;
const PER_ACTION = 200;
const SLUG_PAYLOADS = 20;
const CONCURRENCY = 8;
/** The refusals a malformed call may get, all Indonesian (lib/i18n). */
const REFUSALS: Record<string, string> = { INVALID: t.errors.invalidInput, NOT_FOUND: t.errors.notFound };

let database: TestDatabase;
let server: RunningServer;
let actionIds: Map<string, string>;
let memberCookie: string;
let platformCookie: string;

// ---------------------------------------------------------------- generation

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  minLength?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  minimum?: number;
};

/** A plausible value of the schema's shape (not necessarily valid): the thing mutations start from. */
function baseOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const union = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (union?.length) return baseOf(union.find((s) => s.type !== "null") ?? union[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date") return "2026-01-31";
      if (schema.format === "email") return "pegawai@contoh.go.id";
      return "a".repeat(Math.max(1, schema.minLength ?? 1));
    case "number":
    case "integer":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      if (schema.prefixItems) return schema.prefixItems.map((s) => baseOf(s, depth + 1));
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => baseOf(schema.items, depth + 1));
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, baseOf(s, depth + 1)]));
    default:
      return null;
  }
}

type Path = (string | number)[];

/** Paths to every node of a value (the root included). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown>;
  if (!node || typeof node !== "object") return copy; // the parent went missing (deleted before): nothing to set
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown>;
  if (!node || typeof node !== "object") return copy;
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
  else delete node[path.at(-1)!];
  return copy;
}

const HUGE = ["A".repeat(100_000), "é".repeat(100_000), "😀".repeat(50_000), "\u202E".repeat(100_000), `${"9".repeat(100_000)}`];
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m\r\n\t",
  "laporan\u202Efdp.exe",
  "مرحبا بالعالم",
  "שלום",
  "😀🇮🇩👨‍👩‍👧",
  "\uFEFF\u200B",
  "\uD800",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'; DROP TABLE \"User\"; --",
  "1' OR '1'='1",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "$undefined",
  "$1",
  "$@0",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "-1",
  "0x1F",
  "2026-13-45",
  "null",
  "true",
];
const NASTY_NUMBERS = [-1, 0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 2, 0.5, -2100, 99999, Number.MIN_VALUE];

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [[]], { $: 1 }, ...NASTY_NUMBERS, ...NASTY_STRINGS),
  fc.constantFrom(...HUGE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

const extraKeys = fc.constantFrom("__proto__", "constructor", "prototype", "$$typeof", "agencyId", "id", "role", "isPlatformAdmin", "then", "x".repeat(300));

/** Invalid-input candidates from a schema: mutations of a plausible value and wrong top-level shapes. */
function candidates(schema: JsonSchema): fc.Arbitrary<unknown> {
  const base = baseOf(schema);
  const paths = pathsOf(base);
  const pick = fc.nat().map((i) => paths[i % paths.length]!);
  const stringPaths = paths.filter((p) => typeof pathValue(base, p) === "string");
  const pickString = stringPaths.length ? fc.nat().map((i) => stringPaths[i % stringPaths.length]!) : pick;
  return fc.oneof(
    // A wrong value anywhere (a field, an array element, the whole input).
    fc.tuple(pick, badValue).map(([path, value]) => setAt(base, path, value)),
    // Strings of every kind where the schema wants a string.
    fc.tuple(pickString, fc.constantFrom<unknown>(...NASTY_STRINGS, ...HUGE)).map(([path, value]) => setAt(base, path, value)),
    // Numbers that are no numbers, or far out of range, also as strings.
    fc.tuple(pick, fc.constantFrom<unknown>(...NASTY_NUMBERS, ...NASTY_NUMBERS.map(String))).map(([path, value]) => setAt(base, path, value)),
    // A missing field (or element), then another wrong one.
    fc.tuple(pick, pick, badValue).map(([gone, path, value]) => setAt(deleteAt(base, gone), path, value)),
    fc.tuple(pick).map(([gone]) => deleteAt(base, gone)),
    // Extra fields next to a wrong one.
    fc.tuple(fc.dictionary(fc.oneof(extraKeys, fc.string()), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }), pick, badValue).map(([extra, path, value]) => {
      const withExtra = setAt(base, path, value);
      if (withExtra && typeof withExtra === "object" && !Array.isArray(withExtra)) {
        for (const [k, v] of Object.entries(extra)) Object.defineProperty(withExtra, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return withExtra;
    }),
    // Wrong top-level shapes.
    fc.anything({ maxDepth: 2 }).filter((v) => v === null || typeof v !== "object" || Array.isArray(v)),
    fc.constantFrom<unknown>(null, undefined, [], [base], "", 0, true, JSON.stringify(base)),
  );
}

function pathValue(root: unknown, path: Path): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

/** What React's encodeReply sends for a value: `$`-strings escaped, NaN/Infinity/-0/undefined as tagged strings. */
function encodeForReact(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "$NaN";
    if (value === Infinity) return "$Infinity";
    if (value === -Infinity) return "$-Infinity";
    if (Object.is(value, -0)) return "$-0";
    return value;
  }
  if (value === undefined) return "$undefined";
  if (Array.isArray(value)) return value.map(encodeForReact);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: encodeForReact(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

interface Payload {
  args: unknown[];
  /** What was wrong with it, for failure messages. */
  kind: "input" | "slug";
}

function payloadsFor(entry: (typeof ACTIONS)[number], schema: z.ZodType, index: number): Payload[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const seen = new Set<string>();
  const out: Payload[] = [];
  const samples = fc.sample(candidates(json), { seed: SEED + index, numRuns: PER_ACTION * 10 });
  for (const input of samples) {
    if (out.length >= PER_ACTION) break;
    if (schema.safeParse(input).success) continue; // valid after all (e.g. "<script>" in a free-text field): not counted
    const args = actionArgs(entry, SLUG, encodeForReact(input));
    const key = JSON.stringify(args);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ args, kind: "input" });
  }
  if (entry.scope === "agency") {
    const slugs = fc.sample(
      fc.tuple(fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.object({ maxDepth: 1 })), fc.anything({ maxDepth: 2 })),
      { seed: SEED + 1000 + index, numRuns: SLUG_PAYLOADS * 3 },
    );
    let added = 0;
    for (const [slug, input] of slugs) {
      if (added >= SLUG_PAYLOADS) break;
      const args = [encodeForReact(slug), encodeForReact(input)];
      const key = JSON.stringify(args);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ args, kind: "slug" });
      added++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- probes

describe("malformed input", () => {
  beforeAll(async () => {
    await ensureBuild();
    database = await createDatabase("alur_proof_malformed");
    // The administrator also holds the head's and Tim SAKIP's roles: every gate opens, so every call reaches its schema.
    await query(
      database.url,
      `INSERT INTO "Membership" (id, "userId", "agencyId", "roleId", active, "createdAt", "updatedAt")
       SELECT 'proof-' || r.code, u.id, r."agencyId", r.id, true, now(), now()
       FROM "User" u, "Role" r JOIN "Agency" a ON a.id = r."agencyId"
       WHERE u.email = 'admin@lumajang.demo' AND a.slug = $1 AND (r."isHead" OR r.code = 'TIM_SAKIP')`,
      [SLUG],
    );
    server = await startServer({ databaseUrl: database.url, port: PORT });
    actionIds = await builtActions();
    memberCookie = (await signIn(server.baseUrl, "admin@lumajang.demo"))!;
    platformCookie = (await signIn(server.baseUrl, "admin@alurkinerja.demo"))!;
    if (!memberCookie || !platformCookie) throw new Error("sign-in refused");
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await proof.save();
  });

  it("refuses every generated invalid payload of every action cleanly and changes nothing", async () => {
    let englishFieldErrors = 0;
    const perAction: string[] = [];
    for (const [index, entry] of ACTIONS.entries()) {
      const registered = ACTION_REGISTRY.get(entry.name);
      if (!registered) {
        proof.fail(`${entry.name} is not registered`);
        continue;
      }
      const payloads = payloadsFor(entry, registered.schema, index);
      const inputPayloads = payloads.filter((p) => p.kind === "input").length;
      if (inputPayloads < PER_ACTION) proof.fail(`${entry.name}: only ${inputPayloads} invalid payloads could be generated`);
      const before = await snapshot(database.url);
      const started = Date.now();
      await pool(payloads, CONCURRENCY, async (payload) => {
        const response = await callAction(server.baseUrl, actionIds.get(entry.key)!, payload.args, {
          cookie: entry.scope === "platform" ? platformCookie : memberCookie,
          path: entry.scope === "platform" ? "/admin" : `/a/${SLUG}`,
        });
        proof.add("probes");
        proof.add("payloads");
        const { ok, code, error } = outcome(response.result);
        const shown = JSON.stringify(payload.args).slice(0, 160);
        if (response.status >= 500 || code === "UNEXPECTED") {
          return proof.fail(`${entry.name} ${shown}: ${response.status} ${code ?? ""} ${response.body.slice(0, 200)}`, "serverErrors");
        }
        const want = payload.kind === "slug" ? "NOT_FOUND" : "INVALID";
        if (ok !== false || code !== want) return proof.fail(`${entry.name} ${shown}: answered ${response.status} ${JSON.stringify(response.result)?.slice(0, 200)}, expected ${want}`, ok ? "forbiddenSuccesses" : undefined);
        if (!error || error !== REFUSALS[code] || error === t.errors.unexpected) proof.fail(`${entry.name} ${shown}: message ${JSON.stringify(error)} is not the Indonesian refusal`);
        const fieldErrors = (response.result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
        for (const messages of Object.values(fieldErrors)) {
          for (const m of messages) {
            // zod's English defaults ("Invalid input: expected string…") where the UI speaks Indonesian.
            if (typeof m !== "string" || !m || /^(Invalid|Too (big|small)|Expected|Unrecognized)/.test(m)) {
              englishFieldErrors++;
              if (englishFieldErrors <= 3) proof.fail(`${entry.name} ${shown}: field message ${JSON.stringify(m)} is not Indonesian`);
            }
          }
        }
      });
      const diff = diffSnapshots(before, await snapshot(database.url));
      if (diff.changedRows) proof.fail(`${entry.name}: refused payloads changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
      perAction.push(`${entry.name} ${payloads.length} (${Date.now() - started} ms)`);
    }
    proof.note(`payloads per action: ${perAction.join(", ")}`);
    proof.note(`${englishFieldErrors} field messages not in Indonesian`);
    if (englishFieldErrors > 3) proof.fail(`${englishFieldErrors} field messages in all were not Indonesian`);
  });

  it("answers raw malformed request bodies without a server error", async () => {
    const entry = ACTIONS.find((a) => a.name === "sop.create")!;
    const id = actionIds.get(entry.key)!;
    const bodies: [string, string, string][] = [
      ["not JSON", "text/plain;charset=UTF-8", "{{{ bukan json"],
      ["a JSON object, not an argument list", "text/plain;charset=UTF-8", JSON.stringify({ agencySlug: SLUG })],
      ["an empty argument list", "text/plain;charset=UTF-8", "[]"],
      ["an empty body", "text/plain;charset=UTF-8", ""],
      ["a JSON string", "text/plain;charset=UTF-8", JSON.stringify("halo")],
      ["a reference to a missing chunk", "text/plain;charset=UTF-8", JSON.stringify([SLUG, "$1"])],
      ["a server reference to nothing", "text/plain;charset=UTF-8", JSON.stringify([SLUG, "$h0"])],
      ["deep nesting", "text/plain;charset=UTF-8", `[${"[".repeat(5000)}${"]".repeat(5000)}]`],
      ["multipart without parts", "multipart/form-data; boundary=x", "--x--\r\n"],
      ["form-encoded", "application/x-www-form-urlencoded", "a=1&b=2"],
      ["binary", "application/octet-stream", "\u0000\u0001\u0002\u00ff"],
    ];
    const before = await snapshot(database.url);
    const statuses: string[] = [];
    for (const [what, type, body] of bodies) {
      const mark = server.output().length;
      const response = await fetch(`${server.baseUrl}/a/${SLUG}`, {
        method: "POST",
        redirect: "manual",
        headers: { accept: "text/x-component", "content-type": type, "next-action": id, origin: server.baseUrl, cookie: memberCookie },
        body,
      });
      const text = await response.text();
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the server's log catch up
      proof.add("probes");
      const log = server.output().slice(mark);
      const first = log.split("\n").find((l) => /error|⨯/i.test(l))?.trim() ?? "";
      const { code } = outcome(parseResult(text));
      // An app refusal is a result; the app's unexpected errors are logged as "[action] …".
      const appFailed = /\[action\]|\[storage\]/.test(log) || code === "UNEXPECTED";
      // Next's reply decoder rejecting the body before any action runs: an error row ("1:E{digest}"), logged by Next.
      const decoderError = /^1:E\{/m.test(text) && !appFailed;
      statuses.push(`${what}: ${response.status} ${code ?? (decoderError ? "decoder error row" : "-")}`);
      if (response.status >= 500 && !decoderError) proof.fail(`raw body (${what}): ${response.status} ${first.slice(0, 200)}`, "serverErrors");
      else if (appFailed) proof.fail(`raw body (${what}): the app failed unexpectedly: ${first.slice(0, 200)}`, "serverErrors");
      else if (decoderError) proof.note(`raw body (${what}): Next.js's own reply decoder rejected it (HTTP ${response.status}, error row, no app code ran): ${first.slice(0, 120)}`);
      else if (response.status < 400 && !code) proof.fail(`raw body (${what}): unexplained answer ${response.status} ${text.slice(0, 160)}`);
    }
    proof.note(`raw bodies: ${statuses.join(", ")}`);
    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`raw bodies changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});

function parseResult(body: string): unknown {
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  try {
    return line ? JSON.parse(line.slice(2)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every server action against at least 200 invalid payloads generated from
 * its own zod schema (fast-check, fixed seed): wrong types, missing and extra
 * fields, 100k strings, unicode/RTL/emoji/control characters and NUL,
 * NaN/Infinity/huge numbers, script and SQL fragments, wrong top-level
 * shapes, and a slug that is not a string. Only payloads the schema rejects
 * count. Sent over HTTP as a member holding every role of the agency (or the
 * platform administrator): no 5xx, an Indonesian refusal that is not the
 * "unexpected error" message, and no row changed.
 *
 * Control characters (C0 other than tab and line breaks, DEL; NUL above all,
 * which PostgreSQL refuses with a database error) are also put into every
 * string field of inputs the schema may otherwise accept: the action wrapper
 * must refuse them with the Indonesian field message at that exact path. The
 * same characters go to the sign-in endpoint (next-auth's credentials
 * callback) and into the paths, query strings and form fields of every route
 * handler and page: no 5xx, no database or Prisma text, nothing changed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { ACTION_REGISTRY } from "@/lib/authz/action";
import { t } from "@/lib/i18n";

import { builtActions, callAction, createDatabase, ensureBuild, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, loadFixtures, outcome, pool, query, snapshot, upload, PNG_BYTES } from "./probe";
import { loadAllActions } from "./load-actions";
import { ProofRecorder } from "./report";
import { ACTIONS, actionArgs, ROUTES, urlFor, type TenantFixtures } from "./routes";
import { LEAKED_TEXT, signInAttempt, SIGN_IN_CODES } from "./sign-in-probe";

const proof = new ProofRecorder("malformed", "Malformed input to every server action");
const SLUG = "diskominfo-lumajang";
const PORT = 4321;
const SEED = 20_260_704;
const PER_ACTION = 200;
const SLUG_PAYLOADS = 20;
const CONCURRENCY = 8;
/** Inputs per action with a control character in one of its strings (on top of PER_ACTION). */
const CONTROL_PER_ACTION = 40;
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

/** C0 controls other than tab, LF and CR, and DEL: what the wrappers refuse. */
const controlChar = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13),
  fc.constant(127),
).map((c) => String.fromCharCode(c));
/** Ordinary text with control characters somewhere in it (NUL alone, at either end, in the middle, repeated). */
const controlText = fc
  .tuple(fc.constantFrom("", "Rapat evaluasi", "Laporan TW I", "Ahmad", "a"), fc.array(controlChar, { minLength: 1, maxLength: 3 }), fc.constantFrom("", " kinerja", "b", "\n baris dua"))
  .map(([before, chars, after]) => `${before}${chars.join("")}${after}`);

/**
 * Inputs with a control character in one string: each string of the
 * schema's plausible value in turn (or, for inputs with no string, an extra
 * field). Valid or not otherwise, the wrapper must refuse them at that path.
 */
function controlPayloadsFor(entry: (typeof ACTIONS)[number], schema: z.ZodType, index: number): { args: unknown[]; path: string }[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const base = baseOf(json);
  const stringPaths = pathsOf(base).filter((p) => typeof pathValue(base, p) === "string");
  const targets: Path[] = stringPaths.length ? stringPaths : [["catatan"]];
  const texts = fc.sample(controlText, { seed: SEED + 2000 + index, numRuns: CONTROL_PER_ACTION });
  return texts.map((text, i) => {
    const path = targets[i % targets.length]!;
    const input = base && typeof base === "object" ? setAt(base, path, text) : { catatan: text };
    return { args: actionArgs(entry, SLUG, encodeForReact(input)), path: (base && typeof base === "object" ? path : ["catatan"]).join(".") };
  });
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
    await loadAllActions();
    await ensureBuild();
    database = await createDatabase("alur_proof_malformed");
    // The administrator also holds the head's, Tim SAKIP's and the Inspektorat auditor's roles (the
    // LKE review is the auditor's): every gate opens, so every call reaches its schema.
    await query(
      database.url,
      `INSERT INTO "Membership" (id, "userId", "agencyId", "roleId", active, "createdAt", "updatedAt")
       SELECT 'proof-' || r.code, u.id, r."agencyId", r.id, true, now(), now()
       FROM "User" u, "Role" r JOIN "Agency" a ON a.id = r."agencyId"
       WHERE u.email = 'admin@lumajang.demo' AND a.slug = $1 AND (r."isHead" OR r.code IN ('TIM_SAKIP', 'AUDITOR'))`,
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

  it("refuses control characters in any string of any action at its exact path, with the Indonesian message", async () => {
    const perAction: string[] = [];
    for (const [index, entry] of ACTIONS.entries()) {
      const registered = ACTION_REGISTRY.get(entry.name);
      if (!registered) continue; // reported by the first test
      const payloads = controlPayloadsFor(entry, registered.schema, index);
      const before = await snapshot(database.url);
      let refused = 0;
      await pool(payloads, CONCURRENCY, async (payload) => {
        const response = await callAction(server.baseUrl, actionIds.get(entry.key)!, payload.args, {
          cookie: entry.scope === "platform" ? platformCookie : memberCookie,
          path: entry.scope === "platform" ? "/admin" : `/a/${SLUG}`,
        });
        proof.add("probes");
        proof.add("payloads");
        const { ok, code } = outcome(response.result);
        const shown = JSON.stringify(payload.args).slice(0, 160);
        if (response.status >= 500 || code === "UNEXPECTED") return proof.fail(`${entry.name} ${shown}: ${response.status} ${code ?? ""} ${response.body.slice(0, 200)}`, "serverErrors");
        if (LEAKED_TEXT.test(response.body)) return proof.fail(`${entry.name} ${shown}: database text in the answer: ${response.body.slice(0, 200)}`, "leaks");
        if (ok !== false || code !== "INVALID") return proof.fail(`${entry.name} ${shown}: answered ${JSON.stringify(response.result)?.slice(0, 200)}, expected INVALID`, ok ? "forbiddenSuccesses" : undefined);
        const fieldErrors = (response.result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
        if (!fieldErrors[payload.path]?.includes(t.errors.controlCharacters)) {
          return proof.fail(`${entry.name} ${shown}: no control-character message at "${payload.path}": ${JSON.stringify(fieldErrors).slice(0, 200)}`);
        }
        refused++;
      });
      const diff = diffSnapshots(before, await snapshot(database.url));
      if (diff.changedRows) proof.fail(`${entry.name}: inputs with control characters changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
      perAction.push(`${entry.name} ${refused}/${payloads.length}`);
    }
    proof.note(`control characters refused at their path: ${perAction.join(", ")}`);
  });

  it("answers control characters at the sign-in endpoint with a code, never a 5xx or database text", async () => {
    const texts = fc.sample(controlText, { seed: SEED + 3000, numRuns: 60 });
    const identifiers = ["kadis@sumbar.demo", "197003102000011021", "admin@lumajang.demo", "tidak.ada@contoh.go.id"];
    const before = await snapshot(database.url);
    const codes: Record<string, number> = {};
    await pool(texts, 4, async (text, i) => {
      const who = identifiers[i % identifiers.length]!;
      // The control characters in the identifier (appended, or alone), or in the password.
      const [identifier, password] = i % 3 === 0 ? [`${who}${text}`, "AlurKinerja2026"] : i % 3 === 1 ? [text, text] : [who, `AlurKinerja2026${text}`];
      // Each from its own client address, so the per-client limit does not hide what the endpoint does.
      const r = await signInAttempt(server.baseUrl, identifier, password, { from: `127.0.40.${i + 1}` });
      proof.add("probes");
      proof.add("payloads");
      codes[r.error ?? `status ${r.status}`] = (codes[r.error ?? `status ${r.status}`] ?? 0) + 1;
      const shown = JSON.stringify([identifier, password]);
      if (r.status >= 500) return proof.fail(`sign-in ${shown}: ${r.status}`, "serverErrors");
      if (LEAKED_TEXT.test(r.url) || LEAKED_TEXT.test(r.body)) return proof.fail(`sign-in ${shown}: database text in the answer: ${r.url.slice(0, 200)}`, "leaks");
      if (r.session) return proof.fail(`sign-in ${shown} opened a session`, "forbiddenSuccesses");
      if (!r.error || !SIGN_IN_CODES.has(r.error)) proof.fail(`sign-in ${shown}: answered error=${r.error} (${r.status})`);
    });
    // Failed sign-ins are recorded by design (the throttle and the audit trail); nothing else may change.
    const diff = diffSnapshots(before, await snapshot(database.url));
    const changed = Object.entries(diff.tables).filter(([table]) => table !== "AuditEvent" && table !== "AuditChainHead");
    if (changed.length) proof.fail(`sign-in attempts with control characters changed ${JSON.stringify(Object.fromEntries(changed))}`, "rowsChangedByRefused");
    proof.note(`sign-in endpoint, ${texts.length} attempts with control characters: ${JSON.stringify(codes)}`);
  });

  it("answers control characters in route handlers' and pages' paths, queries and form fields with a 4xx in Indonesian", async () => {
    // A record the agency lacks (no stored file yet) gets an id that matches nothing, so its URL keeps its shape.
    const fixtures = Object.fromEntries(Object.entries(await loadFixtures(database.url, SLUG)).map(([k, v]) => [k, v || "tidak-ada"])) as unknown as TenantFixtures;
    const texts = fc.sample(controlText, { seed: SEED + 4000, numRuns: 12 });
    const probes: [string, string, RequestInit][] = [];
    for (const route of ROUTES) {
      const url = urlFor(route, SLUG, fixtures, fixtures);
      const method = route.kind === "handler" ? route.method : "GET";
      texts.slice(0, 4).forEach((text, i) => {
        const [key, value] = i % 2 ? [["tahun", "tw", "jenis", "actor", "cycleId", "q"][i % 6]!, text] : [text, "1"];
        const query = `${url.includes("?") ? "&" : "?"}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
        probes.push([`${route.path} ${JSON.stringify({ [key]: value })}`, `${url}${query}`, { method, headers: { cookie: memberCookie, origin: server.baseUrl } }]);
      });
      // A control character in a path segment (the agency slug, an id).
      const segment = encodeURIComponent(texts[4]!);
      const [pathname, search = ""] = url.split("?");
      const tainted = `${pathname!.replace(/\/$/, "")}/${segment}${search ? `?${search}` : ""}`;
      probes.push([`${route.path} with ${JSON.stringify(texts[4])} in the path`, tainted, { method, headers: { cookie: memberCookie, origin: server.baseUrl } }]);
    }
    const before = await snapshot(database.url);
    const statuses: Record<number, number> = {};
    await pool(probes, CONCURRENCY, async ([label, url, init]) => {
      const response = await fetch(`${server.baseUrl}${url}`, { redirect: "manual", ...init });
      const body = await response.text();
      proof.add("probes");
      proof.add("payloads");
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) return proof.fail(`${label}: ${response.status} ${body.slice(0, 160)}`, "serverErrors");
      if (LEAKED_TEXT.test(body)) return proof.fail(`${label}: database text in the answer: ${body.slice(0, 200)}`, "leaks");
      if (response.status !== 400 || !body.includes(t.errors.badRequestText)) proof.fail(`${label}: answered ${response.status} ${body.slice(0, 120)}, expected 400 with the Indonesian refusal`);
    });
    // Uploads (multipart, which the proxy does not see): a control character in the agency slug.
    for (const text of texts.slice(5, 8)) {
      const r = await upload(server.baseUrl, `${SLUG}${text}`, memberCookie, { name: "bukti.png", bytes: PNG_BYTES, type: "image/png" }, { realizationId: fixtures.realizationId });
      proof.add("probes");
      proof.add("payloads");
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 500) proof.fail(`upload to slug ${JSON.stringify(SLUG + text)}: ${r.status} ${r.body.slice(0, 160)}`, "serverErrors");
      else if (r.status !== 404 || r.json?.error !== t.errors.notFound) proof.fail(`upload to slug ${JSON.stringify(SLUG + text)}: answered ${r.status} ${r.body.slice(0, 120)}, expected 404 "${t.errors.notFound}"`);
    }
    // The upload form's text fields.
    for (const text of texts.slice(5)) {
      const forms: Record<string, string>[] = [{ realizationId: `${fixtures.realizationId}${text}` }, { taskId: fixtures.taskId, [`catatan${text}`]: "x" }, { realizationId: fixtures.realizationId, keterangan: text }];
      for (const fields of forms) {
        const r = await upload(server.baseUrl, SLUG, memberCookie, { name: "bukti.png", bytes: PNG_BYTES, type: "image/png" }, fields);
        proof.add("probes");
        proof.add("payloads");
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        const shown = JSON.stringify(fields);
        if (r.status >= 500) proof.fail(`upload ${shown}: ${r.status} ${r.body.slice(0, 160)}`, "serverErrors");
        else if (LEAKED_TEXT.test(r.body)) proof.fail(`upload ${shown}: database text in the answer: ${r.body.slice(0, 200)}`, "leaks");
        else if (r.status < 400 || !r.json?.error) proof.fail(`upload ${shown}: answered ${r.status} ${r.body.slice(0, 120)}, expected a refusal`, r.status < 300 ? "forbiddenSuccesses" : undefined);
      }
    }
    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`control characters in URLs and form fields changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
    proof.note(`route handlers and pages with control characters in the URL or form: statuses ${JSON.stringify(statuses)}`);
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

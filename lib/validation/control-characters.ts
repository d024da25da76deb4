import { t } from "@/lib/i18n";

/**
 * Control characters no text a person types contains: C0 controls other than
 * tab, line feed and carriage return, and DEL. PostgreSQL refuses NUL in text
 * and jsonb outright (a database error, not a validation message), and the
 * others break the xlsx/XML exports and hide text on screen. Refused at one
 * place per entry point (the action wrappers, the proxy for URLs, the sign-in
 * service), so no service has to think about them.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const FORBIDDEN_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const CONTROL_CHARACTER_MESSAGE = t.errors.controlCharacters;

export function hasControlCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** For identifiers where the characters carry no meaning (the sign-in throttle key). */
export function stripControlCharacters(value: string): string {
  return value.replace(FORBIDDEN_ALL, "");
}

export type InputPath = (string | number)[];

/** Beyond this many nodes the walk stops: zod (and the body size limit) refuse such inputs anyway. */
const MAX_NODES = 200_000;

/**
 * Paths of every string (or object key) in an untrusted value that holds a
 * forbidden control character, at most `limit` of them. Walks iteratively and
 * visits each object once: React's reply decoder can hand the server shared
 * references and cycles.
 */
export function findControlCharacters(value: unknown, limit = 20): InputPath[] {
  const found: InputPath[] = [];
  const seen = new Set<object>();
  const stack: [unknown, InputPath][] = [[value, []]];
  let nodes = 0;
  while (stack.length && found.length < limit && nodes++ < MAX_NODES) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      if (FORBIDDEN.test(node)) found.push(path);
      continue;
    }
    if (!node || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], [...path, i]]);
      continue;
    }
    if (node instanceof Date || node instanceof Map || node instanceof Set || ArrayBuffer.isView(node) || node instanceof Blob) continue;
    // Reversed onto the stack, so fields are visited in order (a shared object is reported at its first path).
    for (const key of Object.keys(node).reverse()) {
      if (FORBIDDEN.test(key)) found.push([...path, key]);
      stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return found.sort((a, b) => a.join(".").localeCompare(b.join(".")));
}

/** Field errors in the shape action results carry (`"a.b.0"` → messages). */
export function controlCharacterFieldErrors(paths: InputPath[]): Record<string, string[]> {
  return Object.fromEntries(paths.map((p) => [p.map(String).join(".") || "_", [CONTROL_CHARACTER_MESSAGE]]));
}

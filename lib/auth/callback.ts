/**
 * Where to go after sign-in: only a path of this site. A link shared on
 * WhatsApp (lib/share/whatsapp.ts) opens the exact page once the person has
 * signed in, so the page's path and query go to /masuk as `callbackUrl` and
 * come back; anything that could leave the site is refused and becomes "/":
 * absolute URLs ("https://…", "javascript:…"), protocol-relative "//host",
 * "/\host" (browsers read a backslash as a slash), control characters.
 * Pure: the sign-in page, the page door and the route door use it.
 */
export const SIGN_IN_PATH = "/masuk";
const CONTROL = /[\u0000-\u001f\u007f]/;

export function safeCallbackPath(value: string | string[] | null | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.length > 2000) return "/";
  if (v.startsWith("//") || v.startsWith("/\\") || v.includes("\\") || CONTROL.test(v)) return "/";
  // Resolved against a placeholder origin: whatever the string does, it must stay on that origin.
  try {
    const url = new URL(v, "http://alur.invalid");
    if (url.origin !== "http://alur.invalid") return "/";
    // Never back to the sign-in page itself (a loop).
    if (url.pathname === SIGN_IN_PATH) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** "/masuk?callbackUrl=%2Fa%2Fx%2Fcycles%2F1": the sign-in page that returns to `path`. */
export function signInUrl(path: string | null | undefined): string {
  const back = safeCallbackPath(path);
  return back === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}`;
}

/** The header proxy.ts sets on every request with its path and query, for the doors to send people back to. */
export const REQUEST_PATH_HEADER = "x-alur-path";

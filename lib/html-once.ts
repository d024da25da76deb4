import "server-only";

import { headers } from "next/headers";

import { putHtml } from "@/lib/html-once-stash";

/** What a server component gives HtmlOnce (components/ui/html-once.tsx): the HTML itself, or the key it was kept under. */
export type THtmlOnce = { html: string } | { htmlKey: string };
export type THtmlSender = (html: string) => THtmlOnce;

/** The HTML in the props, hence in the RSC payload: client navigations, refreshes, unit tests. */
export const inlineHtml: THtmlSender = (html) => ({ html });

/**
 * How this request's long HTML strings reach HtmlOnce (decision 075). A document request
 * (the browser asks for text/html: a first load, a reload, the filter form's GET) is
 * rendered to HTML by this process right after the payload, so the string is kept for that
 * pass (lib/html-once-stash.ts) and the payload carries only its key. Anything else (Next's
 * client router fetching the payload of a navigation or a refresh) has no HTML pass and
 * gets the string in the props. Next hides its own `RSC` header from `headers()`, hence
 * Accept; a client that fetched the payload while claiming text/html would get the key
 * alone and HtmlOnce would refresh the route once (see there).
 */
export async function htmlSender(): Promise<THtmlSender> {
  const accept = (await headers()).get("accept") ?? "";
  return accept.includes("text/html") ? (html) => ({ htmlKey: putHtml(html) }) : inlineHtml;
}

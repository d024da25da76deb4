"use client";

import { useEffect, type ComponentProps } from "react";

import { takeHtml } from "@/lib/html-once-stash";

/** The elements a long HTML string fills, with the attributes they take here. */
type TProps =
  | ({ as: "tbody" } & Omit<ComponentProps<"tbody">, "children" | "dangerouslySetInnerHTML" | "ref">)
  | ({ as: "select" } & Omit<ComponentProps<"select">, "children" | "dangerouslySetInnerHTML" | "ref" | "value" | "defaultValue">)
  | ({ as: "article" } & Omit<ComponentProps<"article">, "children" | "dangerouslySetInnerHTML" | "ref">)
  | ({ as: "ol" } & Omit<ComponentProps<"ol">, "children" | "dangerouslySetInnerHTML" | "ref">)
  | ({ as: "div" } & Omit<ComponentProps<"div">, "children" | "dangerouslySetInnerHTML" | "ref">);

/** In the browser: the strings read from the server's markup at hydration, by key, for a later remount of the same tree (a back navigation). */
const seen = new Map<string, string>();

function htmlInBrowser(key: string): string | undefined {
  const known = seen.get(key);
  if (known !== undefined) return known;
  const element = document.querySelector(`[data-html-once="${CSS.escape(key)}"]`);
  if (!element) return undefined;
  seen.set(key, element.innerHTML);
  return element.innerHTML;
}

/**
 * An element whose content is a long, server-made HTML string (the audit log's rows, a
 * filter's options) that travels in the page once (decision 075). On a document request
 * the server component sends only a key (lib/html-once.ts); the SSR pass takes the string
 * by it and writes it, and in the browser hydration reads it back from that markup (React
 * does not rewrite a dangerouslySetInnerHTML when it hydrates). On a client navigation the
 * string comes in the props like any other. Without JavaScript the markup is the whole story.
 */
export function HtmlOnce({ as: Tag, html, htmlKey, ...rest }: TProps & { html?: string; htmlKey?: string }) {
  const content =
    html ?? (htmlKey === undefined ? "" : typeof window === "undefined" ? takeHtml(htmlKey) : htmlInBrowser(htmlKey));
  const lost = content === undefined;
  useEffect(() => {
    // Neither in the props nor in the page (a payload fetched as if it were a document, then
    // shown elsewhere): load the page again rather than show it empty.
    if (lost) window.location.reload();
  }, [lost]);
  const props = html === undefined && htmlKey !== undefined ? { ...rest, "data-html-once": htmlKey } : rest;
  // One of the tags of TProps with its own attributes; React treats them all the same way here.
  const Element = Tag as "tbody";
  return <Element {...(props as ComponentProps<"tbody">)} dangerouslySetInnerHTML={{ __html: content ?? "" }} />;
}

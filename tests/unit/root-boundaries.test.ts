import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import ErrorPage from "@/app/error";
import NotFound from "@/app/not-found";
import { Button } from "@/components/ui/button";
import { BUSY_DIGEST, BUSY_MESSAGE } from "@/lib/cli/busy.mjs";
import { t } from "@/lib/i18n";

/**
 * The root error and "not found" pages (docs/decisions/079-busy-page.md, 080-first-load-js-margin.md):
 * they no longer import the Button component nor next/link (a second copy of each on every page's
 * first load), and show what they showed before: the same words, a button styled as `Button` styles it.
 */
const classOf = (html: string, tag: string) => new RegExp(`<${tag}[^>]* class="([^"]+)"`).exec(html)?.[1];
const noop = () => {};

describe("the root boundaries", () => {
  const buttonClass = classOf(renderToStaticMarkup(h(Button, null, "x")), "button");

  it("the error page: the generic words, and one button styled as Button (no other attribute)", () => {
    const html = renderToStaticMarkup(h(ErrorPage, { error: Object.assign(new Error("x"), { digest: "123" }), reset: noop }));
    expect(html).toContain(`<h1 class="text-2xl font-semibold">${t.common.errorTitle}</h1>`);
    expect(html).toContain(t.common.errorBody);
    expect(buttonClass).toBeTruthy();
    expect(html).toContain(`<button class="${buttonClass}">${t.common.tryAgain}</button>`);
  });

  it("the error page of a busy database: its title and the busy message", () => {
    const html = renderToStaticMarkup(h(ErrorPage, { error: Object.assign(new Error("x"), { digest: BUSY_DIGEST }), reset: noop, retry: noop }));
    expect(html).toContain(`>${t.common.busyTitle}</h1>`);
    expect(html).toContain(BUSY_MESSAGE);
    expect(html).not.toContain(t.common.errorBody);
    expect(html).toContain(`<button class="${buttonClass}">${t.common.tryAgain}</button>`);
  });

  it("the 404 page: its words and a link home styled as a button", () => {
    const html = renderToStaticMarkup(h(NotFound));
    expect(html).toContain(t.common.notFoundTitle);
    expect(html).toContain(t.common.notFoundBody);
    expect(html).toContain(`<a href="/" class="${buttonClass}">${t.common.toHome}</a>`);
  });
});

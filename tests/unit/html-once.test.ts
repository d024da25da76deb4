import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { HtmlOnce } from "@/components/ui/html-once";
import { STASH_TTL_MS, pendingHtml, putHtml, takeHtml } from "@/lib/html-once-stash";

const ROWS = '<tr data-testid="audit-row"><td>&lt;script&gt; &amp; “kutip”</td></tr>';

describe("the hand-over between the payload and the HTML pass (decision 075)", () => {
  it("gives a kept string back once, by its key", () => {
    const a = putHtml(ROWS);
    const b = putHtml("<option>b</option>");
    expect(a).not.toBe(b);
    expect(takeHtml(b)).toBe("<option>b</option>");
    expect(takeHtml(a)).toBe(ROWS);
    expect(takeHtml(a)).toBeUndefined();
    expect(takeHtml("no-such-key")).toBeUndefined();
  });

  it("drops what a request left untaken once it is older than the time to live", () => {
    const start = pendingHtml();
    const old = putHtml("lost", 1_000);
    expect(pendingHtml()).toBe(start + 1);
    const fresh = putHtml("kept", 1_000 + STASH_TTL_MS + 1);
    expect(takeHtml(old)).toBeUndefined();
    expect(takeHtml(fresh)).toBe("kept");
    expect(pendingHtml()).toBe(start);
  });
});

describe("HtmlOnce rendered to HTML on the server", () => {
  it("writes the string kept under its key, marked with the key, and takes it out of the stash", () => {
    const key = putHtml(ROWS);
    const html = renderToString(h(HtmlOnce, { as: "tbody", htmlKey: key }));
    expect(html).toBe(`<tbody data-html-once="${key}">${ROWS}</tbody>`);
    expect(takeHtml(key)).toBeUndefined();
  });

  it("writes a string given in the props as the plain element React wrote before", () => {
    const options = '<option value="" selected="">Semua</option><option value="a&amp;b">A &amp; B</option>';
    expect(renderToString(h(HtmlOnce, { as: "select", className: "c", id: "f-action", name: "action", html: options }))).toBe(
      renderToString(h("select", { className: "c", id: "f-action", name: "action", dangerouslySetInnerHTML: { __html: options } })),
    );
  });
});

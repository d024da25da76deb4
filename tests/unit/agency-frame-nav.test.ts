import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PathnameContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { describe, expect, it } from "vitest";

import { AgencyShell } from "@/components/layout/agency-shell";

/**
 * The agency frame as the server sends it (docs/decisions/069-agency-frame-cost.md): every agency
 * page carries it, so its navigation is one list for every width (a row of tabs from sm up, the
 * phone's "Menu" otherwise), not the same links twice.
 */
const base = "/a/dinas-x";
const nav = [
  { href: base, label: "Beranda" },
  { href: `${base}/cycles`, label: "Siklus" },
  { href: `${base}/sops`, label: "SOP" },
  { href: `${base}/anggota`, label: "Anggota", also: [`${base}/peran`, `${base}/unit`] },
];

function frameAt(pathname: string) {
  return renderToStaticMarkup(
    h(
      PathnameContext.Provider,
      { value: pathname },
      h(AgencyShell, {
        agency: { slug: "dinas-x", name: "Dinas X", governmentName: "Provinsi Y" },
        user: { name: "Hendra", isPlatformAdmin: false },
        roleNames: ["Kepala Dinas"],
        otherAgencies: [],
        nav,
        children: h("p", null, "isi"),
      }),
    ),
  );
}

const links = (html: string, href: string) => [...html.matchAll(new RegExp(`<a [^>]*href="${href}"[^>]*>`, "g"))].map((m) => m[0]);

describe("the agency frame's navigation", () => {
  it("is one navigation landmark with one link per destination", () => {
    const html = frameAt(`${base}/cycles`);
    expect(html.match(/<nav /g)).toHaveLength(1);
    for (const item of nav) expect(links(html, item.href), item.label).toHaveLength(1);
  });

  it("marks the current page, the longest matching path winning (a sub-page of an item marks that item)", () => {
    expect(links(frameAt(`${base}/cycles/abc`), `${base}/cycles`)[0]).toContain('aria-current="page"');
    expect(links(frameAt(`${base}/peran`), `${base}/anggota`)[0]).toContain('aria-current="page"');
    const home = frameAt(`${base}/sops`);
    expect(links(home, base)[0]).not.toContain("aria-current");
    expect(home.match(/aria-current="page"/g)).toHaveLength(1);
  });

  it("gives the phone a Menu button that opens the list by itself, before any script (a popover)", () => {
    const html = frameAt(base);
    const button = html.match(/<button [^>]*aria-controls="([^"]+)"[^>]*>/);
    // HTML attribute names are case-insensitive: React writes popoverTarget, the browser reads popovertarget.
    expect(button?.[0].match(/ popovertarget="([^"]+)"/i)?.[1]).toBe(button![1]);
    expect(html).toContain(`<ul id="${button![1]}" popover="auto"`);
    // The browser states whether it is open; a fixed "false" from the server would be wrong once it is opened before the script.
    expect(button?.[0]).not.toContain("aria-expanded");
  });
});

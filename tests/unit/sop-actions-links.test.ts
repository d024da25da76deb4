import { createElement as h, Fragment, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { SopActions } from "@/components/sop/sop-actions";
import { buttonVariants } from "@/components/ui/button";
import { FileJson, FileSpreadsheet, FileText } from "@/components/ui/icons";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";

/**
 * The SOP page's export links carry their icon and label as one string written once
 * (docs/decisions/083-realization-form-and-sop-cost.md): the page must get the bytes React wrote
 * for the icon and the label as elements.
 */
describe("the SOP export links", () => {
  it("the same HTML as the icon and label as React elements", () => {
    const bar = SopActions({ agencySlug: "dinas", sopId: "sop1", status: "ACTIVE", version: 2, canEdit: true, canActivate: true, activeVersion: null, draftId: null, compareWith: null });
    const links = (bar as ReactElement<{ links: ReactElement }>).props.links;
    const base = "/a/dinas/sops/sop1";
    const className = buttonVariants({ variant: "secondary" });
    const expected = renderToStaticMarkup(
      h(
        Fragment,
        null,
        h("a", { href: `${base}/export?format=json`, className, download: true }, h(FileJson, { "aria-hidden": true, className: "size-4" }), M.exportJson),
        h("a", { href: `${base}/export?format=xlsx`, className, download: true }, h(FileSpreadsheet, { "aria-hidden": true, className: "size-4" }), M.exportXlsx),
        h("a", { href: `${base}/export?format=pdf`, className, download: true }, h(FileText, { "aria-hidden": true, className: "size-4" }), M.exportPdf),
      ),
    );
    expect(renderToStaticMarkup(links)).toBe(expected);
    expect(expected).toContain("<svg");
    expect(expected).toContain(M.exportPdf);
  });
});

/**
 * HTML of a tree of plain server elements, the same bytes react-dom/server's
 * renderToStaticMarkup writes for it (tests/unit/static-markup.test.ts compares the two on
 * the SOP document), for markup that is rendered once and served many times as a string
 * (docs/decisions/065-sop-document-render-cost.md). React Server Components may not import
 * react-dom/server, hence this small renderer.
 *
 * What it renders: host elements (HTML and SVG), text, numbers, arrays, fragments and
 * function components without hooks. Anything else (a client component, a context, a hook,
 * a forwardRef icon, an event handler) throws: such a tree is not static markup.
 */
import { Fragment, type ReactNode } from "react";

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/** React's attribute names where they differ from the prop (the ones lowercased or hyphenated). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  tabIndex: "tabindex",
  strokeWidth: "stroke-width",
  strokeDasharray: "stroke-dasharray",
  strokeDashoffset: "stroke-dashoffset",
  strokeLinecap: "stroke-linecap",
  strokeLinejoin: "stroke-linejoin",
  strokeMiterlimit: "stroke-miterlimit",
  strokeOpacity: "stroke-opacity",
  fillOpacity: "fill-opacity",
  fillRule: "fill-rule",
  clipRule: "clip-rule",
  clipPath: "clip-path",
  vectorEffect: "vector-effect",
  textAnchor: "text-anchor",
  dominantBaseline: "dominant-baseline",
  fontSize: "font-size",
  fontWeight: "font-weight",
  fontFamily: "font-family",
  fontStyle: "font-style",
  paintOrder: "paint-order",
  stopColor: "stop-color",
  xlinkHref: "xlink:href",
};

/** Attributes React writes as they are (camelCase kept). */
const KEPT = new Set(["viewBox", "preserveAspectRatio", "xmlns", "colSpan", "rowSpan"]);

/** CSS properties whose numbers take no "px" (React's list, the part a document may use). */
const UNITLESS = new Set([
  "zIndex",
  "opacity",
  "flex",
  "flexGrow",
  "flexShrink",
  "order",
  "lineHeight",
  "fontWeight",
  "orphans",
  "widows",
  "zoom",
  "gridRow",
  "gridColumn",
  "tabSize",
  "fillOpacity",
  "strokeOpacity",
  "strokeWidth",
]);

const ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

/** Text or an attribute value as HTML, with React's escapeTextForBrowser escapes (the one escape of the codebase: static markup, the audit rows, e-mail). */
export function escapeHtml(text: string): string {
  return text.replace(/["&'<>]/g, (c) => ESCAPES[c]!);
}

function styleText(style: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === "boolean" || value === "") continue;
    const custom = name.startsWith("--");
    const property = custom ? name : name.replace(/([A-Z])/g, "-$1").toLowerCase().replace(/^ms-/, "-ms-");
    const text =
      typeof value === "number" && !custom
        ? value !== 0 && !UNITLESS.has(name)
          ? `${value}px`
          : `${value}`
        : escapeHtml(String(value).trim());
    parts.push(`${property}:${text}`);
  }
  return parts.join(";");
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "key" || name === "ref" || value === null || value === undefined) continue;
    if (name === "dangerouslySetInnerHTML" || name === "suppressHydrationWarning") throw new Error(`static markup: ${name} is not supported`);
    if (typeof value === "function" || typeof value === "symbol") throw new Error(`static markup: "${name}" is not static`);
    if (name === "style") {
      const text = styleText(value as Record<string, unknown>);
      if (text) out += ` style="${text}"`;
      continue;
    }
    const dataOrAria = name.startsWith("data-") || name.startsWith("aria-");
    if (typeof value === "boolean") {
      if (dataOrAria) out += ` ${name}="${value}"`;
      else if (value) throw new Error(`static markup: boolean attribute "${name}" is not supported`);
      continue;
    }
    const attribute = dataOrAria || KEPT.has(name) ? name : (ATTRIBUTE_NAMES[name] ?? name);
    if (!dataOrAria && !KEPT.has(name) && !(name in ATTRIBUTE_NAMES) && /[A-Z]/.test(name)) {
      throw new Error(`static markup: attribute "${name}" has no known HTML name`);
    }
    out += ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** The HTML of `node` (see the module's comment for what it may contain). */
export function staticMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return escapeHtml(String(node));
  if (Array.isArray(node)) {
    let out = "";
    for (const child of node) out += staticMarkup(child as ReactNode);
    return out;
  }
  const element = node as { $$typeof?: symbol; type?: unknown; props?: Record<string, unknown> };
  if (element.$$typeof !== ELEMENT && element.$$typeof !== LEGACY_ELEMENT) throw new Error("static markup: not an element");
  const { type } = element;
  const props = element.props ?? {};
  if (type === Fragment) return staticMarkup(props.children as ReactNode);
  if (typeof type === "function") {
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) throw new Error("static markup: class components are not supported");
    return staticMarkup((type as (p: unknown) => ReactNode)(props));
  }
  if (typeof type !== "string") throw new Error("static markup: only host elements and plain function components");
  const open = `<${type}${attributes(props)}`;
  if (VOID.has(type)) return `${open}/>`;
  return `${open}>${staticMarkup(props.children as ReactNode)}</${type}>`;
}

import { escapeHtml } from "@/lib/static-markup";

/** One choice of a select filter. */
export interface TSelectChoice {
  value: string;
  label: string;
}

/**
 * A filter select's options as one HTML string, for `<select dangerouslySetInnerHTML>`
 * (decision 070): "all" (value "") first, then the choices, the one whose value is `value`
 * (or "all" when there is none) marked `selected=""` as React marks it for the select's
 * `defaultValue`. Byte for byte what React wrote for `<option>` children
 * (tests/unit/audit-filters-html.test.ts); every value and label goes through escapeHtml.
 * A long list of options costs React one element instead of one per option, twice (the RSC
 * payload and the HTML).
 */
export function selectOptionsHtml(all: string, choices: readonly TSelectChoice[], value: string | undefined): string {
  const chosen = value ?? "";
  let out = `<option value=""${chosen === "" ? ' selected=""' : ""}>${escapeHtml(all)}</option>`;
  for (const c of choices) out += `<option value="${escapeHtml(c.value)}"${c.value === chosen ? ' selected=""' : ""}>${escapeHtml(c.label)}</option>`;
  return out;
}

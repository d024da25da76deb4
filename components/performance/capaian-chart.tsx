import type { TCapaianResult } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";

import { capaianTone } from "./capaian-display";
import { capaianProblem, capaianShort } from "./format";

const UI = PERFORMANCE_MESSAGES.ui;

const FILL = {
  success: "#15803d",
  info: "#1e40af",
  warning: "#b45309",
  danger: "#b91c1c",
  neutral: "#94a3b8",
} as const;

export interface ChartBar {
  code: string;
  name: string;
  capaian: TCapaianResult;
}

/**
 * Capaian per indicator as a horizontal bar chart in plain SVG: the bar's
 * length is the percent, a dashed line marks 100%, and every bar carries its
 * value and category as text (colour is never the only signal). The same data
 * follows as a table for screen readers and anyone who prefers numbers.
 */
export function CapaianChart({ bars, title }: { bars: ChartBar[]; title: string }) {
  // No viewBox: the SVG takes the container's width and its text keeps its size;
  // horizontal positions are percentages of the plot, so it reads on a phone and a laptop alike.
  const rowH = 38;
  const top = 22;
  const height = top + bars.length * rowH + 4;
  const maxPercent = Math.max(100, ...bars.map((b) => (b.capaian.status === "OK" ? b.capaian.percent : 0)));
  // Round the scale up to a multiple of 20 with some headroom past the longest bar.
  const scaleMax = Math.ceil((maxPercent * 1.05) / 20) * 20;
  // Two decimals of a percent of the plot: well under a pixel, and "83.85%" instead of "83.85416666666667%" in the HTML and the RSC payload.
  const pct = (percent: number) => `${Math.round((Math.min(Math.max(percent, 0), scaleMax) / scaleMax) * 10000) / 100}%`;
  const ticks = [0, 50, 100, ...(scaleMax > 150 ? [scaleMax] : [])];
  const titleId = "capaian-chart-title";
  const descId = "capaian-chart-desc";
  const summary = bars
    .map((b) => `${b.code}: ${b.capaian.status === "OK" ? `${b.capaian.display} ${b.capaian.category}` : capaianShort(b.capaian)}`)
    .join("; ");

  return (
    <figure className="space-y-3" data-testid="capaian-chart">
      <figcaption className="text-sm text-slate-600">{UI.chartDesc}</figcaption>
      <svg width="100%" height={height} role="img" aria-labelledby={`${titleId} ${descId}`} className="block max-w-3xl overflow-visible">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {bars.map((b, i) => {
          const y = top + i * rowH + 18;
          return (
            <g key={b.code}>
              <rect x="0" y={y} width="100%" height="12" fill="#f1f5f9" />
              {b.capaian.status === "OK" ? <rect x="0" y={y} width={pct(b.capaian.percent)} height="12" fill={FILL[capaianTone(b.capaian)]} /> : null}
            </g>
          );
        })}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pct(t)} x2={pct(t)} y1={top - 4} y2={height} stroke={t === 100 ? "#0f172a" : "#cbd5e1"} strokeDasharray={t === 100 ? "4 3" : undefined} />
            <text x={pct(t)} y={top - 8} textAnchor={t === 0 ? "start" : t === scaleMax ? "end" : "middle"} fontSize="11" fill="#475569">
              {t}%
            </text>
          </g>
        ))}
        {/* Labels last, with a white halo, so grid lines never run through them. */}
        {bars.map((b, i) => {
          const y = top + i * rowH + 13;
          const ok = b.capaian.status === "OK";
          const halo = { stroke: "#ffffff", strokeWidth: 4, paintOrder: "stroke" as const };
          return (
            <g key={b.code}>
              <text x="0" y={y} fontSize="12" fontWeight="600" fill="#0f172a" {...halo}>
                {b.code}
              </text>
              <text x="100%" y={y} textAnchor="end" fontSize="12" fill={ok ? "#0f172a" : "#64748b"} fontStyle={ok ? undefined : "italic"} {...halo}>
                {b.capaian.status === "OK" ? `${b.capaian.display} · ${b.capaian.category}` : capaianShort(b.capaian)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="no-print">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{UI.chartTable}</summary>
        {/* Cell styling once in app/globals.css (rc-t, decision 077), not on every cell. */}
        <table className="rc-t mt-2 w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              <th scope="col">{UI.col.indicator}</th>
              <th scope="col" className="rc-r">
                {UI.col.capaian}
              </th>
              <th scope="col">{UI.col.category}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.code}>
                <th scope="row">
                  <span className="font-semibold">{b.code}</span> {b.name}
                </th>
                <td className="rc-r">{b.capaian.status === "OK" ? b.capaian.display : UI.empty}</td>
                <td>{b.capaian.status === "OK" ? b.capaian.category : capaianProblem(b.capaian.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import {
  CONNECTOR_HEIGHT,
  CONNECTOR_WIDTH,
  describeFlowchartPage,
  SYMBOL_HEIGHT,
  SYMBOL_WIDTH,
  type TFlowConnector,
  type TFlowEdge,
  type TFlowPage,
  type TFlowRow,
} from "@/lib/sop/flowchart-layout";

/**
 * One page of an SOP flowchart (lib/sop/flowchart-layout.ts) as inline SVG, sized to lie
 * over the executor (Pelaksana) columns of the procedure table: `columnWidth` and
 * `rowHeight` are the pixel sizes of one executor cell. Draws the five Permenpan symbols
 * (terminator, process, decision, arrow, off-page connector) in currentColor. The activity
 * text lives in the table's Kegiatan column, so the only text here is the connector
 * letters and the Ya/Tidak labels.
 *
 * No hooks and no "use client": renders in server components, in print, and inside a
 * client-side editor preview.
 */
export interface FlowchartColumnsProps {
  page: TFlowPage;
  columnWidth: number;
  rowHeight: number;
  /** Draw the column and row borders (when not laid over a table that has its own). */
  showGrid?: boolean;
  strokeWidth?: number;
  /** Font size of labels and connector letters, in pixels. */
  fontSize?: number;
  className?: string;
  /**
   * Progress of a running cycle per step number: done steps are filled, the open step
   * ("active", or "returned" for revision) is outlined heavily, pending steps are muted.
   * Steps not listed are drawn as without this prop. Colour is never the only signal:
   * pages using this also list each step's status in text.
   */
  stepStates?: Readonly<Record<number, TFlowStepState>>;
  /** Write the step number inside each symbol (when the Kegiatan column is not beside it). */
  showStepNumbers?: boolean;
}

export type TFlowStepState = "done" | "active" | "returned" | "pending";

/** Fill and stroke per step state (Tailwind's green-700/100, brand-700/100, amber-700/100, slate-400). */
const STEP_STATE_STYLE: Record<TFlowStepState, { fill: string; stroke: string; strokeScale: number; text: string }> = {
  done: { fill: "#dcfce7", stroke: "#15803d", strokeScale: 1.2, text: "#14532d" },
  active: { fill: "#dbeafe", stroke: "#1e40af", strokeScale: 2.4, text: "#172554" },
  returned: { fill: "#fef3c7", stroke: "#b45309", strokeScale: 2.4, text: "#78350f" },
  pending: { fill: "#ffffff", stroke: "#94a3b8", strokeScale: 1, text: "#475569" },
};

export function FlowchartColumns({
  page,
  columnWidth,
  rowHeight,
  showGrid = false,
  strokeWidth = 1.25,
  fontSize = 11,
  className,
  stepStates,
  showStepNumbers = false,
}: FlowchartColumnsProps) {
  const width = page.columnCount * columnWidth;
  const height = page.height * rowHeight;
  const X = (x: number) => x * columnWidth;
  const Y = (y: number) => y * rowHeight;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${fmt(width)} ${fmt(height)}`}
      width={width}
      height={height}
      role="img"
      aria-label={describeFlowchartPage(page)}
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinejoin="round"
      style={{ display: "block", overflow: "visible" }}
    >
      {showGrid ? <Grid page={page} X={X} Y={Y} /> : null}
      {page.edges.map((edge) => (
        <Edge key={`${edge.kind}-${edge.fromStep}-${edge.toStep}`} edge={edge} X={X} Y={Y} fontSize={fontSize} />
      ))}
      {page.rows.flatMap((row) =>
        (row.joint?.segments ?? []).map((seg, k) => (
          <line
            key={`joint-${row.stepNumber}-${k}`}
            x1={fmt(X(seg.x1))}
            y1={fmt(Y(row.y))}
            x2={fmt(X(seg.x2))}
            y2={fmt(Y(row.y))}
            data-joint-line={row.stepNumber}
          />
        )),
      )}
      {page.rows.flatMap((row) =>
        [undefined, ...(row.joint?.columns ?? [])].map((column) => (
        <FlowSymbol
          key={`${row.stepNumber}-${column ?? "x"}`}
          column={column}
          row={row}
          X={X}
          Y={Y}
          columnWidth={columnWidth}
          rowHeight={rowHeight}
          state={stepStates?.[row.stepNumber]}
          showNumber={showStepNumbers}
          fontSize={fontSize}
          strokeWidth={strokeWidth}
        />
        )),
      )}
      {page.connectors.map((c) => (
        <Connector
          key={`${c.letter}-${c.direction}`}
          connector={c}
          X={X}
          Y={Y}
          columnWidth={columnWidth}
          rowHeight={rowHeight}
          fontSize={fontSize}
        />
      ))}
    </svg>
  );
}

type Scale = (v: number) => number;

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function Grid({ page, X, Y }: { page: TFlowPage; X: Scale; Y: Scale }) {
  const lines: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let c = 0; c <= page.columnCount; c++) lines.push({ x1: X(c), y1: 0, x2: X(c), y2: Y(page.height) });
  const ys = new Set<number>([0, page.height]);
  for (let r = 0; r <= page.rowCount; r++) ys.add(page.bandTop + r);
  for (const y of ys) lines.push({ x1: 0, y1: Y(y), x2: X(page.columnCount), y2: Y(y) });
  return (
    <g strokeOpacity={0.35} strokeWidth={0.75} aria-hidden="true">
      {lines.map((l, i) => (
        <line key={i} x1={fmt(l.x1)} y1={fmt(l.y1)} x2={fmt(l.x2)} y2={fmt(l.y2)} />
      ))}
    </g>
  );
}

function FlowSymbol({
  row,
  column,
  X,
  Y,
  columnWidth,
  rowHeight,
  state,
  showNumber = false,
  fontSize = 11,
  strokeWidth = 1.25,
}: {
  row: TFlowRow;
  /** A joint step's copy in a participant's column (absent: the executor's symbol). */
  column?: number;
  X: Scale;
  Y: Scale;
  columnWidth: number;
  rowHeight: number;
  state?: TFlowStepState;
  showNumber?: boolean;
  fontSize?: number;
  strokeWidth?: number;
}) {
  const w = SYMBOL_WIDTH * columnWidth;
  const h = SYMBOL_HEIGHT * rowHeight;
  const cx = X(column === undefined ? row.x : column + 0.5);
  const cy = Y(row.y);
  const copy = column === undefined ? {} : { "data-joint-column": column };
  const dash = row.missingExecutor ? "4 3" : undefined;
  const style = state ? STEP_STATE_STYLE[state] : null;
  const paint = style ? { fill: style.fill, stroke: style.stroke, strokeWidth: fmt(strokeWidth * style.strokeScale) } : {};
  const number = showNumber ? (
    <text
      x={fmt(cx)}
      y={fmt(cy)}
      textAnchor="middle"
      dominantBaseline="central"
      fontSize={fontSize}
      fontWeight={600}
      fill={style?.text ?? "currentColor"}
      stroke="none"
    >
      {row.stepNumber}
    </text>
  ) : null;
  let shape;
  if (row.symbol === "decision") {
    const points = [
      [cx, cy - h / 2],
      [cx + w / 2, cy],
      [cx, cy + h / 2],
      [cx - w / 2, cy],
    ]
      .map(([x, y]) => `${fmt(x!)},${fmt(y!)}`)
      .join(" ");
    shape = <polygon points={points} strokeDasharray={dash} data-step={row.stepNumber} data-symbol="decision" data-state={state} {...copy} {...paint} />;
  } else {
    shape = (
      <rect
        x={fmt(cx - w / 2)}
        y={fmt(cy - h / 2)}
        width={fmt(w)}
        height={fmt(h)}
        rx={row.symbol === "terminator" ? fmt(h / 2) : 0}
        strokeDasharray={dash}
        data-step={row.stepNumber}
        data-symbol={row.symbol}
        data-state={state}
        {...copy}
        {...paint}
      />
    );
  }
  if (!number) return shape;
  return (
    <g>
      {shape}
      {number}
    </g>
  );
}

const ARROW_LENGTH = 7;
const ARROW_HALF_WIDTH = 3.5;

function Edge({ edge, X, Y, fontSize }: { edge: TFlowEdge; X: Scale; Y: Scale; fontSize: number }) {
  const pts = edge.points.map((p) => ({ x: X(p.x), y: Y(p.y) }));
  const tip = pts.at(-1);
  const prev = pts.at(-2);
  let head: string | null = null;
  if (tip && prev) {
    const dx = tip.x - prev.x;
    const dy = tip.y - prev.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const bx = tip.x - ux * ARROW_LENGTH;
    const by = tip.y - uy * ARROW_LENGTH;
    head = [
      [tip.x, tip.y],
      [bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH],
      [bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH],
    ]
      .map(([x, y]) => `${fmt(x!)},${fmt(y!)}`)
      .join(" ");
  }
  // Stop the line at the arrowhead's base so the tip stays sharp.
  const linePts = pts.map((p, i) => {
    if (i !== pts.length - 1 || !prev) return p;
    const dx = p.x - prev.x;
    const dy = p.y - prev.y;
    const len = Math.hypot(dx, dy) || 1;
    const cut = Math.min(ARROW_LENGTH - 1, len);
    return { x: p.x - (dx / len) * cut, y: p.y - (dy / len) * cut };
  });
  return (
    <g data-edge={edge.kind} data-from={edge.fromStep} data-to={edge.toStep}>
      <polyline points={linePts.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(" ")} />
      {head ? <polygon points={head} fill="currentColor" stroke="none" /> : null}
      {edge.label ? (
        <text
          x={fmt(X(edge.label.x))}
          y={fmt(Y(edge.label.y))}
          textAnchor={edge.label.anchor}
          dominantBaseline="middle"
          fontSize={fontSize}
          fill="currentColor"
          stroke="none"
        >
          {edge.label.text}
        </text>
      ) : null}
    </g>
  );
}

function Connector({
  connector,
  X,
  Y,
  columnWidth,
  rowHeight,
  fontSize,
}: {
  connector: TFlowConnector;
  X: Scale;
  Y: Scale;
  columnWidth: number;
  rowHeight: number;
  fontSize: number;
}) {
  const w = CONNECTOR_WIDTH * columnWidth;
  const h = CONNECTOR_HEIGHT * rowHeight;
  const cx = X(connector.x);
  const cy = Y(connector.y);
  const shoulder = cy + h / 2 - h * 0.35;
  // Off-page connector: a pentagon pointing down, the letter inside; the outgoing one
  // filled (letter in white), the incoming one an outline (as on the printed document).
  const out = connector.direction === "out";
  const points = [
    [cx - w / 2, cy - h / 2],
    [cx + w / 2, cy - h / 2],
    [cx + w / 2, shoulder],
    [cx, cy + h / 2],
    [cx - w / 2, shoulder],
  ]
    .map(([x, y]) => `${fmt(x!)},${fmt(y!)}`)
    .join(" ");
  const letterSize = Math.min(fontSize + 1, h * 0.55, w * 0.6);
  return (
    <g data-connector={connector.letter} data-direction={connector.direction}>
      <polygon points={points} fill={out ? "currentColor" : undefined} />
      <text
        x={fmt(cx)}
        y={fmt(cy - h * 0.08)}
        textAnchor="middle"
        dominantBaseline="middle"
        fontSize={fmt(letterSize)}
        fontWeight={600}
        fill={out ? "#ffffff" : "currentColor"}
        stroke="none"
      >
        {connector.letter}
      </text>
    </g>
  );
}

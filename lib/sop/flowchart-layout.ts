import { isDecisionKind, type TStepKind } from "./schemas";

/**
 * Layout of the SOP flowchart drawn in the executor (Pelaksana) columns of the procedure
 * table, in the Permenpan RB 35/2012 style: one symbol per row, centred in the column of
 * the step's executor; a terminator (capsule) at the first and last step, a decision
 * (diamond) for review/approval steps, a process box otherwise; orthogonal arrows from the
 * bottom of one symbol to the top of the next; "Tidak" returns leave the diamond's side and
 * run up along the side of a column into the earlier step; where the table breaks across
 * pages an arrow ends in an off-page connector (pentagon) lettered A, B, ... and resumes
 * from the same letter on the other page.
 *
 * Pure and unit-free: x is in column widths (column c spans c..c+1), y in row heights
 * from the top of the page's drawing (row r spans bandTop+r .. bandTop+r+1). A renderer
 * multiplies x by its column width and y by its row height. Where a page has connectors,
 * a band above or below the step rows holds them (BAND_HEIGHT per tier of one connector
 * per column; a second tier only when a band holds more connectors than there are
 * columns), so a table drawing these pages reserves `bandTop`/`bandBottom` for them.
 */

export type TFlowSymbol = "terminator" | "process" | "decision";
export type TFlowEdgeKind = "next" | "yes" | "no";

export interface TFlowLayoutStep {
  number: number;
  executorRoleCode: string;
  kind: TStepKind;
  yesStepNumber?: number | null;
  noStepNumber?: number | null;
  /**
   * A joint ("bersama") step: the roles taking part beside the executor. Their columns
   * get the same symbol, joined to the executor's by a horizontal line (Permenpan RB
   * 35/2012). Leave empty for other steps: their participants are only named in words.
   */
  jointRoleCodes?: readonly string[];
}

export interface TFlowColumn {
  code: string;
  name: string;
}

export interface TFlowPoint {
  x: number;
  y: number;
}

/** One row of a page: a step and its symbol. */
export interface TFlowRow {
  stepNumber: number;
  /** 0-based row on this page. */
  row: number;
  /** 0-based executor column. */
  column: number;
  symbol: TFlowSymbol;
  /** Centre of the symbol. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The step's executor is not one of the columns (drawn in column 0, dashed). */
  missingExecutor: boolean;
  /** For decisions: where "Ya" and "Tidak" go (step numbers), else null. */
  yesStepNumber: number | null;
  noStepNumber: number | null;
  /** A joint step's copies of the symbol in its participants' columns, and the lines joining them. */
  joint: TFlowJoint | null;
}

/** The symbols of a joint step beyond the executor's, and the line joining all of them. */
export interface TFlowJoint {
  /** 0-based participant columns (never the executor's), left to right. */
  columns: number[];
  /** Horizontal line pieces at the row's centre, from one symbol's side to the next one's. */
  segments: { x1: number; x2: number }[];
}

export interface TFlowConnector {
  letter: string;
  /** "out": the flow leaves this page here; "in": it resumes here. */
  direction: "out" | "in";
  band: "top" | "bottom";
  column: number;
  /** Centre and size of the pentagon. */
  x: number;
  y: number;
  width: number;
  height: number;
  fromStep: number;
  toStep: number;
  edgeKind: TFlowEdgeKind;
  /** 0-based index of the page holding the other connector of the pair. */
  otherPage: number;
}

export interface TFlowLabel {
  text: "Ya" | "Tidak";
  x: number;
  y: number;
  anchor: "start" | "end";
}

export interface TFlowEdge {
  kind: TFlowEdgeKind;
  fromStep: number;
  toStep: number;
  /** Orthogonal polyline; the arrowhead is at the last point. */
  points: TFlowPoint[];
  label: TFlowLabel | null;
  /** Letter of the off-page connector this half of a cross-page edge runs into or out of. */
  connector: string | null;
}

export interface TFlowPage {
  /** 0-based. */
  index: number;
  pageCount: number;
  columns: TFlowColumn[];
  columnCount: number;
  rowCount: number;
  /** Height of the connector band above / below the step rows (0 when unused). */
  bandTop: number;
  bandBottom: number;
  /** bandTop + rowCount + bandBottom. */
  height: number;
  rows: TFlowRow[];
  edges: TFlowEdge[];
  connectors: TFlowConnector[];
}

export interface TFlowchartLayout {
  pages: TFlowPage[];
  rowsPerPage: number;
}

export const DEFAULT_ROWS_PER_PAGE = 10;
/** Symbol box, in column widths and row heights. */
export const SYMBOL_WIDTH = 0.6;
export const SYMBOL_HEIGHT = 0.44;
export const CONNECTOR_WIDTH = 0.32;
export const CONNECTOR_HEIGHT = 0.36;
export const BAND_HEIGHT = 0.5;
/** Vertical distance of an arrow's turn from the nearest row border. */
const TURN = 0.14;
/** Lanes for returns and skips run in the strip between a symbol and the column border. */
const LANE_INSET = 0.08;
const LANE_STEP = 0.045;
const MAX_LANES = 3;

interface Link {
  from: number;
  to: number;
  kind: TFlowEdgeKind;
}

type Side = "left" | "right";

export function connectorLetter(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function compress(points: TFlowPoint[]): TFlowPoint[] {
  const out: TFlowPoint[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
    const prev = out.at(-2);
    if (prev && last) {
      const sameX = Math.abs(prev.x - last.x) < 1e-9 && Math.abs(last.x - p.x) < 1e-9;
      const sameY = Math.abs(prev.y - last.y) < 1e-9 && Math.abs(last.y - p.y) < 1e-9;
      if (sameX || sameY) out.pop();
    }
    out.push({ x: round(p.x), y: round(p.y) });
  }
  return out;
}

const P = (x: number, y: number): TFlowPoint => ({ x, y });

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

class LaneAllocator {
  private used = new Map<string, [number, number][][]>();

  allocate(column: number, side: Side, y1: number, y2: number): number {
    return this.place(column, side, y1, y2, true);
  }

  /** The x that {@link allocate} would give, without taking the lane. */
  peek(column: number, side: Side, y1: number, y2: number): number {
    return this.place(column, side, y1, y2, false);
  }

  private place(column: number, side: Side, y1: number, y2: number, take: boolean): number {
    const lo = Math.min(y1, y2);
    const hi = Math.max(y1, y2);
    const key = `${column}:${side}`;
    const slots = this.used.get(key) ?? [];
    let k = 0;
    for (; k < MAX_LANES; k++) {
      const taken = slots[k] ?? [];
      if (!taken.some(([a, b]) => a <= hi && lo <= b)) break;
    }
    k = Math.min(k, MAX_LANES - 1);
    if (take) {
      this.used.set(key, slots);
      (slots[k] ??= []).push([lo, hi]);
    }
    const inset = LANE_INSET + k * LANE_STEP;
    return side === "right" ? column + 1 - inset : column + inset;
  }
}

const EPS = 1e-9;

/**
 * Whether an orthogonal polyline crosses or runs along the line joining a joint step's
 * symbols (horizontal pieces at the row's centre, {@link TFlowJoint}): a lane climbing
 * past the row inside a piece's span, or a horizontal run on the row's centre line
 * sharing part of a piece. Touching a piece's end (a symbol's side) does not count.
 */
export function meetsJointLine(points: readonly TFlowPoint[], rows: readonly TFlowRow[]): boolean {
  for (const row of rows) {
    for (const seg of row.joint?.segments ?? []) {
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1]!;
        const b = points[i]!;
        if (Math.abs(a.x - b.x) < EPS) {
          const inSpan = seg.x1 + EPS < a.x && a.x < seg.x2 - EPS;
          if (inSpan && Math.min(a.y, b.y) - EPS <= row.y && row.y <= Math.max(a.y, b.y) + EPS) return true;
        } else if (Math.abs(a.y - row.y) < EPS && Math.abs(b.y - row.y) < EPS) {
          if (Math.min(a.x, b.x) < seg.x2 - EPS && seg.x1 + EPS < Math.max(a.x, b.x)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Where a joint step's symbols go: the executor's column and every participating column
 * that exists (the executor's own and unknown roles are skipped), and the line pieces that
 * join neighbouring symbols side to side (nothing is drawn inside a symbol). Null when
 * no participant has a column of its own.
 */
export function jointLayout(executorColumn: number, participantColumns: readonly (number | undefined)[]): TFlowJoint | null {
  const columns = [...new Set(participantColumns.filter((c): c is number => c !== undefined && c !== executorColumn))].sort((a, b) => a - b);
  if (columns.length === 0) return null;
  const all = [...columns, executorColumn].sort((a, b) => a - b);
  const segments = all.slice(1).map((c, k) => ({ x1: round(all[k]! + 0.5 + SYMBOL_WIDTH / 2), x2: round(c + 0.5 - SYMBOL_WIDTH / 2) }));
  return { columns, segments };
}

export function layoutFlowchart(
  steps: readonly TFlowLayoutStep[],
  columns: readonly TFlowColumn[],
  opts: {
    rowsPerPage?: number;
    /**
     * Steps per page, page by page, where pages differ (the server PDF, whose rows have
     * known heights: a page with one tall step takes fewer). Used when its sizes are whole,
     * positive and add up to the steps; otherwise every page takes `rowsPerPage`.
     */
    pageSizes?: readonly number[];
  } = {},
): TFlowchartLayout {
  const rowsPerPage = Math.max(1, Math.floor(opts.rowsPerPage ?? DEFAULT_ROWS_PER_PAGE));
  const n = steps.length;
  if (n === 0) return { pages: [], rowsPerPage };
  const columnCount = Math.max(1, columns.length);
  const columnOf = new Map(columns.map((c, i) => [c.code, i]));
  const sizes =
    opts.pageSizes && opts.pageSizes.every((k) => Number.isInteger(k) && k > 0) && opts.pageSizes.reduce((a, b) => a + b, 0) === n
      ? [...opts.pageSizes]
      : Array.from({ length: Math.ceil(n / rowsPerPage) }, (_, p) => Math.min(rowsPerPage, n - p * rowsPerPage));
  const pageCount = sizes.length;
  const pageIndex: number[] = [];
  const rowIndex: number[] = [];
  sizes.forEach((k, p) => {
    for (let r = 0; r < k; r++) {
      pageIndex.push(p);
      rowIndex.push(r);
    }
  });
  const pageOf = (i: number) => pageIndex[i]!;
  const rowOf = (i: number) => rowIndex[i]!;
  const indexOfNumber = new Map(steps.map((s, i) => [s.number, i]));

  // Links between steps (0-based indices).
  const links: Link[] = [];
  steps.forEach((s, i) => {
    const decision = isDecisionKind(s.kind);
    const yes = decision && s.yesStepNumber != null ? indexOfNumber.get(s.yesStepNumber) : i + 1 < n ? i + 1 : undefined;
    if (yes !== undefined && yes !== i) links.push({ from: i, to: yes, kind: decision ? "yes" : "next" });
    if (decision && s.noStepNumber != null) {
      const no = indexOfNumber.get(s.noStepNumber);
      if (no !== undefined && no !== i) links.push({ from: i, to: no, kind: "no" });
    }
  });

  // Connectors per band; a band gets another tier of BAND_HEIGHT when it holds more
  // connectors than there are columns.
  const countTop = new Array<number>(pageCount).fill(0);
  const countBottom = new Array<number>(pageCount).fill(0);
  for (const l of links) {
    const pf = pageOf(l.from);
    const pt = pageOf(l.to);
    if (pf === pt) continue;
    if (l.to > l.from) {
      countBottom[pf]! += 1;
      countTop[pt]! += 1;
    } else {
      countTop[pf]! += 1;
      countBottom[pt]! += 1;
    }
  }

  const pages: TFlowPage[] = [];
  for (let p = 0; p < pageCount; p++) {
    const rowCount = sizes[p]!;
    const bandTop = Math.ceil(countTop[p]! / columnCount) * BAND_HEIGHT;
    const bandBottom = Math.ceil(countBottom[p]! / columnCount) * BAND_HEIGHT;
    pages.push({
      index: p,
      pageCount,
      columns: columns.map((c) => ({ code: c.code, name: c.name })),
      columnCount,
      rowCount,
      bandTop,
      bandBottom,
      height: bandTop + rowCount + bandBottom,
      rows: [],
      edges: [],
      connectors: [],
    });
  }
  const page = (i: number) => pages[pageOf(i)]!;
  const rowTop = (i: number) => page(i).bandTop + rowOf(i);

  const nodes: TFlowRow[] = steps.map((s, i) => {
    const column = columnOf.get(s.executorRoleCode);
    const decision = isDecisionKind(s.kind);
    // A decision keeps its diamond even at either end (an invalid SOP still previews).
    const symbol: TFlowSymbol = decision ? "decision" : i === 0 || i === n - 1 ? "terminator" : "process";
    const node: TFlowRow = {
      stepNumber: s.number,
      row: rowOf(i),
      column: column ?? 0,
      symbol,
      x: (column ?? 0) + 0.5,
      y: rowTop(i) + 0.5,
      width: SYMBOL_WIDTH,
      height: SYMBOL_HEIGHT,
      missingExecutor: column === undefined,
      yesStepNumber: decision ? (s.yesStepNumber ?? steps[i + 1]?.number ?? null) : null,
      noStepNumber: decision ? (s.noStepNumber ?? null) : null,
      joint:
        column === undefined || !s.jointRoleCodes?.length
          ? null
          : jointLayout(
              column,
              s.jointRoleCodes.map((code) => columnOf.get(code)),
            ),
    };
    page(i).rows.push(node);
    return node;
  });

  const lanes = pages.map(() => new LaneAllocator());
  const bandSlots = pages.map(() => ({ top: new Set<string>(), bottom: new Set<string>() }));
  // Tier 0 lies next to the step rows; further tiers lie further out, so lanes (in the
  // column strips) and straight drops (tier 0) never cross another tier's connector.
  const bandY = (p: number, band: "top" | "bottom", tier: number) =>
    band === "top"
      ? pages[p]!.bandTop - BAND_HEIGHT * (tier + 0.5)
      : pages[p]!.bandTop + pages[p]!.rowCount + BAND_HEIGHT * (tier + 0.5);

  const placeConnector = (
    p: number,
    band: "top" | "bottom",
    preferred: number,
    base: Omit<TFlowConnector, "band" | "column" | "x" | "y" | "width" | "height">,
  ): TFlowConnector => {
    const taken = bandSlots[p]![band];
    let column = preferred;
    let tier = 0;
    search: for (; ; tier++) {
      for (let d = 0; d < columnCount; d++) {
        const free = [preferred + d, preferred - d].find((c) => c >= 0 && c < columnCount && !taken.has(`${tier}:${c}`));
        if (free !== undefined) {
          column = free;
          break search;
        }
      }
    }
    taken.add(`${tier}:${column}`);
    const connector: TFlowConnector = {
      ...base,
      band,
      column,
      x: column + 0.5,
      y: bandY(p, band, tier),
      width: CONNECTOR_WIDTH,
      height: CONNECTOR_HEIGHT,
    };
    pages[p]!.connectors.push(connector);
    return connector;
  };

  const top = (i: number) => nodes[i]!.y - SYMBOL_HEIGHT / 2;
  const bottom = (i: number) => nodes[i]!.y + SYMBOL_HEIGHT / 2;
  const cx = (i: number) => nodes[i]!.x;
  const yesLabel = (i: number): TFlowLabel => ({ text: "Ya", x: cx(i) + 0.05, y: bottom(i) + 0.1, anchor: "start" });
  // Below the side exit: the return line turns upwards, so that corner is always free.
  const noLabel = (i: number, side: Side): TFlowLabel =>
    side === "right"
      ? { text: "Tidak", x: cx(i) + SYMBOL_WIDTH / 2 + 0.02, y: nodes[i]!.y + 0.1, anchor: "start" }
      : { text: "Tidak", x: cx(i) - SYMBOL_WIDTH / 2 - 0.02, y: nodes[i]!.y + 0.1, anchor: "end" };
  const push = (p: number, edge: Omit<TFlowEdge, "points"> & { points: TFlowPoint[] }) =>
    pages[p]!.edges.push({ ...edge, points: compress(edge.points) });

  // Connectors that must sit straight above/below a symbol are placed first so they get
  // their own column; the rest find the nearest free slot.
  const ordered = [...links].sort((a, b) => {
    const straight = (l: Link) => (l.to > l.from && (rowOf(l.from) === page(l.from).rowCount - 1 || rowOf(l.to) === 0) ? 0 : 1);
    return straight(a) - straight(b) || a.from - b.from || (a.kind === "no" ? 1 : 0) - (b.kind === "no" ? 1 : 0);
  });
  const letters = new Map<Link, string>();
  [...links]
    .sort((a, b) => a.from - b.from || (a.kind === "no" ? 1 : 0) - (b.kind === "no" ? 1 : 0))
    .filter((l) => pageOf(l.from) !== pageOf(l.to))
    .forEach((l, k) => letters.set(l, connectorLetter(k)));

  /**
   * Lanes in the strips of connector column `k`: first the one facing `toward` (the
   * symbol's column), so the short run between lane and connector crosses nothing else in
   * the band; then the other one (taken only where the first meets a joint step's line).
   */
  const besideCandidates = (k: number, toward: number, whenSame: Side): [number, Side][] => {
    const side: Side = toward < k ? "left" : toward > k ? "right" : whenSame;
    return [
      [k, side],
      [k, side === "left" ? "right" : "left"],
    ];
  };
  const connectorEdge = (c: TFlowConnector, laneX: number) => (laneX < c.x ? c.x - CONNECTOR_WIDTH / 2 : c.x + CONNECTOR_WIDTH / 2);
  const flip = (side: Side): Side => (side === "left" ? "right" : "left");
  /**
   * Takes the first lane of `candidates` (column strips, in order of preference) whose
   * line, drawn by `route`, neither crosses nor runs along a joint step's line on the
   * page; the first candidate when every one does.
   */
  const pickLane = (p: number, candidates: readonly [number, Side][], y1: number, y2: number, route: (laneX: number) => TFlowPoint[]) => {
    const clear = candidates.find(([c, side]) => !meetsJointLine(compress(route(lanes[p]!.peek(c, side, y1, y2))), pages[p]!.rows));
    const [column, side] = clear ?? candidates[0]!;
    return lanes[p]!.allocate(column, side, y1, y2);
  };

  for (const l of ordered) {
    const { from: s, to: t, kind } = l;
    const ps = pageOf(s);
    const pt = pageOf(t);
    const cs = nodes[s]!.column;
    const ct = nodes[t]!.column;
    const base = { kind, fromStep: steps[s]!.number, toStep: steps[t]!.number };

    if (t > s) {
      const label = kind === "yes" ? yesLabel(s) : null;
      const belowSource = rowTop(s) + 1 - TURN;
      const aboveTarget = rowTop(t) + TURN;
      if (ps === pt) {
        if (t === s + 1) {
          push(ps, {
            ...base,
            label,
            connector: null,
            points: [P(cx(s), bottom(s)), P(cx(s), aboveTarget), P(cx(t), aboveTarget), P(cx(t), top(t))],
          });
        } else {
          // Skips rows: run down the left strip of the source column (the right one where
          // the left would cross a joint step's line).
          const route = (lane: number) => [
            P(cx(s), bottom(s)),
            P(cx(s), belowSource),
            P(lane, belowSource),
            P(lane, aboveTarget),
            P(cx(t), aboveTarget),
            P(cx(t), top(t)),
          ];
          const lane = pickLane(ps, [[cs, "left"], [cs, "right"]], belowSource, aboveTarget, route);
          push(ps, { ...base, label, connector: null, points: route(lane) });
        }
        continue;
      }
      const letter = letters.get(l)!;
      // Source page: down into a connector in the bottom band.
      const outC = placeConnector(ps, "bottom", cs, { ...base, letter, direction: "out", edgeKind: kind, otherPage: pt });
      if (rowOf(s) === page(s).rowCount - 1) {
        const outTop = outC.y - CONNECTOR_HEIGHT / 2;
        push(ps, {
          ...base,
          label,
          connector: letter,
          points: [P(cx(s), bottom(s)), P(cx(s), belowSource), P(outC.x, belowSource), P(outC.x, outTop)],
        });
      } else {
        const route = (lane: number) => [
          P(cx(s), bottom(s)),
          P(cx(s), belowSource),
          P(lane, belowSource),
          P(lane, outC.y),
          P(connectorEdge(outC, lane), outC.y),
        ];
        const lane = pickLane(ps, besideCandidates(outC.column, cs, "left"), belowSource, outC.y, route);
        push(ps, { ...base, label, connector: letter, points: route(lane) });
      }
      // Target page: from a connector in the top band down into the step.
      const inC = placeConnector(pt, "top", ct, { ...base, letter, direction: "in", edgeKind: kind, otherPage: ps });
      if (rowOf(t) === 0) {
        const inBottom = inC.y + CONNECTOR_HEIGHT / 2;
        push(pt, {
          ...base,
          label: null,
          connector: letter,
          points: [P(inC.x, inBottom), P(inC.x, aboveTarget), P(cx(t), aboveTarget), P(cx(t), top(t))],
        });
      } else {
        const route = (lane: number) => [P(connectorEdge(inC, lane), inC.y), P(lane, inC.y), P(lane, aboveTarget), P(cx(t), aboveTarget), P(cx(t), top(t))];
        const lane = pickLane(pt, besideCandidates(inC.column, ct, "left"), inC.y, aboveTarget, route);
        push(pt, { ...base, label: null, connector: letter, points: route(lane) });
      }
      continue;
    }

    // Backward ("Tidak"): leave the diamond's side, climb a strip beside a column (never
    // through a symbol: each row holds one symbol, centred), enter the target from the side.
    const ys = nodes[s]!.y;
    const yt = nodes[t]!.y;
    const exitAt = (laneX: number) => (laneX < cx(s) ? cx(s) - SYMBOL_WIDTH / 2 : cx(s) + SYMBOL_WIDTH / 2);
    const entryAt = (laneX: number) => (laneX < cx(t) ? cx(t) - SYMBOL_WIDTH / 2 : cx(t) + SYMBOL_WIDTH / 2);
    const labelAt = (laneX: number) =>
      kind === "no" ? noLabel(s, laneX < cx(s) ? "left" : "right") : kind === "yes" ? yesLabel(s) : null;
    if (ps === pt) {
      // Beside the target's column, on the side facing the decision. Where that line would
      // cross or run along a joint step's line (the target's, the decision's or one in
      // between): the target column's other side, else a strip of the decision's column.
      const facing: Side = ct < cs ? "right" : ct > cs ? "left" : "right";
      const candidates: [number, Side][] = [[ct, facing], [ct, flip(facing)]];
      if (cs !== ct) candidates.push([cs, flip(facing)], [cs, facing]);
      const route = (lane: number) => [P(exitAt(lane), ys), P(lane, ys), P(lane, yt), P(entryAt(lane), yt)];
      const lane = pickLane(ps, candidates, yt, ys, route);
      push(ps, { ...base, label: labelAt(lane), connector: null, points: route(lane) });
      continue;
    }
    const letter = letters.get(l)!;
    // Decision page: up into a connector in the top band, above the target's column if free.
    const outC = placeConnector(ps, "top", ct, { ...base, letter, direction: "out", edgeKind: kind, otherPage: pt });
    const outRoute = (lane: number) => [P(exitAt(lane), ys), P(lane, ys), P(lane, outC.y), P(connectorEdge(outC, lane), outC.y)];
    const outLane = pickLane(ps, besideCandidates(outC.column, cs, "right"), outC.y, ys, outRoute);
    push(ps, { ...base, label: labelAt(outLane), connector: letter, points: outRoute(outLane) });
    // Target page: from a connector in the bottom band up into the step.
    const inC = placeConnector(pt, "bottom", outC.column, { ...base, letter, direction: "in", edgeKind: kind, otherPage: ps });
    const inRoute = (lane: number) => [P(connectorEdge(inC, lane), inC.y), P(lane, inC.y), P(lane, yt), P(entryAt(lane), yt)];
    const inLane = pickLane(pt, besideCandidates(inC.column, ct, "right"), yt, inC.y, inRoute);
    push(pt, { ...base, label: null, connector: letter, points: inRoute(inLane) });
  }

  for (const p of pages) {
    p.edges.sort((a, b) => a.fromStep - b.fromStep || a.kind.localeCompare(b.kind));
    p.connectors.sort((a, b) => a.letter.localeCompare(b.letter) || a.direction.localeCompare(b.direction));
  }
  return { pages, rowsPerPage };
}

/* ------------------------------------------------------- drawing over table rows */

/**
 * How a renderer lays a page over a table whose rows are taller than the layout's unit
 * row (activity text makes them so): the page is cut into blocks, a connector band or a
 * step row, one table row each. Bands keep their layout height; inside a step row the
 * layout's unit row is mapped piecewise: what lies within ROW_TOP_ZONE of the row's top
 * stays at that distance from its top border, what lies beyond ROW_BOTTOM_ZONE stays at
 * its distance from the bottom border, and the middle (the symbol) is centred; only
 * vertical lines stretch in between. The browser's document (components/sop/sop-document.tsx)
 * and the server PDF (lib/sop/pdf-flowchart.ts) both draw through these.
 */
/** Tolerance of the drawing helpers below (layout coordinates are rounded to 1e-6). */
const BLOCK_EPS = 1e-6;
export const ROW_TOP_ZONE = 0.25;
export const ROW_BOTTOM_ZONE = 0.75;

/** A horizontal strip of a flowchart page that is one table row: a connector band or a step row. */
export interface TFlowBlock {
  kind: "band" | "row";
  y0: number;
  y1: number;
  row?: TFlowRow;
}

/**
 * A vertical position inside a block: `offset` layout units from the block's top
 * (anchor 0), its middle (anchor 0.5) or its bottom border (anchor 1). A renderer puts it
 * at top + anchor * rowHeight + offset * unitHeight.
 */
export interface TFlowBlockOffset {
  anchor: 0 | 0.5 | 1;
  offset: number;
}

export function flowPageBlocks(page: TFlowPage): TFlowBlock[] {
  const blocks: TFlowBlock[] = [];
  if (page.bandTop > BLOCK_EPS) blocks.push({ kind: "band", y0: 0, y1: page.bandTop });
  for (const row of page.rows) blocks.push({ kind: "row", y0: page.bandTop + row.row, y1: page.bandTop + row.row + 1, row });
  if (page.bandBottom > BLOCK_EPS) blocks.push({ kind: "band", y0: page.bandTop + page.rowCount, y1: page.height });
  return blocks;
}

/** The block that holds layout height y (a y on a border belongs to the block below it, the last block keeps its bottom). */
export function flowBlockIndexAt(blocks: readonly TFlowBlock[], y: number): number {
  const i = blocks.findIndex((b) => y >= b.y0 - BLOCK_EPS && y < b.y1 - BLOCK_EPS);
  return i === -1 ? blocks.length - 1 : i;
}

/** Where layout height y falls inside its block; `centred` pins a point to a row's middle whatever its y. */
export function placeInFlowBlock(block: TFlowBlock, y: number, centred = false): TFlowBlockOffset {
  const f = y - block.y0;
  if (block.kind === "band") return { anchor: 0, offset: f };
  if (centred) return { anchor: 0.5, offset: f - 0.5 };
  if (f <= ROW_TOP_ZONE) return { anchor: 0, offset: f };
  if (f >= ROW_BOTTOM_ZONE) return { anchor: 1, offset: f - 1 };
  return { anchor: 0.5, offset: f - 0.5 };
}

/**
 * Where a "Tidak" label goes: just above the diamond's side exit, centred over the first
 * whole column the exit line crosses (a column's middle holds no other line at that
 * height: "centre", x in column widths), else against the decision column's own border
 * ("before": the text ends at x; "after": it starts at x). Null for other edges.
 */
export function noLabelSpot(edge: TFlowEdge, columnCount: number): { y: number; x: number; align: "centre" | "before" | "after" } | null {
  const label = edge.label;
  const pts = edge.points;
  if (edge.kind !== "no" || !label || pts.length < 2) return null;
  const column = Math.floor(label.x);
  const reach = pts[1]!.x;
  const crossed = label.anchor === "start" ? column + 1 : column - 1;
  const clear = label.anchor === "start" ? crossed + 1 <= reach + BLOCK_EPS : crossed >= reach - BLOCK_EPS;
  const y = pts[0]!.y;
  if (clear && crossed >= 0 && crossed < columnCount) return { y, x: crossed + 0.5, align: "centre" };
  return label.anchor === "start" ? { y, x: column + 1, align: "before" } : { y, x: column, align: "after" };
}

/** An Indonesian sentence summary of one page, for screen readers (aria-label). */
export function describeFlowchartPage(page: TFlowPage): string {
  const first = page.rows[0]?.stepNumber;
  const last = page.rows.at(-1)?.stepNumber;
  const parts: string[] = [];
  parts.push(
    `Diagram alir halaman ${page.index + 1} dari ${page.pageCount}` +
      (first !== undefined ? (first === last ? `, langkah ${first}` : `, langkah ${first} sampai ${last}`) : ""),
  );
  for (const c of page.connectors.filter((c) => c.direction === "in")) {
    parts.push(`lanjutan dari halaman ${c.otherPage + 1} melalui penghubung ${c.letter} ke langkah ${c.toStep}`);
  }
  const isStart = (r: TFlowRow) => r.symbol === "terminator" && page.index === 0 && r === page.rows[0];
  for (const r of page.rows) {
    const who = r.missingExecutor ? "pelaksana belum dipilih" : `oleh ${page.columns[r.column]?.name ?? "pelaksana belum dipilih"}`;
    if (r.symbol === "decision") {
      const yes = r.yesStepNumber !== null ? `jika Ya lanjut ke langkah ${r.yesStepNumber}` : "jika Ya selesai";
      const no = r.noStepNumber !== null ? `, jika Tidak kembali ke langkah ${r.noStepNumber}` : "";
      parts.push(`langkah ${r.stepNumber} keputusan ${who}: ${yes}${no}`);
    } else if (r.symbol === "terminator") {
      parts.push(`langkah ${r.stepNumber} ${who} (${isStart(r) ? "mulai" : "selesai"})`);
    } else parts.push(`langkah ${r.stepNumber} ${who}`);
    if (r.joint) parts.push(`langkah ${r.stepNumber} bersama ${r.joint.columns.map((c) => page.columns[c]?.name ?? "").join(", ")}`);
  }
  for (const c of page.connectors.filter((c) => c.direction === "out")) {
    parts.push(`bersambung ke halaman ${c.otherPage + 1} melalui penghubung ${c.letter} menuju langkah ${c.toStep}`);
  }
  return `${parts.join("; ")}.`;
}

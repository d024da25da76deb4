import { inflateSync } from "node:zlib";

/**
 * The vector shapes each page of a PDF paints, read back from its content streams (the
 * pdfkit output of lib/pdf/document.ts: one FlateDecode stream per page), so a test can
 * count what a reader sees drawn: decision diamonds, terminators, process boxes, arrowheads
 * and off-page connectors (filled: "bersambung ke", outlined: "lanjutan dari").
 *
 * A small reader of our own output, not a general PDF parser: paths built from m/l/c/re/h
 * and painted with S/f/B, fill colours set with rg or scn; text blocks (BT ... ET) are skipped.
 */
export interface TPageShapes {
  /** Closed four-point paths shaped like a rhombus, filled and stroked. */
  diamonds: number;
  /** Closed paths with curves, filled and stroked (the capsule of start / end). */
  terminators: number;
  /** Rectangles filled and stroked (table cells are only stroked, header cells only filled). */
  boxes: number;
  /** Filled triangles. */
  arrowheads: number;
  /** Closed five-point paths, filled and stroked: filled black (out) or white (in). */
  connectorsOut: number;
  connectorsIn: number;
  /** Open polylines stroked (arrow lines, rules). */
  lines: number;
}

interface TObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, TObject> {
  const text = pdf.toString("latin1");
  const out = new Map<number, TObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf("stream");
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.slice(0, s).includes("<<")) {
      dict = body.slice(0, s);
      let dataStart = start + s + "stream".length;
      if (text[dataStart] === "\r") dataStart++;
      if (text[dataStart] === "\n") dataStart++;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? "-1");
      const raw = length >= 0 ? pdf.subarray(dataStart, dataStart + length) : pdf.subarray(dataStart, text.indexOf("endstream", dataStart));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    // A later definition (an incremental update, as signing writes) replaces the earlier one.
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** The pages' content streams, in page order. */
function pageContents(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const pages = [...objs.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const kids = [...(pages?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  return kids.map((id) => {
    const page = objs.get(id)!;
    const refs = /\/Contents \[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents (\d+ 0 R)/.exec(page.dict)?.[1] ?? "";
    return [...refs.matchAll(/(\d+) 0 R/g)].map((r) => objs.get(Number(r[1]))?.stream?.toString("latin1") ?? "").join("\n");
  });
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.01;

function shapesOf(content: string): TPageShapes {
  const shapes: TPageShapes = { diamonds: 0, terminators: 0, boxes: 0, arrowheads: 0, connectorsOut: 0, connectorsIn: 0, lines: 0 };
  const tokens = content.split(/\s+/).filter(Boolean);
  let nums: number[] = [];
  type Sub = { ops: string[]; pts: [number, number][]; closed: boolean };
  let path: Sub[] = [];
  let fill = "0 0 0";
  const stack: string[] = [];
  let inText = false;
  for (const t of tokens) {
    if (inText) {
      if (t === "ET") inText = false;
      continue;
    }
    if (t === "BT") {
      inText = true;
      continue;
    }
    const n = Number(t);
    if (t !== "" && !Number.isNaN(n) && /^[-+.\d]/.test(t)) {
      nums.push(n);
      continue;
    }
    switch (t) {
      case "m":
        path.push({ ops: ["m"], pts: [[nums.at(-2)!, nums.at(-1)!]], closed: false });
        break;
      case "l":
        path.at(-1)?.ops.push("l");
        path.at(-1)?.pts.push([nums.at(-2)!, nums.at(-1)!]);
        break;
      case "c":
        path.at(-1)?.ops.push("c");
        path.at(-1)?.pts.push([nums.at(-2)!, nums.at(-1)!]);
        break;
      case "re":
        path.push({ ops: ["re"], pts: [], closed: true });
        break;
      case "h":
        if (path.at(-1)) path.at(-1)!.closed = true;
        break;
      case "rg":
      case "scn":
        if (nums.length < 3) break;
        fill = nums.slice(-3).map((v) => String(Math.round(v * 100) / 100)).join(" ");
        break;
      case "q":
        stack.push(fill);
        break;
      case "Q":
        fill = stack.pop() ?? fill;
        break;
      case "S":
      case "s":
      case "f":
      case "F":
      case "f*":
      case "B":
      case "B*":
      case "b":
      case "b*":
      case "n": {
        const filledAndStroked = t.toUpperCase().startsWith("B");
        const filled = t.startsWith("f") || t === "F";
        if (path.length === 1) {
          const sub = path[0]!;
          const ops = sub.ops.join("");
          if (filledAndStroked && ops === "re") shapes.boxes++;
          else if (filledAndStroked && ops.includes("c")) shapes.terminators++;
          else if (filledAndStroked && ops === "mlll" && sub.closed) {
            const [p0, p1, p2, p3] = sub.pts;
            if (near(p0![0], p2![0]) && near(p1![1], p3![1])) shapes.diamonds++;
          } else if (filledAndStroked && ops === "mllll" && sub.closed) {
            if (fill === "0 0 0") shapes.connectorsOut++;
            else shapes.connectorsIn++;
          } else if (filled && ops === "mll") shapes.arrowheads++;
          else if ((t === "S" || t === "s") && /^ml+$/.test(ops)) shapes.lines++;
        }
        path = [];
        break;
      }
      default:
        break;
    }
    nums = [];
  }
  return shapes;
}

/** What each page of the PDF paints, in page order. */
export function pdfShapes(pdf: Buffer): TPageShapes[] {
  return pageContents(pdf).map(shapesOf);
}

/** The shapes of all pages added up. */
export function totalShapes(pages: TPageShapes[]): TPageShapes {
  const total: TPageShapes = { diamonds: 0, terminators: 0, boxes: 0, arrowheads: 0, connectorsOut: 0, connectorsIn: 0, lines: 0 };
  for (const p of pages) for (const k of Object.keys(total) as (keyof TPageShapes)[]) total[k] += p[k];
  return total;
}

import { Badge } from "@/components/ui/badge";
import type { TCascadeLevel } from "@/lib/cascade/levels";
import type { TCrosscutContribution, TCrosscutSupport } from "@/lib/cascade/crosscut-queries";
import { CASCADE_MESSAGES as M, CROSSCUT_MESSAGES as X } from "@/lib/cascade/messages";
import type { TCascadeIndicatorView, TCascadeNodeView } from "@/lib/cascade/queries";
import type { TRollUpResult } from "@/lib/cascade/roll-up";
import { formatNumber } from "@/lib/format";

import { IndicatorTools, NodeTools, type TUnitOption } from "./cascade-forms";

const LEVEL_STYLE: Record<TCascadeLevel, string> = {
  TUJUAN: "border-l-brand-800",
  SASARAN: "border-l-brand-600",
  PROGRAM: "border-l-emerald-700",
  KEGIATAN: "border-l-amber-600",
  SUBKEGIATAN: "border-l-slate-500",
};

const shown = (v: string) => (v === "" ? "–" : formatNumber(Number(v)));

function rolledText(r: TRollUpResult): string {
  if (r.value !== null) return formatNumber(r.value);
  return r.reason === "no-children" ? M.rollUpNoChildren : M.rollUpIncomplete;
}

interface TTreeProps {
  agencySlug: string;
  periodId: string;
  years: number[];
  units: TUnitOption[];
  canManage: boolean;
  /** Accepted crosscutting links (decision 045): what own indicators support, what own Tujuan/Sasaran receive, of `year`. */
  crosscut?: { year: number; supports: Map<string, TCrosscutSupport[]>; contributions: Map<string, TCrosscutContribution[]> };
}

const withUnit = (value: string | number | null, unit: string) => (value === null || value === "" ? X.none : `${formatNumber(Number(value))} ${unit}`);

/** Another agency's indicators supporting this Tujuan/Sasaran: name, agency, the year's target and realization to date, nothing else. */
function Contributions({ items, year }: { items: TCrosscutContribution[]; year: number }) {
  return (
    <section className="space-y-1 rounded-md border border-dashed border-emerald-700/60 bg-white p-2" aria-label={X.contributions} data-testid="crosscut-contributions">
      <h3 className="text-sm font-semibold text-emerald-900">{X.contributions}</h3>
      <ul className="space-y-1">
        {items.map((c) => (
          <li key={c.linkId} className="text-sm break-words" data-testid="crosscut-contribution">
            <span className="font-medium text-slate-900">{c.indicatorName}</span> <span className="text-slate-700">— {c.agencyName}</span>
            <span className="block text-xs text-slate-700 tabular-nums">
              {X.targetOf(year)}: {withUnit(c.target, c.unitOfMeasure)} · {c.quarter ? X.realizationOf(c.quarter, year) : X.realizationNone(year)}:{" "}
              {withUnit(c.realization, c.unitOfMeasure)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One indicator: name, satuan, direction and rule, the target per year, and what the lower level adds up to. */
function IndicatorItem({ indicator, nodeId, parent, props }: { indicator: TCascadeIndicatorView; nodeId: string; parent: TCascadeNodeView | null; props: TTreeProps }) {
  const linked = parent?.indicators.find((i) => i.id === indicator.parentIndicatorId);
  return (
    <li className="space-y-1 rounded-md border border-slate-200 bg-white p-2 break-inside-avoid" data-testid="cascade-indicator">
      <p className="font-medium text-slate-900">{indicator.name}</p>
      <p className="text-xs text-slate-600">
        {indicator.unitOfMeasure} · {M.polarity[indicator.polarity]} · {M.rollUp[indicator.rollUp]}
        {linked ? ` · ${M.contributesTo(linked.name)}` : ""}
      </p>
      {props.crosscut?.supports.get(indicator.id)?.map((s) => (
        <p key={s.linkId} className="text-xs font-medium break-words text-emerald-900" data-testid="crosscut-support">
          {X.supports(M.level[s.level], s.statement, s.agencyName)}
        </p>
      ))}
      <dl className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {props.years.map((y) => (
          <div key={y} className="flex gap-1">
            <dt className="text-slate-600">{y}:</dt>
            <dd className="font-medium tabular-nums">{shown(indicator.targets[y] ?? "")}</dd>
          </div>
        ))}
      </dl>
      {indicator.rolledUp ? (
        <dl className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label={M.rollUpOfChildren(M.rollUpShort[indicator.rollUp])} data-testid="cascade-rolled-up">
          <dt className="font-medium">{M.rollUpOfChildren(M.rollUpShort[indicator.rollUp])}:</dt>
          {props.years.map((y) => (
            <dd key={y} className="tabular-nums">
              {y}: {rolledText(indicator.rolledUp![y]!)}
            </dd>
          ))}
        </dl>
      ) : null}
      {props.canManage ? (
        <IndicatorTools
          agencySlug={props.agencySlug}
          nodeId={nodeId}
          years={props.years}
          indicator={indicator}
          parentIndicators={parent ? parent.indicators.map((i) => ({ id: i.id, name: i.name })) : null}
        />
      ) : null}
    </li>
  );
}

function NodeItem({ node, parent, props }: { node: TCascadeNodeView; parent: TCascadeNodeView | null; props: TTreeProps }) {
  const contributions = props.crosscut?.contributions.get(node.id);
  return (
    <li className="space-y-2" data-testid="cascade-node" data-level={node.level} data-statement={node.statement}>
      <details open className={`rounded-md border border-l-4 border-slate-200 bg-slate-50/60 ${LEVEL_STYLE[node.level]}`}>
        <summary className="flex min-h-11 cursor-pointer list-inside items-start gap-2 px-3 py-2">
          <span className="min-w-0 flex-1">
            <Badge tone="neutral" className="mr-2 align-middle">
              {M.level[node.level]}
            </Badge>
            <span className="font-medium break-words text-slate-900">{node.statement}</span>
            <span className="block text-xs text-slate-600">{M.responsible(node.unit?.name ?? M.unitAgency)}</span>
          </span>
        </summary>
        <div className="space-y-3 px-3 pb-3">
          {node.indicators.length ? (
            <ul className="space-y-2" aria-label={`${M.indicators}: ${node.statement}`}>
              {node.indicators.map((i) => (
                <IndicatorItem key={i.id} indicator={i} nodeId={node.id} parent={parent} props={props} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{M.indicatorNone}</p>
          )}
          {props.crosscut && contributions?.length ? <Contributions items={contributions} year={props.crosscut.year} /> : null}
          {props.canManage ? (
            <NodeTools
              agencySlug={props.agencySlug}
              periodId={props.periodId}
              years={props.years}
              node={{ id: node.id, level: node.level, statement: node.statement, unitId: node.unit?.id ?? null }}
              units={props.units}
              parentIndicators={parent ? parent.indicators.map((i) => ({ id: i.id, name: i.name })) : null}
            />
          ) : null}
          {node.children.length ? <NodeList nodes={node.children} parent={node} props={props} /> : null}
        </div>
      </details>
    </li>
  );
}

function NodeList({ nodes, parent, props }: { nodes: TCascadeNodeView[]; parent: TCascadeNodeView | null; props: TTreeProps }) {
  // Indented a little per level: enough to read the nesting on a 390 px phone without squeezing the text.
  return (
    <ul className={parent ? "space-y-2 border-l border-dashed border-slate-300 pl-2 sm:pl-4" : "space-y-3"}>
      {nodes.map((n) => (
        <NodeItem key={n.id} node={n} parent={parent} props={props} />
      ))}
    </ul>
  );
}

/** The pohon kinerja of a period: nested lists, each node a disclosure (open by default, printed open). */
export function CascadeTree({ tree, ...props }: TTreeProps & { tree: TCascadeNodeView[] }) {
  if (tree.length === 0) return <p className="text-sm text-slate-600">{M.empty}</p>;
  return (
    <div className="cascade-tree" data-testid="cascade-tree">
      <NodeList nodes={tree} parent={null} props={props} />
    </div>
  );
}

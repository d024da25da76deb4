import { FlowchartColumns, type TFlowStepState } from "@/components/sop/flowchart";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { layoutFlowchart, type TFlowColumn, type TFlowLayoutStep } from "@/lib/sop/flowchart-layout";
import { breakAfterSlash, longestPieceWidth } from "@/lib/sop/text-width";

const LEGEND: { state: TFlowStepState; swatch: string }[] = [
  { state: "done", swatch: "border-green-700 bg-green-100" },
  { state: "active", swatch: "border-2 border-brand-700 bg-brand-100" },
  { state: "returned", swatch: "border-2 border-amber-700 bg-amber-100" },
  { state: "pending", swatch: "border-slate-400 bg-white" },
];

/**
 * The cycle's pinned SOP as a flowchart on one page (no page breaks on screen), one
 * column per executor role in order of first appearance, each symbol numbered and
 * coloured by its step's state in this cycle. The step list beside it says the same
 * in words.
 */
export function CycleFlowchart({
  steps,
  columns,
  stepStates,
}: {
  steps: TFlowLayoutStep[];
  columns: TFlowColumn[];
  stepStates: Record<number, TFlowStepState>;
}) {
  const layout = layoutFlowchart(steps, columns, { rowsPerPage: Math.max(1, steps.length) });
  const page = layout.pages[0];
  if (!page) return null;
  // Never narrower than the longest word of a header: names wrap at spaces and slashes only.
  const longestWord = Math.ceil(longestPieceWidth(columns.map((c) => c.name), 11, { bold: true }) + 4 + 1);
  const columnWidth = Math.max(columns.length <= 4 ? 76 : Math.max(56, Math.floor(320 / columns.length)), longestWord);
  const rowHeight = 50;
  return (
    <div className="space-y-3">
      {/* Focusable so that a keyboard user can scroll a chart wider than the screen (WCAG 2.1.1). */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Diagram alir siklus">
        <div className="mx-auto w-max text-slate-700">
          <div className="flex border-b border-slate-200 pb-1" aria-hidden="true">
            {page.columns.map((c) => (
              <div
                key={c.code}
                lang="id"
                style={{ width: columnWidth }}
                className="px-0.5 text-center text-[11px] leading-tight font-medium text-slate-700 [overflow-wrap:normal]"
                data-role={c.code}
              >
                {breakAfterSlash(c.name)}
              </div>
            ))}
          </div>
          <FlowchartColumns
            page={page}
            columnWidth={columnWidth}
            rowHeight={rowHeight}
            showGrid
            stepStates={stepStates}
            showStepNumbers
            fontSize={11}
            className="text-slate-700"
          />
        </div>
      </div>
      <div>
        <p className="sr-only">{M.ui.legend}</p>
        <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
          {LEGEND.map((l) => (
            <li key={l.state} className="flex items-center gap-1.5">
              <span aria-hidden className={`inline-block size-3.5 rounded-sm border ${l.swatch}`} />
              {M.ui.stepStates[l.state]}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-center text-xs text-slate-500">{M.ui.flowchartHint}</p>
      </div>
    </div>
  );
}

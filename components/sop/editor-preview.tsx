"use client";

import { useDeferredValue, useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { FlowchartColumns } from "@/components/sop/flowchart";
import { executorColumnsByFirstUse } from "@/lib/sop/executor-columns";
import { layoutFlowchart, type TFlowchartLayout, type TFlowLayoutStep } from "@/lib/sop/flowchart-layout";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { breakAfterSlash } from "@/lib/sop/text-width";
import { STEP_KINDS, type TStepKind } from "@/lib/sop/schemas";

import type { TEditorRole, TSopFormValues } from "./editor-model";

const COLUMN_WIDTH = 76;
const ROW_HEIGHT = 48;
const NUMBER_WIDTH = 28;

/** A step as the layout needs it, from whatever the form holds right now (half-typed values included). */
function toFlowStep(raw: unknown, index: number): TFlowLayoutStep {
  const s = (raw ?? {}) as Record<string, unknown>;
  const kind = STEP_KINDS.includes(s.kind as TStepKind) ? (s.kind as TStepKind) : "DRAFT";
  const target = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);
  return {
    number: index + 1,
    executorRoleCode: typeof s.executorRoleCode === "string" ? s.executorRoleCode : "",
    kind,
    yesStepNumber: target(s.yesStepNumber),
    noStepNumber: target(s.noStepNumber),
    jointRoleCodes:
      s.assignment === "JOINT" && Array.isArray(s.participantRoleCodes)
        ? s.participantRoleCodes.filter((c): c is string => typeof c === "string" && c !== "")
        : [],
  };
}

/**
 * The flowchart of the steps being edited, drawn as the document page draws it: one
 * column per executor used in the SOP, in the agency's role order.
 */
export function EditorPreview({ roles }: { roles: TEditorRole[] }) {
  const { control } = useFormContext<TSopFormValues>();
  const watched = useWatch({ control, name: "steps" });
  // Only what the drawing depends on; typing in Kegiatan does not redraw it.
  const key = JSON.stringify((watched ?? []).map(toFlowStep));
  const deferredKey = useDeferredValue(key);

  const layout = useMemo((): { layout: TFlowchartLayout } | null => {
    try {
      const steps = JSON.parse(deferredKey) as TFlowLayoutStep[];
      // Columns in the order the SOP first uses each role, as the printed table draws them.
      const columns = executorColumnsByFirstUse(
        steps.flatMap((s) => {
          const role = roles.find((r) => r.code === s.executorRoleCode);
          const participants = (s.jointRoleCodes ?? []).flatMap((code) => roles.filter((r) => r.code === code));
          return role ? [{ executor: role, participants }] : [];
        }),
      );
      return { layout: layoutFlowchart(steps, columns) };
    } catch {
      return null;
    }
  }, [deferredKey, roles]);

  return (
    <figure className="space-y-2" aria-labelledby="sop-preview-title" data-testid="flowchart-preview">
      <figcaption>
        <h3 id="sop-preview-title" className="font-semibold text-slate-900">
          {M.previewTitle}
        </h3>
        <p className="text-xs text-slate-600">{M.previewHint}</p>
      </figcaption>
      {!layout ? (
        <p className="text-sm text-slate-600">{M.previewUnavailable}</p>
      ) : layout.layout.pages.length === 0 ? (
        <p className="text-sm text-slate-600">{M.previewEmpty}</p>
      ) : (
        <div className="space-y-4 overflow-x-auto pb-2">
          {layout.layout.pages.map((page) => (
            <div key={page.index} className="w-max">
              {page.pageCount > 1 ? <p className="mb-1 text-xs font-medium text-slate-600">{M.previewPage(page.index + 1, page.pageCount)}</p> : null}
              <div className="flex text-[11px] leading-tight text-slate-700" aria-hidden>
                <div style={{ width: NUMBER_WIDTH }} className="shrink-0 border border-slate-300 bg-slate-50 p-1 text-center font-semibold">
                  No
                </div>
                {page.columns.length === 0 ? (
                  <div style={{ width: COLUMN_WIDTH }} className="border border-l-0 border-slate-300 bg-slate-50 p-1 text-center">
                    {M.executor}
                  </div>
                ) : (
                  page.columns.map((c) => (
                    <div
                      key={c.code}
                      style={{ width: COLUMN_WIDTH }}
                      className="flex items-center justify-center border border-l-0 border-slate-300 bg-slate-50 p-1 text-center font-semibold break-words"
                    >
                      {breakAfterSlash(c.name)}
                    </div>
                  ))
                )}
              </div>
              <div className="flex">
                <div
                  aria-hidden
                  style={{ width: NUMBER_WIDTH, paddingTop: page.bandTop * ROW_HEIGHT }}
                  className="shrink-0 border-x border-b border-slate-300 text-[11px] text-slate-700"
                >
                  {page.rows.map((r) => (
                    <div key={r.stepNumber} style={{ height: ROW_HEIGHT }} className="flex items-center justify-center border-t border-slate-200 first:border-t-0">
                      {r.stepNumber}
                    </div>
                  ))}
                </div>
                <div className="border-r border-b border-slate-300 text-slate-800">
                  <FlowchartColumns page={page} columnWidth={COLUMN_WIDTH} rowHeight={ROW_HEIGHT} showGrid strokeWidth={1.25} fontSize={10} />
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </figure>
  );
}

import { STEP_UNIT_KIND_LABELS, type TSopStep } from "./schemas";

/**
 * Who does the step, as the document notes it: "Dikerjakan setiap Bidang" (or
 * the units named), "Dikerjakan bersama peserta"; empty for one executor.
 */
export function assignmentNote(step: Pick<TSopStep, "assignment" | "unitKind" | "unitNames">): string {
  if (step.assignment === "EVERY_UNIT") {
    return step.unitNames.length ? `Dikerjakan oleh setiap unit: ${step.unitNames.join(", ")}` : `Dikerjakan oleh setiap ${STEP_UNIT_KIND_LABELS[step.unitKind ?? "BIDANG"]}`;
  }
  if (step.assignment === "JOINT") return "Dikerjakan bersama seluruh peserta";
  return "";
}

import type { TFlowColumn } from "./flowchart-layout";

/**
 * The executor (Pelaksana) columns of a procedure table, in the order the SOP first uses
 * each role: reading the steps top to bottom, a step's executor, then the roles taking
 * part in it. This is how agencies draw their own tables (the flow runs left to right as
 * the work moves on), whatever order the agency's role list has.
 */
export function executorColumnsByFirstUse(
  steps: readonly { executor: { code: string; name: string }; participants?: readonly { code: string; name: string }[] }[],
): TFlowColumn[] {
  const columns: TFlowColumn[] = [];
  const add = (role: { code: string; name: string }) => {
    if (role.code !== "" && !columns.some((c) => c.code === role.code)) columns.push({ code: role.code, name: role.name });
  };
  for (const step of steps) {
    add(step.executor);
    for (const p of step.participants ?? []) add(p);
  }
  return columns;
}

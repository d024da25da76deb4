import { readdir } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ZAuditEventInput } from "@/lib/audit/events";
import { ACTION_META, ACTION_REGISTRY, type RegisteredAction } from "@/lib/authz/action";

/** Every "use server" module of the app: lib/<domain>/actions.ts and lib/<domain>/<part>-actions.ts. */
async function actionModules(): Promise<string[]> {
  const root = path.resolve("lib");
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /(^|-)actions\.ts$/.test(entry.name)) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

function auditActions(): Set<string> {
  const actions = new Set<string>();
  for (const option of ZAuditEventInput.options) {
    const schema = option.shape.action as unknown as { values?: Set<string>; options?: string[] };
    for (const value of schema.values ?? schema.options ?? []) actions.add(value);
  }
  return actions;
}

describe("server action registry", () => {
  it("covers every exported server action, each with a permission and its audit events", async () => {
    const modules = await actionModules();
    expect(modules.length).toBeGreaterThanOrEqual(3);
    const known = auditActions();
    const seen: RegisteredAction[] = [];
    for (const file of modules) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [exportName, value] of Object.entries(mod)) {
        const meta = (value as { [ACTION_META]?: RegisteredAction })[ACTION_META];
        // An export that is not built with agencyAction/platformAction bypasses the door.
        expect(meta, `${path.relative(process.cwd(), file)}: ${exportName} is not a registered action`).toBeDefined();
        seen.push(meta!);
        if ("events" in meta!.audit) {
          expect(meta!.audit.events.length, `${meta!.name} declares no audit events`).toBeGreaterThan(0);
          for (const event of meta!.audit.events) expect(known, `${meta!.name}: unknown audit event ${event}`).toContain(event);
        } else {
          expect(meta!.audit.none.length, `${meta!.name} must say why it writes no audit event`).toBeGreaterThan(20);
        }
      }
    }
    expect(new Set(seen.map((a) => a.name)).size).toBe(seen.length);
    expect([...ACTION_REGISTRY.keys()].sort()).toEqual(seen.map((a) => a.name).sort());
    // Importing every action module (with their libraries: pdfkit, exceljs, node-forge) takes seconds on a busy CI machine.
  }, 60_000);
});

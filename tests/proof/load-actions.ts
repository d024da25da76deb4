/**
 * Loads every "use server" module of the app (lib/**\/actions.ts and
 * lib/**\/<part>-actions.ts) so ACTION_REGISTRY holds every action. The proofs
 * that look actions up by name call this instead of importing modules by hand:
 * a new domain's actions are then probed the day they are written.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function actionModuleFiles(): Promise<string[]> {
  const root = path.resolve("lib");
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /(^|-)actions\.ts$/.test(entry.name)) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

export async function loadAllActions(): Promise<void> {
  for (const file of await actionModuleFiles()) await import(file);
}

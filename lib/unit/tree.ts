/**
 * The units of an agency in tree order (a parent, then its children by their
 * order), each with its depth: for the unit screen's indentation and for the
 * parent pickers. Units whose parent is missing (or that sit in a cycle the
 * service would never write) are shown at the top level rather than lost.
 */
export interface TTreeUnit {
  id: string;
  parentId: string | null;
  sortOrder: number;
  name: string;
}

export function unitTree<T extends TTreeUnit>(units: readonly T[]): (T & { depth: number; path: string[] })[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "id"));
  const out: (T & { depth: number; path: string[] })[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ ...u, depth, path: [...path, u.name] });
      walk(u.id, depth + 1, [...path, u.name]);
    }
  };
  walk(null, 0, []);
  // Anything unreachable from the top (a cycle in old data) still shows, at the top level.
  for (const u of units) if (!seen.has(u.id)) out.push({ ...u, depth: 0, path: [u.name] });
  return out;
}

/** The unit and everything below it: the parents a unit may NOT move under. */
export function subtreeIds(units: readonly TTreeUnit[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id);
        grew = true;
      }
    }
  }
  return result;
}

/**
 * The cycle page's folds rendered on demand (docs/decisions/027-lazy-cycle-page.md):
 * `?buka=alur,riwayat,rekap` names the folds a reader opened; `?riwayat=semua`
 * shows the whole history instead of its last HISTORY_TAIL tasks.
 */
export const FOLD_NAMES = ["alur", "riwayat", "rekap"] as const;
export type TFoldName = (typeof FOLD_NAMES)[number];

/** The history shows the last tasks only; older ones behind a link (the timeline has them all). */
export const HISTORY_TAIL = 10;

export interface TFoldRequest {
  opened: ReadonlySet<TFoldName>;
  allHistory: boolean;
}

type TSearch = Record<string, string | string[] | undefined>;

export function readFolds(search: TSearch): TFoldRequest {
  const raw = ([] as string[]).concat(search.buka ?? []).join(",").slice(0, 100);
  const opened = new Set(raw.split(",").filter((n): n is TFoldName => (FOLD_NAMES as readonly string[]).includes(n)));
  return { opened, allHistory: search.riwayat === "semua" };
}

/** The address of the page with `name` opened too (the other opened folds kept, in a stable order). */
export function foldHref(path: string, request: TFoldRequest, name: TFoldName, extra: { allHistory?: boolean } = {}): string {
  const opened = FOLD_NAMES.filter((n) => n === name || request.opened.has(n));
  const params = new URLSearchParams({ buka: opened.join(",") });
  if (extra.allHistory ?? request.allHistory) params.set("riwayat", "semua");
  return `${path}?${params.toString().replaceAll("%2C", ",")}`;
}

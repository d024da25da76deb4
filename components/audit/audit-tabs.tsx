import Link from "next/link";

import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "log", path: "" },
  { key: "verify", path: "/verifikasi" },
  { key: "sla", path: "/sla" },
] as const;

/** The three audit pages, one tap apart. */
export function AuditTabs({ agencySlug, current }: { agencySlug: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Halaman audit" className="no-print -mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={`/a/${agencySlug}/audit${tab.path}`}
              aria-current={tab.key === current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-10 items-center rounded-md border px-3 text-sm whitespace-nowrap",
                tab.key === current
                  ? "border-brand-700 bg-brand-50 font-semibold text-brand-900"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
              )}
            >
              {M.tabs[tab.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from "next/link";

import { t } from "@/lib/i18n";
import { ROLE_MESSAGES } from "@/lib/role/messages";
import { UNIT_MESSAGES } from "@/lib/unit/messages";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "members", path: "/anggota", label: t.nav.members },
  { key: "roles", path: "/peran", label: ROLE_MESSAGES.title },
  { key: "units", path: "/unit", label: UNIT_MESSAGES.title },
  { key: "acting", path: "/plt", label: "Plt./Plh." },
  { key: "hours", path: "/jam-kerja", label: "Jam kerja" },
] as const;

/** The agency's administration: members, roles, units, acting officials, one tap apart. */
export function OrgTabs({ agencySlug, current }: { agencySlug: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Halaman administrasi instansi" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={`/a/${agencySlug}${tab.path}`}
              aria-current={tab.key === current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-10 items-center rounded-md border px-3 text-sm whitespace-nowrap",
                tab.key === current ? "border-brand-700 bg-brand-50 font-semibold text-brand-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

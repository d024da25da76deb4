import Link from "next/link";
import type { ReactNode } from "react";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { Building2, ChevronDown } from "@/components/ui/icons";
import { t } from "@/lib/i18n";

import { AgencyNav } from "./nav-links";

export interface ShellProps {
  agency: { slug: string; name: string; governmentName: string };
  user: { name: string; isPlatformAdmin: boolean };
  roleNames: string[];
  otherAgencies: { slug: string; name: string }[];
  nav: { href: string; label: string; also?: string[] }[];
  /** Shown above the page (a platform administrator's audited oversight). */
  notice?: ReactNode;
  children: ReactNode;
}

const navLabels = { menu: t.nav.menu, profile: t.nav.profile, signOut: t.auth.signOut };

/** The frame of every agency page: the agency's name first, then navigation, then the page. */
export function AgencyShell({ agency, user, roleNames, otherAgencies, nav, notice, children }: ShellProps) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white no-print">
        {/* One row on a phone (the agency, its switcher, the Menu button); from sm up the navigation wraps to a row of its own. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 px-4">
          <div className="mr-1 flex min-w-0 flex-1 items-center gap-3 py-2 sm:py-3">
            <Building2 aria-hidden className="size-8 shrink-0 text-brand-700" />
            <div className="min-w-0">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{agency.governmentName}</p>
              <p className="truncate font-semibold text-slate-900" data-testid="agency-name">
                {agency.name}
              </p>
            </div>
          </div>
          {otherAgencies.length > 0 ? (
            <details className="relative shrink-0">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-3 text-sm">
                {t.nav.switchAgency} <ChevronDown aria-hidden className="size-4" />
              </summary>
              <ul className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
                {otherAgencies.map((a) => (
                  <li key={a.slug}>
                    <Link href={`/a/${a.slug}`} className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                      {a.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="hidden shrink-0 text-right sm:block">
            <p className="text-sm font-medium">{user.name}</p>
            <p className="text-xs text-slate-600">{roleNames.join(", ")}</p>
          </div>
          <Link href="/profil" className="my-3 hidden min-h-11 shrink-0 items-center px-1 text-sm font-medium text-brand-700 underline sm:inline-flex">
            Profil
          </Link>
          <span className="hidden sm:contents">
            <SignOutButton label={t.auth.signOut} />
          </span>
          <AgencyNav labels={navLabels} items={user.isPlatformAdmin ? [...nav, { href: "/admin", label: t.nav.platformAdmin }] : nav} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-4 sm:py-6">
        {notice ? <div className="no-print mb-4">{notice}</div> : null}
        {children}
      </main>
    </div>
  );
}

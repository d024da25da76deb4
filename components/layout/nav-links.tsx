"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { cn } from "@/lib/utils";

type TNavItem = { href: string; label: string; also?: string[] };
/** The frame's words, from the server's dictionary (`t.nav`, `t.auth`): the dictionary stays out of the bundle. */
export type TNavLabels = { menu: string; profile: string; signOut: string };

function useCurrent(items: TNavItem[]) {
  const pathname = usePathname();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return items
    .flatMap((i) => [i.href, ...(i.also ?? [])].filter(under).map((path) => ({ href: i.href, length: path.length })))
    .sort((a, b) => b.length - a.length)[0]?.href;
}

/**
 * `also`: other paths that belong to the item (the members item covers roles and units too).
 * From the `sm` width up: a row of tabs. On a phone the row would scroll sideways and clip
 * its last tabs, so the same items open from a "Menu" button as a list of 44 px rows
 * (PhoneNav, placed in the header's top row).
 */
export function NavLinks({ items, labels }: { items: TNavItem[]; labels: TNavLabels }) {
  const current = useCurrent(items);
  return (
    <nav aria-label={labels.menu} className="mx-auto hidden max-w-6xl px-4 sm:block">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center border-b-2 px-3 text-sm whitespace-nowrap",
                item.href === current ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The phone's navigation: a disclosure ("Menu") listing every item as a full-width 44 px row. */
export function PhoneNav({ items, labels }: { items: TNavItem[]; labels: TNavLabels }) {
  const current = useCurrent(items);
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  // The header stays mounted across navigations: close the menu once a link has been followed,
  // or it would keep covering the page it opened.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <nav aria-label={labels.menu} className="sm:hidden">
      <details ref={menu} className="group relative">
        <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-3 text-sm font-medium">
          <Menu aria-hidden className="size-5" />
          {labels.menu}
        </summary>
        <ul className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={item.href === current ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center rounded px-3 text-base",
                  item.href === current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-800 hover:bg-slate-100",
                )}
              >
                {item.label}
              </Link>
            </li>
          ))}
          {/* On a phone the account's links live here too, so the header stays one row. */}
          <li className="mt-1 border-t border-slate-200 pt-1">
            <Link href="/profil" className="flex min-h-11 items-center rounded px-3 text-base text-slate-800 hover:bg-slate-100">
              {labels.profile}
            </Link>
          </li>
          <li>
            <SignOutButton label={labels.signOut} />
          </li>
        </ul>
      </details>
    </nav>
  );
}

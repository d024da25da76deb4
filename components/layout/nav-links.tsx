"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";

import { SignOutButton } from "@/components/auth/sign-out-button";

type TNavItem = { href: string; label: string; also?: string[] };
/** The frame's words, from the server's dictionary (`t.nav`, `t.auth`): the dictionary stays out of the bundle. */
export type TNavLabels = { menu: string; profile: string; signOut: string };

function useCurrent(items: TNavItem[]) {
  const pathname = usePathname() ?? "";
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return items
    .flatMap((i) => [i.href, ...(i.also ?? [])].filter(under).map((path) => ({ href: i.href, length: path.length })))
    .sort((a, b) => b.length - a.length)[0]?.href;
}

/**
 * The agency's navigation, one list for every width (docs/decisions/069-agency-frame-cost.md).
 * `also`: other paths that belong to the item (the members item covers roles and units too).
 * From the `sm` width up the list is a row of tabs under the header's top row; on a phone, where
 * that row would scroll sideways and clip its last tabs, the same list opens from a "Menu" button
 * as 44 px rows, with the account's links (Profil, Keluar) after it so the header stays one row.
 * Its look lives in app/globals.css (`.frame-nav`): a class per element instead of a class list per link.
 */
export function AgencyNav({ items, labels }: { items: TNavItem[]; labels: TNavLabels }) {
  const current = useCurrent(items);
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it (the header stays mounted across navigations).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn !== null && openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const close = () => setOpenOn(null);
  return (
    <nav
      aria-label={labels.menu}
      className="frame-nav"
      data-open={open || undefined}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        close();
        toggle.current?.focus();
      }}
    >
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpenOn(open ? null : pathname)}>
        <Menu aria-hidden className="size-5" />
        {labels.menu}
      </button>
      <ul id={listId}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? "page" : undefined} onClick={close}>
              {item.label}
            </Link>
          </li>
        ))}
        {/* On a phone the account's links live here too (the header shows its own from `sm` up); made when the menu opens. */}
        {open ? (
          <>
            <li className="frame-nav-account">
              <Link href="/profil" onClick={close}>
                {labels.profile}
              </Link>
            </li>
            <li className="frame-nav-account">
              <SignOutButton label={labels.signOut} />
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

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

/** Popovers (every browser since 2024); without them the script opens the list as decision 069 did (`data-open`). */
const hasPopovers = () => typeof HTMLElement.prototype.showPopover === "function";
const isShown = (list: HTMLElement | null) => hasPopovers() && list?.matches(":popover-open") === true;

/**
 * The agency's navigation, one list for every width (docs/decisions/069-agency-frame-cost.md).
 * `also`: other paths that belong to the item (the members item covers roles and units too).
 * From the `sm` width up the list is a row of tabs under the header's top row; on a phone, where
 * that row would scroll sideways and clip its last tabs, the same list opens from a "Menu" button
 * as 44 px rows, with the account's links (Profil, Keluar) after it so the header stays one row.
 * Its look lives in app/globals.css (`.frame-nav`): a class per element instead of a class list per link.
 *
 * On a phone the list is a popover the button opens by itself (`popovertarget`): the menu works
 * before this script arrives, or without it; the browser closes it on Escape and on a tap outside
 * (docs/decisions/078-frame-menu-and-dashboard.md). The script adds what needs it: `aria-expanded`,
 * the account's links, focus back on the button after Escape, closing after a navigation.
 */
export function AgencyNav({ items, labels }: { items: TNavItem[]; labels: TNavLabels }) {
  const current = useCurrent(items);
  const pathname = usePathname();
  // The list's state as the browser has it; null until this script runs (the server cannot know it).
  const [open, setOpen] = useState<boolean | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shownOn = useRef(pathname);
  const listId = useId();
  const close = () => {
    if (!hasPopovers()) setOpen(false);
    else if (isShown(list.current)) list.current?.hidePopover();
  };
  useEffect(() => {
    const ul = list.current;
    if (!ul) return;
    // Opened before the script arrived: take it as it is.
    const sync = () => setOpen(isShown(ul));
    sync();
    ul.addEventListener("toggle", sync);
    // Turned into a laptop's width (a phone turned sideways): the list is the row of tabs again, not a drop-down.
    const wide = window.matchMedia("(width >= 40rem)");
    const hide = () => wide.matches && close();
    wide.addEventListener("change", hide);
    return () => {
      ul.removeEventListener("toggle", sync);
      wide.removeEventListener("change", hide);
    };
  }, []);
  useEffect(() => {
    // Another page (a link, the browser's back button): the menu closes (the header stays mounted across navigations).
    if (shownOn.current === pathname) return;
    shownOn.current = pathname;
    close();
  }, [pathname]);
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
      <button
        ref={toggle}
        type="button"
        popoverTarget={listId}
        aria-expanded={open ?? undefined}
        aria-controls={listId}
        onClick={() => {
          if (!hasPopovers()) setOpen(!open);
        }}
      >
        <Menu aria-hidden className="size-5" />
        {labels.menu}
      </button>
      <ul ref={list} id={listId} popover="auto">
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

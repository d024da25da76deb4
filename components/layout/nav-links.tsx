"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { t } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/** `also`: other paths that belong to the item (the members item covers roles and units too). */
export function NavLinks({ items }: { items: { href: string; label: string; also?: string[] }[] }) {
  const pathname = usePathname();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = items
    .flatMap((i) => [i.href, ...(i.also ?? [])].filter(under).map((path) => ({ href: i.href, length: path.length })))
    .sort((a, b) => b.length - a.length)[0]?.href;
  return (
    <nav aria-label={t.nav.menu} className="mx-auto max-w-6xl overflow-x-auto px-4">
      <ul className="flex gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-3 py-2 text-sm whitespace-nowrap",
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

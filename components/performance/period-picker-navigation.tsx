"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The period picker's behaviour with JavaScript (components/performance/period-picker.tsx, a
 * server component): a change of any of its selects submits the form, and the GET address the
 * browser would load (the action with the form's fields as its query) is opened inside the app,
 * as next/form did. Renders an empty, hidden span to find its form.
 */
export function PeriodPickerNavigation({ action }: { action: string }) {
  const router = useRouter();
  const mark = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = mark.current?.closest("form");
    if (!form) return;
    const change = (e: Event) => {
      if (e.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const url = new URL(action, window.location.href);
      url.search = "";
      for (const [name, value] of new FormData(form)) url.searchParams.append(name, typeof value === "string" ? value : value.name);
      router.push(`${url.pathname}${url.search}`);
    };
    form.addEventListener("change", change);
    form.addEventListener("submit", submit);
    return () => {
      form.removeEventListener("change", change);
      form.removeEventListener("submit", submit);
    };
  }, [action, router]);
  return <span ref={mark} hidden />;
}

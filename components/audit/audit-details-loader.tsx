"use client";

import { useEffect } from "react";

/** The label/value pairs and the event's recorded data (app/a/[agencySlug]/audit/events/[eventId]/route.ts). */
export interface TAuditEventDetail {
  items: [string, string][];
  data: string | null;
}

/**
 * One listener for the whole log (never a client component per row): when an
 * auditor opens a row's <details data-src>, its body is fetched from the
 * event's route and written with textContent (no HTML from the server).
 * Closed rows cost the page nothing (decision 051).
 */
export function AuditDetailsLoader({ loading, failed }: { loading: string; failed: string }) {
  useEffect(() => {
    const onToggle = (event: Event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.src || details.dataset.state) return;
      const body = details.querySelector<HTMLElement>("[data-body]");
      if (!body) return;
      details.dataset.state = "loading";
      body.textContent = loading;
      fetch(details.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(async (res) => {
          if (!res.ok) throw new Error(String(res.status));
          const detail = (await res.json()) as TAuditEventDetail;
          const dl = document.createElement("dl");
          for (const [label, value] of detail.items) {
            const dt = document.createElement("dt");
            dt.textContent = label;
            const dd = document.createElement("dd");
            dd.textContent = value;
            dl.append(dt, dd);
          }
          const nodes: Node[] = [dl];
          if (detail.data) {
            const pre = document.createElement("pre");
            pre.textContent = detail.data;
            nodes.push(pre);
          }
          body.replaceChildren(...nodes);
          details.dataset.state = "done";
        })
        .catch(() => {
          body.textContent = failed;
          // Closing and opening again retries.
          delete details.dataset.state;
        });
    };
    document.addEventListener("toggle", onToggle, true);
    return () => document.removeEventListener("toggle", onToggle, true);
  }, [loading, failed]);
  return null;
}

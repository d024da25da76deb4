"use client";

import { useEffect } from "react";

/** The label/value pairs and the event's recorded data (app/a/[agencySlug]/audit/events/[eventId]/route.ts). */
export interface TAuditEventDetail {
  items: [string, string][];
  data: string | null;
}

/**
 * One listener for the whole log (never a client component per row): when an
 * auditor opens a row's <details data-id>, its body (the details' <div>) is fetched
 * from the event's route, `${events}${id}`, and written with textContent (no HTML
 * from the server). Closed rows cost the page nothing (decision 051); a row carries
 * the event's id, not the whole route (decision 075).
 */
export function AuditDetailsLoader({ events, loading, failed }: { events: string; loading: string; failed: string }) {
  useEffect(() => {
    const onToggle = (event: Event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.id || details.dataset.state) return;
      const body = details.querySelector<HTMLElement>(":scope > div");
      if (!body) return;
      details.dataset.state = "loading";
      body.textContent = loading;
      fetch(`${events}${encodeURIComponent(details.dataset.id)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" })
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
  }, [events, loading, failed]);
  return null;
}

"use client";

import dynamic from "next/dynamic";

/** Follow-up forms and items, fetched only on a page that renders them (docs/decisions/039-lean-first-load.md). */
export const FollowUpForm = dynamic(() => import("./followup-form").then((m) => m.FollowUpForm));
export const FollowUpItem = dynamic(() => import("./followup-item").then((m) => m.FollowUpItem));

"use client";

import dynamic from "next/dynamic";

/**
 * The cycle page's forms, each in a chunk of its own that the browser fetches only when the page
 * renders it: the task panel's forms (plain React forms: work-task-form.tsx, decision-task-form.tsx) for the
 * step's holder, the meeting invitation for a joint meeting's holder, the cancel form for who may
 * cancel. A reader (the head with nothing to do, an auditor) loads none. Server-rendered as before
 * (the HTML has the form; the chunk hydrates it). The panel around the forms (what is decided on,
 * the documents, the refusals) is a server component: no JS at all.
 * docs/decisions/039-lean-first-load.md
 */
export const WorkTaskForm = dynamic(() => import("./work-task-form").then((m) => m.WorkTaskForm));
export const DecisionTaskForm = dynamic(() => import("./decision-task-form").then((m) => m.DecisionTaskForm));
export const MeetingInvitationForm = dynamic(() => import("./meeting-invitation-form").then((m) => m.MeetingInvitationForm));
// The work under review as versions (a revision): only where there is a previous version.
export const UnderReviewVersions = dynamic(() => import("./file-versions").then((m) => m.UnderReviewVersions));
export const CancelCycleForm = dynamic(() => import("./cancel-cycle-form").then((m) => m.CancelCycleForm));

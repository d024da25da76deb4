"use client";

import dynamic from "next/dynamic";

/**
 * The cycle page's forms, each in a chunk of its own that the browser fetches only when the page
 * renders it: the task panel (react-hook-form, zod, the confirm dialog) for the step's holder, the
 * cancel form for who may cancel. A reader (the head with nothing to do, an auditor) loads
 * neither. Server-rendered as before (the HTML has the form; the chunk hydrates it).
 * docs/decisions/039-lean-first-load.md
 */
export const TaskActionPanel = dynamic(() => import("./task-action-panel").then((m) => m.TaskActionPanel));
export const CancelCycleForm = dynamic(() => import("./cancel-cycle-form").then((m) => m.CancelCycleForm));

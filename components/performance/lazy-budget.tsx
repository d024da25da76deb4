"use client";

import dynamic from "next/dynamic";

/** The budget entry (react-hook-form, zod), fetched only where the recap renders it: for Tim SAKIP and the administrator (docs/decisions/039-lean-first-load.md). */
export const BudgetEntry = dynamic(() => import("./budget-form").then((m) => m.BudgetEntry));

"use client";

import dynamic from "next/dynamic";

/**
 * The SOP page's sign and scan controls, fetched only where the page renders them (the head, on
 * the SOP in force): everyone else reading an SOP no longer downloads them with the page
 * (first-load JS budget 160 kB, docs/decisions/052-recap-and-sop-lean.md, as in 039).
 */
export const SignSopButton = dynamic(() => import("./document-signing").then((m) => m.SignSopButton));
export const WetScanUpload = dynamic(() => import("./document-signing").then((m) => m.WetScanUpload));

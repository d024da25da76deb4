"use client";

import dynamic from "next/dynamic";

/**
 * The documents' sign and scan controls (./document-signing.tsx: the sign button with its confirm
 * dialog, the wet-signed scan upload), fetched only where a page renders them (the head, on the SOP
 * in force, a completed cycle's timeline, the year's LKjIP): everyone else reading those pages no
 * longer downloads them with the page (first-load JS budget 160 kB, decisions 052 and
 * 066-recap-timeline-render-cost.md, as in 039). The server still renders their HTML.
 */
export const SignSopButton = dynamic(() => import("./document-signing").then((m) => m.SignSopButton));
export const SignArchiveRecordButton = dynamic(() => import("./document-signing").then((m) => m.SignArchiveRecordButton));
export const SignLkjipButton = dynamic(() => import("./document-signing").then((m) => m.SignLkjipButton));
export const WetScanUpload = dynamic(() => import("./document-signing").then((m) => m.WetScanUpload));

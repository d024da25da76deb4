import { id } from "./id";

/** The UI language. English (lib/i18n/en.ts) can be switched in here later. */
export const t = id;
export type { TMessages } from "./id";

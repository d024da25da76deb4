import { z } from "zod";

import { id } from "./id";

/** The UI language. English (lib/i18n/en.ts) can be switched in here later. */
export const t = id;
export type { TMessages } from "./id";

// zod's own messages (those a schema does not set itself) in the UI language too:
// they reach forms and action results as field errors.
z.config(z.locales.id());

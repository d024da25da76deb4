/**
 * zod's own messages (those a schema does not set itself) in Indonesian: they
 * reach forms and server action results as field errors. Imported for its
 * effect by the action wrappers (server) and by the form resolver (browser);
 * only the Indonesian locale is loaded, and only where zod already is.
 */
import { z } from "zod";
import zodIndonesian from "zod/v4/locales/id.js";

z.config(zodIndonesian());

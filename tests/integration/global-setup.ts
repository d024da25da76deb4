import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** PGlite serves one query at a time: a race cannot happen there, so concurrency tests skip it. */
    embeddedDatabase: boolean;
  }
}

/**
 * The same suite runs on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, a
 * database the caller created for the run) or, with neither set, on a fresh
 * embedded PGlite database in a temporary folder.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "alur-test-db-"));
    embedded = await startEmbeddedDatabase({ dataDir });
    url = embedded.url;
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("embeddedDatabase", Boolean(embedded));
  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

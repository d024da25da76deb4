import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

import { integrationWorkers } from "./workers";

declare module "vitest" {
  export interface ProvidedContext {
    /** One database per test worker (index = VITEST_POOL_ID - 1). */
    databaseUrls: string[];
    /** PGlite serves one query at a time: a race cannot happen there, so concurrency tests skip it. */
    embeddedDatabase: boolean;
  }
}

/**
 * The same suite runs on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, a
 * database the caller created for the run) or, with neither set, on a fresh
 * embedded PGlite database in a temporary folder.
 *
 * On PostgreSQL the files run in parallel: the given database is migrated
 * once, then copied (CREATE DATABASE … TEMPLATE) into one database per
 * worker, "<name>_w1", "<name>_w2", …, dropped again at the end. Each worker
 * runs its files one after another in its own database, exactly as the whole
 * suite does in the single embedded database.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "alur-test-db-"));
    embedded = await startEmbeddedDatabase({ dataDir });
    await applyMigrations(embedded.url);
    project.provide("databaseUrls", [embedded.url]);
    project.provide("embeddedDatabase", true);
    return async () => {
      await embedded?.stop();
      await rm(dataDir!, { recursive: true, force: true });
    };
  }

  await applyMigrations(serverUrl);
  const base = new URL(serverUrl);
  const baseName = decodeURIComponent(base.pathname.slice(1));
  const names = Array.from({ length: integrationWorkers() }, (_, i) => `${baseName}_w${i + 1}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  try {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  // A template must have no other sessions: copy from the maintenance database.
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const copier = new pg.Client({ connectionString: maintenance.toString() });
  await copier.connect();
  try {
    for (const name of names) await copier.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(baseName)}`);
  } finally {
    await copier.end();
  }
  project.provide(
    "databaseUrls",
    names.map((name) => {
      const url = new URL(serverUrl);
      url.pathname = `/${encodeURIComponent(name)}`;
      return url.toString();
    }),
  );
  project.provide("embeddedDatabase", false);
  return async () => {
    const dropper = new pg.Client({ connectionString: maintenance.toString() });
    await dropper.connect();
    try {
      for (const name of names) await dropper.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
}

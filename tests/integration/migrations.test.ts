import { readFile } from "node:fs/promises";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadIntoScratchSchema, snapshotCatalog } from "@/lib/db/drift";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { diffDatamodels } from "@/lib/db/prisma-wasm-cli";

const url = process.env.DATABASE_URL!;
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client.query('DROP SCHEMA IF EXISTS "drift_expected" CASCADE');
  await client.end();
});

describe("migrations", () => {
  it("build exactly the database that schema.prisma describes (no drift)", async () => {
    const schema = await readFile("prisma/schema.prisma", "utf8");
    const expectedSql = await diffDatamodels(null, schema, url);
    await loadIntoScratchSchema(client, "drift_expected", expectedSql);

    const migrated = await snapshotCatalog(client, "public");
    const expected = await snapshotCatalog(client, "drift_expected");
    expect(migrated.enums).toEqual(expected.enums);
    expect(migrated.columns).toEqual(expected.columns);
    expect(migrated.indexes).toEqual(expected.indexes);
    expect(migrated.constraints).toEqual(expected.constraints);
    expect(migrated.columns.length).toBeGreaterThan(20);
  }, 120_000);

  it("are recorded the way Prisma Migrate records them, and re-running applies nothing", async () => {
    const files = await readMigrations();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum })));
    expect(await applyMigrations(url)).toEqual([]);
  });
});

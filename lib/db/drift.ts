import pg from "pg";

/**
 * Compares the catalog of two schemas in one database: tables, columns,
 * enums, indexes and constraints. The drift test loads the SQL that Prisma
 * derives from schema.prisma into a scratch schema and compares it with the
 * schema our migrations built. Triggers and functions are not part of the
 * Prisma datamodel (the audit trigger lives only in migrations) and are not
 * compared, nor are indexes named "manual_…", which migrations add by hand
 * where schema.prisma cannot express them (partial unique indexes).
 */
export interface CatalogSnapshot {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
}

export async function snapshotCatalog(client: pg.Client, schema: string): Promise<CatalogSnapshot> {
  const strip = (s: string) => s.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "");
  const columns = await client.query<{ r: string }>(
    `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' ||
            coalesce(character_maximum_length::text, '') || ' ' || coalesce(datetime_precision::text, '') || ' ' ||
            coalesce(numeric_precision::text || ',' || numeric_scale::text, '') || ' ' ||
            coalesce(column_default, '') AS r
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`,
    [schema],
  );
  const enums = await client.query<{ r: string }>(
    `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS r
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const indexes = await client.query<{ r: string }>(
    `SELECT indexdef AS r FROM pg_indexes
      WHERE schemaname = $1 AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'manual\\_%'`,
    [schema],
  );
  const constraints = await client.query<{ r: string }>(
    `SELECT cl.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS r
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = $1 AND cl.relname <> '_prisma_migrations'`,
    [schema],
  );
  const sorted = (rows: { r: string }[]) => rows.map((x) => strip(x.r)).sort();
  return {
    columns: sorted(columns.rows),
    enums: sorted(enums.rows),
    indexes: sorted(indexes.rows),
    constraints: sorted(constraints.rows),
  };
}

/** Loads `sql` (unqualified DDL, as Prisma writes it) into a fresh schema `name`. */
export async function loadIntoScratchSchema(client: pg.Client, name: string, sql: string): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await client.query(`CREATE SCHEMA "${name}"`);
  const body = sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, "");
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL search_path TO "${name}"`);
    await client.query(body);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

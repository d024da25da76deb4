/**
 * How many integration test files run at once. On the embedded database one
 * (PGlite serves one query at a time); on PostgreSQL ALUR_IT_WORKERS, by
 * default 3: the files wait on the database more than on the CPU, so even a
 * 2-core machine gains from a third.
 */
export function integrationWorkers(): number {
  const onServer = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  if (!onServer) return 1;
  const wanted = Number(process.env.ALUR_IT_WORKERS ?? 3);
  return Number.isInteger(wanted) && wanted >= 1 ? wanted : 3;
}

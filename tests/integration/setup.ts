import { inject } from "vitest";

// Each worker has its own database (see global-setup.ts); VITEST_POOL_ID is 1..maxWorkers.
const urls = inject("databaseUrls");
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.DATABASE_URL = urls[(worker - 1) % urls.length];
process.env.DATABASE_POOL_MAX ??= "4";

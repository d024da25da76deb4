/**
 * Starts the app for the end-to-end run on a fresh database: a new embedded
 * folder, or, when DATABASE_URL names a PostgreSQL database, a fresh sibling
 * database "<name>_e2e" on the same server. Then hands over to `npm start`
 * (one web process on the embedded database, one per core on PostgreSQL).
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";

import pg from "pg";

const port = process.argv[2] ?? "3100";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1)}_e2e`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  await rm(".data/e2e", { recursive: true, force: true });
  env.ALUR_DATA_DIR = ".data/e2e";
  // One web process: the embedded database answers one query at a time, so a second process
  // adds no throughput, only its own start-up and warm-up of every route (docs/decisions/056-ci-duration.md).
  // On PostgreSQL the journeys keep one process per core, so the cluster path stays exercised.
  env.ALUR_WEB_PROCESSES ??= "1";
}

// Agencies nobody seeded (tests/fixtures/fresh-agencies.ts), set up before the app opens the database.
await new Promise<void>((resolve, reject) => {
  const setup = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/e2e/fresh-agencies-setup.ts"], { stdio: "inherit", env });
  setup.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`fresh agencies setup failed (${code})`))));
});

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/start.ts", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));

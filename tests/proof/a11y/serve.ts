/**
 * Starts the app for the accessibility journeys: a fresh PostgreSQL database
 * named by A11Y_DATABASE, one per run (dropped again by global-teardown.ts; a copy of the proof
 * run's seeded database when there is one), then `npm start` (migrations, demo
 * data unless copied, build when stale) on the given port.
 */
import { spawn } from "node:child_process";

import pg from "pg";

import { a11yDatabase, a11yDatabaseUrl, pgAdminUrl } from "./support";

const port = process.argv[2] ?? "4400";
const admin = new pg.Client({ connectionString: pgAdminUrl() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${a11yDatabase()}" WITH (FORCE)`);
// Under `npm run proof`, a copy of the run's seeded database (tests/support/server.ts); otherwise `npm start` seeds it.
const template = process.env.PROOF_SEEDED_TEMPLATE?.replace(/[^a-zA-Z0-9_]/g, "_");
await admin.query(`CREATE DATABASE "${a11yDatabase()}"${template ? ` TEMPLATE "${template}"` : ""}`);
await admin.end();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: a11yDatabaseUrl(),
  NEXTAUTH_SECRET: "alur-proof-a11y-secret-not-for-production",
  NEXTAUTH_URL: `http://localhost:${port}`,
  ...(template ? { ALUR_DEMO_DATA: "false" } : {}),
};
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/start.ts", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));

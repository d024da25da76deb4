import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import lockfile from "proper-lockfile";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its
 * data in a folder, served over the PostgreSQL wire protocol on loopback so
 * the app talks to it through the same pg adapter it uses for a real server.
 *
 * Exactly one process may own a data folder: two owners silently lose writes
 * (ENVIRONMENT.md). The folder is locked for as long as this process runs.
 */
export const DEFAULT_DATA_DIR = path.join(process.cwd(), ".data", "pglite");

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `Folder data ${dataDir} sedang dipakai oleh proses lain${ownerPid ? ` (PID ${ownerPid})` : ""}. ` +
        `Hanya satu proses yang boleh membuka basis data tertanam. Hentikan proses itu dulu, ` +
        `atau gunakan folder lain dengan ALUR_DATA_DIR. ` +
        `(The embedded data folder is in use by another process; refusing to open it twice.)`,
    );
    this.name = "DataDirInUseError";
  }
}

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const pidFile = path.join(dataDir, "..", `${path.basename(dataDir)}.owner`);
  const options = { stale: 10_000, update: 2_000, realpath: false };
  try {
    const release = await lockfile.lock(dataDir, options);
    await writeFile(pidFile, String(process.pid));
    return release;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const ownerPid = Number(await readFile(pidFile, "utf8").catch(() => "")) || null;
    if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) throw new DataDirInUseError(dataDir, ownerPid);
    // The previous owner died without releasing: the lock turns stale within
    // `stale` ms, so wait for it rather than breaking a live owner's lock.
    const release = await lockfile
      .lock(dataDir, { ...options, retries: { retries: 15, minTimeout: 1_000, maxTimeout: 1_000 } })
      .catch(() => {
        throw new DataDirInUseError(dataDir, ownerPid);
      });
    await writeFile(pidFile, String(process.pid));
    return release;
  }
}

export async function startEmbeddedDatabase({
  dataDir = process.env.ALUR_DATA_DIR ? path.resolve(process.env.ALUR_DATA_DIR) : DEFAULT_DATA_DIR,
  port = 0,
  maxConnections = 32,
}: {
  /** A folder, or "memory://" for a throwaway database. */
  dataDir?: string;
  port?: number;
  maxConnections?: number;
} = {}): Promise<EmbeddedDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const release = inMemory ? async () => {} : await lockDataDir(dataDir);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ dataDir });
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections });
    await server.start();
    const conn = server.getServerConn();
    const db = pglite;
    return {
      url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
      dataDir,
      async stop() {
        await server.stop();
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => {});
    await release();
    throw error;
  }
}

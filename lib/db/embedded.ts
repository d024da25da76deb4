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
    keepExtendedQueriesTogether(server, pglite);
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

interface TQueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface TQueryQueue {
  queue: TQueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** Frontend messages that end a unit of work: Sync, simple Query, Terminate. */
const UNIT_END = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket (0.2.x) serves all connections from PGlite's one session
 * through a queue of single protocol messages, keeping a connection's turn
 * only while a transaction is open. The extended protocol (Parse, Bind,
 * Describe, Execute … Sync) is outside that rule: with two connections
 * sending at once (graphile-worker's pool beside the app's), one
 * connection's Bind could follow another's Parse ("bind message supplies 2
 * parameters, but prepared statement requires 1", SQLSTATE 08P01). This keeps
 * a connection's turn from its first extended-protocol message up to its Sync
 * as well, so every unit of work reaches PGlite whole. Same queue, same
 * fields; only the choice of the next message changes.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, db: PGlite) {
  const queue = (server as unknown as { queryQueue: TQueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function") {
    throw new Error("pglite-socket changed: the embedded database's connection queue is not where lib/db/embedded.ts expects it");
  }
  /** The connection whose unit of work (an extended query before its Sync) is still open, if any. */
  let open: number | null = null;
  queue.processQueue = async function processQueue(this: TQueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = open ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // the owner's next message will call processQueue again
        const [item] = this.queue.splice(index, 1) as [TQueuedMessage];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          open = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0]!;
        // A startup message starts with its length (first byte 0): a unit of its own.
        open = type === 0 || UNIT_END.has(type) ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    // A connection that left in the middle of an extended query gives up its turn.
    if (open === handlerId) open = null;
    await clear(handlerId);
    await queue.processQueue();
  };
}

import "server-only";

import { BUSY_MESSAGE, RENDER_GATE_DEFAULTS, renderGateConfig } from "@/lib/cli/render-gate.mjs";
import { isConnectionFailure } from "@/lib/db/busy";

/**
 * A server that is busy says so (docs/decisions/074-busy-database.md). When the database cannot
 * give a connection in time (the pool is empty for DATABASE_CONNECT_TIMEOUT_MS, or the server is
 * unreachable), a route answers 503 with Retry-After and the same Indonesian message as the render
 * gate, and a server action answers it with code BUSY: nothing was written (the transaction never
 * began or was rolled back), and the person is told to try again, not that something broke.
 */
export { BUSY_MESSAGE };

/** The database could not serve the request for now: no connection in time, or none at all. */
export const isDatabaseBusy = (error: unknown): boolean => isConnectionFailure(error);

const BUSY_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  "Retry-After": String(RENDER_GATE_DEFAULTS.retryAfterSeconds),
} as const;

export function busyResponse(): Response {
  return Response.json({ error: BUSY_MESSAGE }, { status: 503, headers: BUSY_HEADERS });
}

/** One line, no stack: a busy pool is an operating condition, not a bug. */
export function logBusy(where: string, error: unknown) {
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && (inner as { cause?: unknown })?.cause; depth++) inner = (inner as { cause: unknown }).cause;
  const reason = inner instanceof Error ? inner.message.split("\n").at(-1) : String(inner);
  console.warn(`[busy] ${where}: database unavailable (${reason?.slice(0, 200)})`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` again after a short pause when the database was busy, up to `attempts` times in all.
 * For the steps of a download already under way (its status line is sent, so a failure now would
 * cut the file): each step is a read, safe to repeat.
 */
export async function retryWhenBusy<T>(fn: () => Promise<T>, attempts = 4, pauseMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isDatabaseBusy(error)) throw error;
      logBusy(`download step, attempt ${attempt} of ${attempts}`, error);
      await sleep(pauseMs * attempt);
    }
  }
}

/**
 * Places for generated downloads in this web process (ALUR_EXPORT_CONCURRENCY): a CSV of the whole
 * audit log, a ZIP package or a PDF takes seconds of CPU and many queries, and the render gate lets
 * up to ALUR_RENDER_CONCURRENCY requests in at once. Without this bound, a few auditors exporting at
 * the same time took every connection of the pool and every page of the process waited behind them.
 * A download beyond the limit waits its turn (FIFO) up to ALUR_EXPORT_WAIT_MS, then is told the
 * server is busy.
 */
export class Places {
  private used = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(
    readonly limit: number,
    readonly waitMs: number,
  ) {}

  /** A release function, or null when no place came free within the wait. */
  async take(): Promise<(() => void) | null> {
    if (this.used < this.limit) return this.grant();
    if (this.waitMs === 0) return null;
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.grant());
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        resolve(null);
      }, this.waitMs);
      this.waiting.push(entry);
    });
  }

  get inUse(): number {
    return this.used;
  }

  private grant(): () => void {
    this.used++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used--;
      const next = this.waiting.shift();
      if (next) next.grant();
    };
  }
}

const globalPlaces = globalThis as unknown as { alurDownloadPlaces?: Places };

function downloadPlaces(): Places {
  if (!globalPlaces.alurDownloadPlaces) {
    const config = renderGateConfig(process.env);
    globalPlaces.alurDownloadPlaces = new Places(config.downloadLimit, config.downloadWaitMs);
  }
  return globalPlaces.alurDownloadPlaces;
}

/** The same body, calling `done` once when it is read to the end, fails, or its reader goes away. */
export function onBodyDone(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          done();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    async cancel(reason) {
      done();
      await reader.cancel(reason);
    },
  });
}

/**
 * Runs a download handler in one of the process's download places and keeps the place until its
 * file has been sent (or the client has gone). No place within the wait: 503, busy, and the
 * handler never runs (so no export is recorded that was not given).
 */
export async function inDownloadPlace(produce: () => Promise<Response>): Promise<Response> {
  const release = await downloadPlaces().take();
  if (!release) return busyResponse();
  let response: Response;
  try {
    response = await produce();
  } catch (error) {
    release();
    throw error;
  }
  if (!response.body) {
    release();
    return response;
  }
  return new Response(onBodyDone(response.body, release), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * A page render that met a busy database answers 503 with Retry-After, not 500
 * (docs/decisions/079-busy-page.md).
 *
 * Next decides a page's status itself: when a server component throws before the page's first byte
 * is written (here: always, no page streams a part of itself later behind a Suspense boundary),
 * Next writes 500 and its error document; nothing in the render can ask for another status. So
 * the web process (lib/cli/web-process.mjs) keeps one small record per request, in an
 * AsyncLocalStorage entered around Next's handler; the database pool marks the record when it
 * cannot give a connection (lib/db/busy.ts); and when Next then writes the status line of that
 * request as 500, it is written as 503 with Retry-After. Nothing is buffered: the body streams as
 * before, only the status line and one header change at the moment Next writes them. A request
 * that met a busy database but ends in anything other than 500 (it retried, fell back to the
 * primary, or caught the error and answered itself) keeps its status.
 *
 * Plain JavaScript: the production web process runs without tsx. The record's storage is kept on
 * globalThis under a registered symbol, so the app's bundled copy of this module (imported by the
 * pool) and the web process's own copy share it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const RECORDS = Symbol.for("alur.busyRender");

/** @typedef {{ busy: boolean }} BusyRecord */

/** @returns {AsyncLocalStorage<BusyRecord>} */
function records() {
  const holder = /** @type {{ [RECORDS]?: AsyncLocalStorage<BusyRecord> }} */ (globalThis);
  return (holder[RECORDS] ??= new AsyncLocalStorage());
}

/** The request being served met a busy database. Outside a request (scripts, jobs), nothing happens. */
export function markBusyRender() {
  const holder = /** @type {{ [RECORDS]?: AsyncLocalStorage<BusyRecord> }} */ (globalThis);
  const record = holder[RECORDS]?.getStore();
  if (record) record.busy = true;
}

/** The status to write, pure: a 500 of a request that met a busy database is a 503. @param {number} statusCode @param {boolean} busy */
export function busyStatus(statusCode, busy) {
  return busy && statusCode === 500 ? 503 : statusCode;
}

/**
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Listener
 * @param {Listener} listener Next's request listener
 * @param {number} retryAfterSeconds
 * @returns {Listener}
 */
export function answerBusyRenders(listener, retryAfterSeconds) {
  const storage = records();
  return (req, res) => {
    /** @type {BusyRecord} */
    const record = { busy: false };
    const writeHead = res.writeHead;
    // Node writes every status line through writeHead, the implicit one of a first write() or end() too.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
        const status = busyStatus(statusCode, record.busy);
        if (status !== statusCode) {
          if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
          res.setHeader("Retry-After", String(retryAfterSeconds));
        }
        return writeHead.call(res, status, ...rest);
      }
    );
    return storage.run(record, listener, req, res);
  };
}

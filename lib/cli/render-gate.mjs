/**
 * A bound on the requests one web process works on at once (docs/decisions/059-render-gate.md).
 *
 * Every request in flight holds its render's data (5–7 MB of payload, HTML and buffers under
 * load) until its response is done; at 32 concurrent renders that live set, and the garbage V8
 * lets pile up around it, is what pushed a process past 500 MB RSS. CPU is the bottleneck long
 * before 32 clients, so rendering more pages at once only makes each one slower: the gate lets
 * `limit` requests into Next's handler and puts the rest in a FIFO queue. A full queue, or a wait
 * longer than `timeoutMs`, answers 503 with Retry-After and a short Indonesian message instead of
 * holding more memory. /api/health (the load balancer's probe) and /_next/static (files, no
 * render) pass straight through.
 *
 * A request with a body (server actions, sign-in, uploads) takes its place in the same queue only
 * once its whole body has arrived (docs/decisions/085-action-gate.md): a place held while a slow
 * client sends its body would stop every page of the process (four connections that never finish
 * theirs would stop them for good). Node's parser keeps a body that fits in the request's read
 * buffer (`readableHighWaterMark`, 16 KB on Node 20) without anyone reading it, and sets
 * `req.complete` when the last byte is in; the gate looks, on each 'readable', whether it is, and
 * reads nothing: Next reads the body from the start. A server action posts a few hundred bytes to
 * a few kB. A body announced larger than that buffer (uploads, file imports) or without a length
 * would stop the parser before its end, and passes straight through as before. A place is free
 * once Next has written the whole response ('finish'), not when a slow client has read it.
 *
 * Plain JavaScript: it runs inside the production web process (lib/cli/web-process.mjs), which
 * starts without tsx; `npm start` (lib/cli/start.ts) imports renderGateConfig to refuse a bad
 * setting before it forks anything.
 */

import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS } from "./busy.mjs";

/** What a client that is turned away reads (UI text is Indonesian): lib/cli/busy.mjs, shared by every busy answer. */
export { BUSY_MESSAGE };

/** Defaults, measured in docs/decisions/059-render-gate.md. */
export const RENDER_GATE_DEFAULTS = Object.freeze({ limit: 8, queueLimit: 128, timeoutMs: 30_000, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS, downloadLimit: 3, downloadWaitMs: 20_000 });

export class RenderGateConfigError extends Error {}

/**
 * @param {string | undefined} raw
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function integer(raw, name, fallback, min, max) {
  const text = raw?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RenderGateConfigError(`${name} harus bilangan bulat ${min}–${max}, bukan "${text}".`);
  }
  return value;
}

/**
 * The gate's settings from the environment:
 *  - ALUR_RENDER_CONCURRENCY: requests in Next's handler at once per web process (0 = no limit);
 *  - ALUR_RENDER_QUEUE: requests waiting beyond those (0 = none wait: answer 503 at once);
 *  - ALUR_RENDER_QUEUE_TIMEOUT_MS: the longest wait before a 503;
 *  - ALUR_EXPORT_CONCURRENCY: generated downloads (CSV, PDF, XLSX, DOCX, ZIP) produced at once per
 *    web process, inside the render limit (lib/http/busy.ts, docs/decisions/074-busy-database.md);
 *  - ALUR_EXPORT_WAIT_MS: the longest a download waits for its turn before a 503.
 * @param {Record<string, string | undefined>} env
 */
export function renderGateConfig(env) {
  return {
    limit: integer(env.ALUR_RENDER_CONCURRENCY, "ALUR_RENDER_CONCURRENCY", RENDER_GATE_DEFAULTS.limit, 0, 10_000),
    queueLimit: integer(env.ALUR_RENDER_QUEUE, "ALUR_RENDER_QUEUE", RENDER_GATE_DEFAULTS.queueLimit, 0, 100_000),
    timeoutMs: integer(env.ALUR_RENDER_QUEUE_TIMEOUT_MS, "ALUR_RENDER_QUEUE_TIMEOUT_MS", RENDER_GATE_DEFAULTS.timeoutMs, 1, 600_000),
    retryAfterSeconds: RENDER_GATE_DEFAULTS.retryAfterSeconds,
    downloadLimit: integer(env.ALUR_EXPORT_CONCURRENCY, "ALUR_EXPORT_CONCURRENCY", RENDER_GATE_DEFAULTS.downloadLimit, 1, 1_000),
    downloadWaitMs: integer(env.ALUR_EXPORT_WAIT_MS, "ALUR_EXPORT_WAIT_MS", RENDER_GATE_DEFAULTS.downloadWaitMs, 0, 600_000),
  };
}

/**
 * Requests that never wait: the health probe, built static files, and a body the request's read
 * buffer cannot hold whole (larger than it, or of unknown length: chunked).
 * @param {import("node:http").IncomingMessage} req
 */
function bypasses(req) {
  const pathname = (req.url ?? "/").split("?", 1)[0];
  if (pathname === "/api/health" || pathname.startsWith("/_next/static/") || pathname === "/favicon.ico") return true;
  if (!hasBody(req)) return false;
  const length = Number(req.headers["content-length"]);
  return req.headers["transfer-encoding"] !== undefined || !Number.isInteger(length) || length > req.readableHighWaterMark;
}

/**
 * Whether the request carries a body (RFC 9112 §6.3: a Transfer-Encoding, or a Content-Length above
 * zero). A POST with `Content-Length: 0` (fetch and browsers send one for a POST without a body) has
 * none and must not wait for one: at the end of an empty body, the 'readable' look in
 * `whenBodyArrived` leaves the stream in a state where a reader that comes later (Next's, after its
 * own awaits) never gets 'end', and the request would hang (tests/unit/render-gate.test.ts).
 * @param {import("node:http").IncomingMessage} req
 */
const hasBody = (req) => req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0;

/**
 * Calls `then` once the whole body of `req` has arrived, without reading it: the parser pushes each
 * part into the request's buffer and sets `complete` after the last; a 'readable' listener follows
 * that (and is removed before Next sees the request, which leaves the stream as it found it:
 * paused, nothing read). Not at all if the client goes first (`res` 'close').
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {() => void} then
 */
function whenBodyArrived(req, res, then) {
  if (req.complete) return then();
  const check = () => {
    if (!req.complete) return;
    req.removeListener("readable", check);
    res.removeListener("close", gone);
    then();
  };
  const gone = () => req.removeListener("readable", check);
  req.on("readable", check);
  res.once("close", gone);
}

/**
 * The 503 of a full queue or a long wait. A server action's caller (Next's client) hands the body
 * on as the error's message only when the type is exactly `text/plain` (server-action-reducer), so
 * an action gets that type and reads the busy message; a page keeps its charset.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {number} retryAfterSeconds
 */
function busy(req, res, retryAfterSeconds) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(503, {
    "Content-Type": req.headers["next-action"] ? "text/plain" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(retryAfterSeconds),
  });
  res.end(`${BUSY_MESSAGE}\n`);
}

/**
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Listener
 * @param {Listener} listener Next's request listener
 * @param {ReturnType<typeof renderGateConfig>} config
 * @returns {Listener}
 */
export function gateRequests(listener, config) {
  if (config.limit === 0) return listener;
  let active = 0;
  /** @type {{ req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, timer: NodeJS.Timeout }[]} */
  const queue = [];

  const admit = (/** @type {Parameters<Listener>[0]} */ req, /** @type {Parameters<Listener>[1]} */ res) => {
    active++;
    let done = false;
    // 'finish': Next has written the whole response; 'close': the client is gone before that.
    const release = () => {
      if (done) return;
      done = true;
      active--;
      drain();
    };
    res.once("finish", release);
    res.once("close", release);
    listener(req, res);
  };
  const drain = () => {
    while (active < config.limit && queue.length > 0) {
      const entry = /** @type {(typeof queue)[number]} */ (queue.shift());
      clearTimeout(entry.timer);
      admit(entry.req, entry.res);
    }
  };
  const leave = (/** @type {(typeof queue)[number]} */ entry) => {
    const at = queue.indexOf(entry);
    if (at === -1) return false;
    queue.splice(at, 1);
    clearTimeout(entry.timer);
    return true;
  };

  const enter = (/** @type {Parameters<Listener>[0]} */ req, /** @type {Parameters<Listener>[1]} */ res) => {
    if (active < config.limit) return admit(req, res);
    if (queue.length >= config.queueLimit) return busy(req, res, config.retryAfterSeconds);
    const entry = {
      req,
      res,
      timer: setTimeout(() => {
        if (leave(entry)) busy(req, res, config.retryAfterSeconds);
      }, config.timeoutMs),
    };
    // A client that gives up while waiting frees its place.
    res.once("close", () => leave(entry));
    queue.push(entry);
  };

  return (req, res) => {
    if (bypasses(req)) return listener(req, res);
    if (hasBody(req)) return whenBodyArrived(req, res, () => enter(req, res));
    enter(req, res);
  };
}

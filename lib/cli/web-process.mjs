/**
 * One production web process: `next start` exactly as Next's own bin runs it, with the render
 * gate (lib/cli/render-gate.mjs, docs/decisions/059-render-gate.md) in front of its request
 * handler. Arguments are Next's: `node lib/cli/web-process.mjs start -p 3000`.
 *
 * `npm start` runs this file (one process, or forked once per core by the cluster primary,
 * lib/cli/start.ts) and so does the test/bench server (tests/support/server.ts).
 *
 * Next's `start` creates its HTTP server with http.createServer(requestListener) in this
 * process (next/dist/server/lib/start-server.js); the first such call is wrapped, then
 * http.createServer is put back. No custom server: Next keeps its own startup, proxy and
 * request handling (docs/decisions/031-every-core.md); tests/proof/render-gate.proof.ts fails
 * if a Next upgrade stops creating its server this way.
 *
 * Inside the gate, each request keeps a record of whether it met a busy database, and a page whose
 * render failed for it answers 503 with Retry-After instead of Next's 500 (lib/cli/busy-render.mjs,
 * docs/decisions/079-busy-page.md).
 */
import http from "node:http";
import { createRequire } from "node:module";

import { answerBusyRenders } from "./busy-render.mjs";
import { gateRequests, renderGateConfig, RenderGateConfigError } from "./render-gate.mjs";

let config;
try {
  config = renderGateConfig(process.env);
} catch (error) {
  if (!(error instanceof RenderGateConfigError)) throw error;
  console.error(`\n[alur] ${error.message}\n`);
  process.exit(1);
}

const createServer = http.createServer;
http.createServer = function (...args) {
  http.createServer = createServer;
  const at = args.findIndex((arg) => typeof arg === "function");
  if (at !== -1) args[at] = gateRequests(answerBusyRenders(args[at], config.retryAfterSeconds), config);
  return createServer.apply(this, args);
};

createRequire(import.meta.url)("next/dist/bin/next");

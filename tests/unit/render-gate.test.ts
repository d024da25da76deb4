/**
 * The render gate (lib/cli/render-gate.mjs, decisions 059 and 085) around a plain Node HTTP
 * server: what a request with or without a body meets at the gate, over real sockets. The whole
 * path in the production server is tests/proof/render-gate.proof.ts.
 */
import { once } from "node:events";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { gateRequests, renderGateConfig } from "@/lib/cli/render-gate.mjs";

const CONFIG = renderGateConfig({ ALUR_RENDER_CONCURRENCY: "2", ALUR_RENDER_QUEUE: "4", ALUR_RENDER_QUEUE_TIMEOUT_MS: "5000" });

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/**
 * A server whose handler, like Next's, starts reading the body a moment after it got the request
 * ('data' and 'end', after its own awaits) and answers with what it read.
 */
async function start(): Promise<number> {
  const listener = (req: IncomingMessage, res: import("node:http").ServerResponse) => {
    setTimeout(() => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end(`${req.method} ${body.length} ${body.slice(0, 20)}`));
    }, 20);
  };
  server = createServer(gateRequests(listener, CONFIG));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** One request with the headers given as they are; the answer, or "no answer" after 3 s. */
function send(port: number, method: string, headers: Record<string, string>, body?: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, method, path: "/x", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c)).on("end", () => resolve(`${res.statusCode} ${text}`));
    });
    req.setTimeout(3_000, () => {
      req.destroy();
      resolve("no answer");
    });
    req.on("error", () => resolve("no answer"));
    req.end(body);
  });
}

describe("render gate and request bodies", () => {
  it("answers a POST with an empty body (Content-Length: 0), as browsers and fetch send it", async () => {
    const port = await start();
    expect(await send(port, "POST", { "content-length": "0" })).toBe("200 POST 0 ");
  });

  it("answers a POST without any length (no body at all)", async () => {
    const port = await start();
    expect(await send(port, "POST", {})).toBe("200 POST 0 ");
  });

  it("hands the whole body on to the handler, small and near the buffer's size", async () => {
    const port = await start();
    const small = "a=1&b=dua";
    expect(await send(port, "POST", { "content-length": String(small.length) }, small)).toBe(`200 POST ${small.length} ${small}`);
    const large = "x".repeat(16_000);
    expect(await send(port, "POST", { "content-length": String(large.length) }, large)).toBe(`200 POST 16000 ${"x".repeat(20)}`);
  });

  it("answers GET as before", async () => {
    const port = await start();
    expect(await send(port, "GET", {})).toBe("200 GET 0 ");
  });
});

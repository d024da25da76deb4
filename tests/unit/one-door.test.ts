/**
 * The shape rules of docs/decisions/011-one-source.md, checked on the source:
 * route handlers go through the door of lib/authz/route.ts, components read
 * nothing from the database, and every module that reaches the database from
 * lib/ is a server module ("server-only"), so a client component importing it
 * fails the build instead of shipping database code to the browser.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function files(dir: string, pattern: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name));
    if (pattern.test(rel)) out.push(rel);
  }
  return out.sort();
}
const read = (rel: string) => readFile(path.join(ROOT, rel), "utf8");

/** Value imports (not `import type`) of a module specifier matching `spec`. */
function valueImports(source: string, spec: RegExp): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)";?$/gms)) {
    const names = m[1]!.replace(/\btype\s+\w+\s*,?/g, "").replace(/[{}\s,]/g, "");
    if (spec.test(m[2]!) && names.length > 0) found.push(m[2]!);
  }
  return found;
}

describe("one door", () => {
  it("every agency route handler resolves its caller through agencyRoute, none by hand", async () => {
    const routes = await files("app/a", /route\.ts$/);
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const rel of routes) {
      const source = await read(rel);
      expect(source, `${rel} must go through agencyRoute`).toMatch(/await agencyRoute\(request, agencySlug, "[a-z.]+"\)/);
      expect(source, `${rel} must not rebuild the door`).not.toMatch(/\b(requireAgencyContext|getSessionUser|loadAgencyContext|buildAgencyContext)\b/);
    }
  });

  it("every agency route handler is exported through guardRoute: an error is an answer in Indonesian, a busy database a 503", async () => {
    for (const rel of await files("app/a", /route\.ts$/)) {
      const source = await read(rel);
      expect(source, `${rel} must export its handlers through guardRoute`).toMatch(/^export const (GET|POST|PUT|PATCH|DELETE) = guardRoute\(/m);
      expect(source, `${rel} exports a handler outside guardRoute`).not.toMatch(/^export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/m);
    }
  });

  it("no component reads the database: pages load, components show", async () => {
    for (const rel of await files("components", /\.(ts|tsx)$/)) {
      const source = await read(rel);
      expect(valueImports(source, /^@\/lib\/(db\/|[a-z-]+\/(queries|service|facts)$)/), `${rel} imports a database module`).toEqual([]);
    }
  });

  it("every lib module that reaches the database is server-only", async () => {
    // Outside the services: the database layer itself, the command-line tools and demo data (they run with the
    // react-server condition, next test), and the e-mail worker's delivery (calendar-queue).
    const exempt = /^lib\/(db|cli|seed|generated)\/|^lib\/notify\/email\.ts$/;
    const checked: string[] = [];
    for (const rel of await files("lib", /\.ts$/)) {
      if (exempt.test(rel)) continue;
      const source = await read(rel);
      const reachesDb = valueImports(source, /^@\/lib\/db\/(client|transaction)$/).length > 0 || /\/(service|queries|facts)\.ts$/.test(rel) || rel === "lib/audit/record.ts";
      if (!reachesDb) continue;
      checked.push(rel);
      expect(source, `${rel} must import "server-only"`).toMatch(/^import "server-only";$/m);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        "lib/agency/service.ts",
        "lib/cycle/service.ts",
        "lib/sop/service.ts",
        "lib/audit/record.ts",
        "lib/cycle/queries.ts",
        "lib/performance/service.ts",
        "lib/performance/queries.ts",
        "lib/storage/service.ts",
      ]),
    );
  });

  it("every command-line entry point runs with the react-server condition, so server-only modules load outside Next", async () => {
    // "server-only" resolves to its empty export under Node's react-server condition and throws otherwise
    // (docs/decisions/011-one-source.md). Every npm script that runs the app's code with tsx (the proof runner
    // too: its harness, tests/support/server.ts, loads the demo seed), and the places that spawn lib/cli tools,
    // pass it; Next's own processes (next build / next start, spawned by lib/cli/start.ts) and the test runners
    // (Vitest maps the guard to a stub) do not need it.
    const { scripts } = JSON.parse(await read("package.json")) as { scripts: Record<string, string> };
    const entries = Object.entries(scripts).filter(([, command]) => /^tsx /.test(command));
    expect(entries.map(([name]) => name)).toEqual(expect.arrayContaining(["start", "db:seed", "audit:verify", "worker", "bench:seed", "proof"]));
    for (const [name, command] of entries) expect(command, `npm run ${name}`).toMatch(/^tsx --conditions=react-server /);

    const spawners = [...(await files("lib", /\.ts$/)), ...(await files("tests", /\.ts$/))];
    let spawns = 0;
    for (const rel of spawners) {
      for (const line of (await read(rel)).split("\n")) {
        if (!/\b(spawn|exec|execFile)\(/.test(line) || !/"--import", "tsx"/.test(line) || !/lib\/cli\/|"lib", "cli"/.test(line)) continue;
        spawns++;
        expect(line, `${rel} spawns a command-line tool`).toContain('"--conditions=react-server", "--import", "tsx"');
      }
    }
    expect(spawns).toBeGreaterThanOrEqual(4);
  });
});

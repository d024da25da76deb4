/**
 * The route and action list (tests/proof/routes.ts) is complete: every page
 * and route handler of the build and of app/, every server action of the
 * build, of ACTION_REGISTRY and of lib/<domain>/actions.ts (or <part>-actions.ts) is in it, and
 * nothing in it is gone. The probes walk that list, so a route missing here
 * would be a route nobody probes.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ACTION_META, ACTION_REGISTRY, type RegisteredAction } from "@/lib/authz/action";

import { builtActions, ensureBuild, ROOT } from "../support/server";
import { ProofRecorder } from "./report";
import { ACTIONS, FRAMEWORK_ROUTES, REJECTED_INPUT, ROUTES, type TenantFixtures } from "./routes";

const proof = new ProofRecorder("registry", "Route and action list is complete");

function compare(what: string, actual: Iterable<string>, listed: Iterable<string>) {
  const a = new Set(actual);
  const l = new Set(listed);
  proof.add("probes");
  for (const x of a) if (!l.has(x)) proof.fail(`${what}: ${x} exists but is not in tests/proof/routes.ts`);
  for (const x of l) if (!a.has(x)) proof.fail(`${what}: ${x} is listed in tests/proof/routes.ts but does not exist`);
}

/** app/**\/page.tsx and route.ts as route paths ("/a/[agencySlug]/cycles"). */
async function sourceRoutes(): Promise<{ pages: string[]; handlers: string[] }> {
  const root = path.join(ROOT, "app");
  const pages: string[] = [];
  const handlers: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const dir = path.relative(root, entry.parentPath).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const route = `/${dir.join("/")}`;
    if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) pages.push(route);
    if (/^route\.(ts|js)$/.test(entry.name)) handlers.push(route);
  }
  return { pages, handlers };
}

const fixtures: TenantFixtures = {
  agencyId: "a1",
  agencySlug: "b",
  governmentId: "g1",
  cycleId: "c1",
  taskId: "t1",
  sopId: "s1",
  seriesId: "r1",
  indicatorId: "i1",
  realizationId: "z1",
  programId: "p1",
  fileId: "f1",
  roleId: "o1",
  unitId: "n1",
  userId: "u1",
  userNip: "197001102000011001",
  cascadeNodeId: "k1",
  cascadeIndicatorId: "k2",
  auditEventId: "7",
};

describe("registry", () => {
  beforeAll(async () => {
    await ensureBuild();
  });
  afterAll(async () => {
    proof.note(`${ROUTES.filter((r) => r.kind === "page").length} pages, ${ROUTES.filter((r) => r.kind === "handler").length} route handlers, ${ACTIONS.length} server actions listed`);
    await proof.save();
  });

  it("lists every page and route handler of the build", async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
    const built = Object.entries(manifest).filter(([, route]) => !FRAMEWORK_ROUTES.includes(route));
    const pages = built.filter(([key]) => key.endsWith("/page")).map(([, route]) => route);
    const handlers = built.filter(([key]) => key.endsWith("/route")).map(([, route]) => route);
    expect(pages.length + handlers.length).toBeGreaterThan(10);
    compare("build page", pages, ROUTES.filter((r) => r.kind === "page").map((r) => r.path));
    compare("build route handler", handlers, ROUTES.filter((r) => r.kind === "handler").map((r) => r.path));
    for (const [key] of built) if (!key.endsWith("/page") && !key.endsWith("/route")) proof.fail(`build entry of unknown kind: ${key}`);
  });

  it("lists every page and route handler of app/", async () => {
    const { pages, handlers } = await sourceRoutes();
    compare("source page", pages, ROUTES.filter((r) => r.kind === "page").map((r) => r.path));
    compare("source route handler", handlers, ROUTES.filter((r) => r.kind === "handler").map((r) => r.path));
  });

  it("lists every server action of the build, the registry and lib/*/actions.ts", async () => {
    const built = await builtActions();
    compare("built server action", built.keys(), ACTIONS.map((a) => a.key));

    const exported: string[] = [];
    const libRoot = path.join(ROOT, "lib");
    for (const entry of await readdir(libRoot, { withFileTypes: true, recursive: true })) {
      // lib/<domain>/actions.ts, and a domain's second "use server" module named <part>-actions.ts.
      if (!entry.isFile() || !/^(?:[a-z-]+-)?actions\.ts$/.test(entry.name)) continue;
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        exported.push(`${file}#${name}`);
        const meta = (value as { [ACTION_META]?: RegisteredAction })[ACTION_META];
        const listed = ACTIONS.find((a) => a.key === `${file}#${name}`);
        proof.add("probes");
        if (!meta) proof.fail(`${file}#${name} is exported from a "use server" module but is not a registered action`);
        else if (listed && (listed.name !== meta.name || listed.scope !== meta.scope)) {
          proof.fail(`${listed.key}: listed as ${listed.name}/${listed.scope}, registered as ${meta.name}/${meta.scope}`);
        }
      }
    }
    compare("exported server action", exported, ACTIONS.map((a) => a.key));
    compare("ACTION_REGISTRY entry", ACTION_REGISTRY.keys(), ACTIONS.map((a) => a.name));
  });

  it("gives every action inputs the probes can use", () => {
    for (const entry of ACTIONS) {
      const registered = ACTION_REGISTRY.get(entry.name);
      if (!registered) continue; // reported above
      proof.add("probes");
      if (registered.schema.safeParse(REJECTED_INPUT).success) proof.fail(`${entry.name}: the gate probe input passes its schema`);
      if (typeof entry.foreign === "function") {
        const input = entry.foreign(fixtures);
        const parsed = registered.schema.safeParse(input);
        // A foreign input the schema refuses would stop at INVALID and never reach the service's agency check.
        if (!parsed.success) proof.fail(`${entry.name}: its foreign input does not pass the schema: ${parsed.error.message}`);
        const text = JSON.stringify(input);
        const usesIds = Object.entries(fixtures).some(([key, value]) => key !== "agencySlug" && text.includes(JSON.stringify(value)));
        if (!usesIds && entry.scope === "agency") proof.fail(`${entry.name}: its foreign input names no id of the fixtures`);
      } else if (entry.foreign.none.length < 20) {
        proof.fail(`${entry.name}: say why the action has no foreign input`);
      }
    }
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});

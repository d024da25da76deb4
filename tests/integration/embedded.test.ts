import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { checkDatabase } from "@/lib/db/health";
import { applyMigrations } from "@/lib/db/migrate";

const exec = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function secondProcess(dataDir: string) {
  try {
    const { stdout } = await exec(process.execPath, ["--import", "tsx", "tests/fixtures/open-embedded.ts", dataDir], { timeout: 60_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, output: e.stderr };
  }
}

describe("embedded database", () => {
  it("keeps its data across restarts and refuses a second owner of the same folder", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "alur-embedded-"));
    dirs.push(dataDir);
    const first = await startEmbeddedDatabase({ dataDir });
    await applyMigrations(first.url);
    let prisma = createPrismaClient(first.url);
    await prisma.government.create({ data: { level: "KOTA", name: "Padang" } });

    const second = await secondProcess(dataDir);
    expect(second.code).toBe(1);
    expect(second.output).toContain("sedang dipakai oleh proses lain");
    expect(second.output).toContain(`PID ${process.pid}`);

    // The first owner still works and still has its data.
    expect(await prisma.government.count({ where: { name: "Padang" } })).toBe(1);
    await prisma.$disconnect();
    await first.stop();

    const reopened = await startEmbeddedDatabase({ dataDir });
    prisma = createPrismaClient(reopened.url);
    expect(await prisma.government.count({ where: { name: "Padang" } })).toBe(1);
    await prisma.$disconnect();
    await reopened.stop();

    // Once released, another process may open it.
    expect((await secondProcess(dataDir)).code).toBe(0);
  }, 120_000);
});

describe("health check", () => {
  it("is true after a real round trip and false, quickly, when the database is unreachable", async () => {
    expect(await checkDatabase()).toBe(true);
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/none");
    const started = Date.now();
    expect(await checkDatabase(unreachable)).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    await unreachable.$disconnect();
  });
});

/**
 * Merges the spec files' parts (.proof/a11y-parts/<spec>.<worker>.json: one per
 * worker that ran tests of the file) into the "a11y" proof result, and drops
 * the run's database. A spec file that wrote no part (it crashed before
 * saving) is a failure of the module.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { ProofRecorder } from "../report";
import { a11yDatabase, PARTS_DIR, pgAdminUrl, type A11yPart } from "./support";

const EXPECTED_PARTS = ["keyboard-journey", "pages"];

export default async function globalTeardown() {
  const rec = new ProofRecorder("a11y", "Accessibility (axe-core WCAG 2.1 AA), keyboard-only journey, 390 px screens");
  const files = (await readdir(PARTS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
  for (const name of EXPECTED_PARTS) if (!files.some((f) => f.startsWith(`${name}.`))) rec.fail(`the ${name} spec did not report`);
  for (const file of files) {
    const part = JSON.parse(await readFile(path.join(PARTS_DIR, file), "utf8")) as A11yPart;
    rec.add("pagesScanned", part.pagesScanned);
    rec.add("a11ySeriousCritical", part.a11ySeriousCritical);
    rec.add("probes", part.probes + part.pagesScanned);
    for (const failure of part.failures) rec.fail(`${part.name}: ${failure}`);
    for (const note of part.notes) rec.note(`${part.name}: ${note}`);
  }
  const started = Number(await readFile(path.join(PARTS_DIR, "started"), "utf8").catch(() => "")) || null;
  if (started) rec.note(`the journeys took ${Math.round((Date.now() - started) / 1000)} s`);
  await rec.save();

  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${a11yDatabase()}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

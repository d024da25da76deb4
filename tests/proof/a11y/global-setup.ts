import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { PARTS_DIR } from "./support";

/** A run starts without the parts of an earlier one, and notes when it started. */
export default async function globalSetup() {
  await rm(PARTS_DIR, { recursive: true, force: true });
  await mkdir(PARTS_DIR, { recursive: true });
  await writeFile(path.join(PARTS_DIR, "started"), String(Date.now()));
}

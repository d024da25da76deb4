/**
 * What each proof module found, in one shape: the runner (tests/proof/run.ts)
 * adds the modules' counts into the table `npm run proof` prints.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const RESULTS_DIR = path.resolve(process.cwd(), ".proof", "results");

/** Things tried (grow them) and things that must stay zero. */
export interface ProofCounts {
  /** Requests or calls made against the running app. */
  probes: number;
  /** Generated invalid payloads sent. */
  payloads: number;
  /** Another agency's data returned, or changed, by a call. */
  leaks: number;
  /** A call that should have been refused and succeeded. */
  forbiddenSuccesses: number;
  /** Responses with a 5xx status (or an "unexpected error" result). */
  serverErrors: number;
  /** Rows changed in the database by calls that were refused. */
  rowsChangedByRefused: number;
  /** Transitions a client was told succeeded that the database does not hold. */
  lostTransitions: number;
  /** The same transition applied (or audited) more than once. */
  duplicatedTransitions: number;
  /** axe-core serious or critical violations. */
  a11ySeriousCritical: number;
  /** Pages scanned by axe-core. */
  pagesScanned: number;
}

export const MUST_BE_ZERO = [
  "leaks",
  "forbiddenSuccesses",
  "serverErrors",
  "rowsChangedByRefused",
  "lostTransitions",
  "duplicatedTransitions",
  "a11ySeriousCritical",
] as const satisfies readonly (keyof ProofCounts)[];

export interface ProofResult {
  module: string;
  title: string;
  counts: Partial<ProofCounts>;
  /** One line per failed check, in words a reader understands. */
  failures: string[];
  /** Extra figures worth printing (e.g. "50 approvals → 1 transition"). */
  notes: string[];
  durationMs: number;
}

/** A result being built by a module; `save()` writes it for the runner. */
export class ProofRecorder {
  private readonly started = Date.now();
  readonly counts: Partial<ProofCounts> = {};
  readonly failures: string[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly module: string,
    readonly title: string,
  ) {}

  add(key: keyof ProofCounts, by = 1) {
    this.counts[key] = (this.counts[key] ?? 0) + by;
  }

  /** Records a failure and counts it under `key` when given. */
  fail(message: string, key?: keyof ProofCounts) {
    this.failures.push(message);
    if (key) this.add(key);
  }

  note(message: string) {
    this.notes.push(message);
  }

  async save(): Promise<ProofResult> {
    const result: ProofResult = {
      module: this.module,
      title: this.title,
      counts: this.counts,
      failures: this.failures,
      notes: this.notes,
      durationMs: Date.now() - this.started,
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(path.join(RESULTS_DIR, `${this.module}.json`), JSON.stringify(result, null, 2));
    return result;
  }
}

export async function clearResults(): Promise<void> {
  await rm(RESULTS_DIR, { recursive: true, force: true });
}

export async function readResults(): Promise<ProofResult[]> {
  const files = await readdir(RESULTS_DIR).catch(() => [] as string[]);
  const results: ProofResult[] = [];
  for (const file of files.filter((f) => f.endsWith(".json")).sort()) {
    results.push(JSON.parse(await readFile(path.join(RESULTS_DIR, file), "utf8")) as ProofResult);
  }
  return results;
}

/**
 * A controllable clock for tests: preloaded with `--import` (or
 * NODE_OPTIONS="--import …") into the app servers and workers of a proof, it
 * replaces Date so "now" is the real time plus an offset in milliseconds read
 * from the file named by ALUR_TEST_CLOCK_FILE (re-read at most every 100 ms).
 * The proof moves time forward for every process at once by writing that
 * file. Without ALUR_TEST_CLOCK_FILE it does nothing: never set in production.
 */
import { readFileSync } from "node:fs";

const file = process.env.ALUR_TEST_CLOCK_FILE;
if (file) {
  const RealDate = globalThis.Date;
  let offset = 0;
  let readAt = -Infinity;
  const now = () => {
    const real = RealDate.now();
    if (real - readAt > 100) {
      readAt = real;
      try {
        offset = Number(readFileSync(file, "utf8").trim()) || 0;
      } catch {
        // No file yet: the real time.
      }
    }
    return real + offset;
  };
  class TestDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = TestDate;
}

/**
 * CPU profiles of a running web process, window by window (`npm run bench -- --cpu-profile <dir>`;
 * docs/decisions/064-audit-log-render-cost.md). Node refuses `--cpu-prof` in NODE_OPTIONS and it
 * would cover the whole life of the process (start, warm-up, every route); this preload, loaded
 * with `--import`, starts V8's sampling profiler on the first SIGUSR2 and writes what it sampled
 * to `$ALUR_CPU_PROFILE_DIR/profile-<n>.cpuprofile` on the next one. Plain
 * JavaScript, as the web process runs without tsx. Inert unless ALUR_CPU_PROFILE_DIR is set.
 */
import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.ALUR_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  // 250 µs: about four samples per millisecond of CPU, enough to split a 20 ms render by function.
  const interval = Number(process.env.ALUR_CPU_PROFILE_INTERVAL_US ?? 250);
  let running = false;
  let count = 0;
  let busy = Promise.resolve();
  process.on("SIGUSR2", () => {
    busy = busy
      .then(async () => {
        if (!running) {
          await post("Profiler.enable");
          await post("Profiler.setSamplingInterval", { interval });
          await post("Profiler.start");
          running = true;
          return;
        }
        const { profile } = await post("Profiler.stop");
        running = false;
        count += 1;
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `profile-${count}.cpuprofile`);
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(profile));
        fs.renameSync(`${file}.tmp`, file);
      })
      .catch((err) => console.error("cpu-profile-preload:", err));
  });
}

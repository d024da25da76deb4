/**
 * `npm run build`: `next build`, recording the sources' fingerprint once it succeeds, so
 * that `npm start`, the end-to-end run, the proof suite and the bench use this build
 * instead of making another (lib/cli/build-state.ts, docs/decisions/056-ci-duration.md).
 */
import { buildIfStale } from "@/lib/cli/build-state";

process.exitCode = await buildIfStale({ force: true });

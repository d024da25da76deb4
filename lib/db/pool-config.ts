/** Pool settings read from the environment; validated by `npm start` before it forks (lib/cli/start.ts). */
export class DatabaseConfigError extends Error {}

/**
 * How long a request waits for a pooled connection before it is told the server is busy
 * (DATABASE_CONNECT_TIMEOUT_MS, default 5 s; lib/http/busy.ts answers the failure).
 */
export function connectTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_CONNECT_TIMEOUT_MS?.trim();
  if (!raw) return 5_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 50 || value > 600_000) {
    throw new DatabaseConfigError(`DATABASE_CONNECT_TIMEOUT_MS harus bilangan bulat 50–600000 (milidetik), bukan "${raw}".`);
  }
  return value;
}

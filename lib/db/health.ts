import { db } from "./client";

/** A real round trip with a short timeout, so a hung database answers 503 quickly. */
export async function checkDatabase(timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return result[0]?.ok === 1;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

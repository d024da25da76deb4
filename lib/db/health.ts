import { db, type DbTx } from "./client";

/** A real round trip with a short timeout, so a hung database answers 503 quickly. */
export async function checkDatabase(client: Pick<DbTx, "$queryRaw"> = db, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      client.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`,
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

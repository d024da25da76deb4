import { db } from "@/lib/db/client";
import { getStorage } from "@/lib/storage";

/** The bytes of a stored file (a signed PDF, an upload), read back through the storage driver. */
export async function storedFileBytes(fileId: string): Promise<Buffer> {
  const row = await db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
  const body = await getStorage().get(row.storageKey);
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

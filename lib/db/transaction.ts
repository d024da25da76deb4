import { db, type DbTx } from "./client";

/**
 * Runs `work` in the caller's transaction when one is given, else in a new
 * one. Services take an optional `tx` and go through here, so a caller can
 * compose several of them into one transaction (all or nothing, one audit
 * chain append each) while a lone call stays atomic on its own.
 */
export function inTransaction<T>(tx: DbTx | undefined, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.$transaction((t) => work(t));
}

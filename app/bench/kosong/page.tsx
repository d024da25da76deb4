import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/authz/context";

export const metadata: Metadata = { title: "Halaman kosong" };

/**
 * The benchmark's second floor (tests/bench/run.ts): an App Router page behind
 * the same session check as every page (next-auth session, the account's access
 * version) and no data. Served only when ALUR_BENCH=1 (the bench sets it),
 * otherwise "not found" (docs/decisions/028-cached-frame.md).
 */
export default async function BenchEmptyPage() {
  if (process.env.ALUR_BENCH !== "1") notFound();
  const user = await requireUser();
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">{user.name}</h1>
    </main>
  );
}

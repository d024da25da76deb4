import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/authz/context";

import { EmptyActionButton } from "./empty-action-button";

export const metadata: Metadata = { title: "Aksi kosong" };

/**
 * The page of the benchmark's third floor (tests/bench/run.ts): the empty
 * server action (lib/bench/actions.ts) is posted here, as a step transition is
 * posted to the cycle page. Served only when ALUR_BENCH=1, otherwise "not found".
 */
export default async function BenchEmptyActionPage() {
  if (process.env.ALUR_BENCH !== "1") notFound();
  const user = await requireUser();
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">{user.name}</h1>
      {user.agencies[0] ? <EmptyActionButton agencySlug={user.agencies[0].slug} /> : null}
    </main>
  );
}

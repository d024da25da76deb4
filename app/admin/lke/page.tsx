import type { Metadata } from "next";
import Link from "next/link";

import { EditionCopyForm, EditionCriterionForm, EditionGroupForm, EditionMetaForm } from "@/components/lke/edition-forms";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePlatformAdmin } from "@/lib/authz/context";
import { t } from "@/lib/i18n";
import { listEditions, loadEdition } from "@/lib/lke/editions";
import { ensureEdition88 } from "@/lib/lke/service";

export const metadata: Metadata = { title: "Edisi LKE" };

const fmt = (x: number) => x.toLocaleString("id-ID", { maximumFractionDigits: 4 });

/**
 * The platform administrator's LKE edition editor (decision 046): the editions with how
 * many evaluations use each; a new edition is a copy of an existing one (new name, first
 * year); an edition no evaluation uses yet is edited here (texts, weights, answer scales);
 * one in use is read only: a year keeps the structure it copied.
 */
export default async function LkeEditionsPage({ searchParams }: { searchParams: Promise<{ edisi?: string }> }) {
  await requirePlatformAdmin();
  await ensureEdition88();
  const { edisi } = await searchParams;
  const editions = await listEditions();
  const edition = typeof edisi === "string" && edisi.length <= 40 ? await loadEdition(edisi) : null;
  const editable = edition !== null && edition.evaluations === 0;
  const sums = (edition?.components ?? []).map((c) => ({ code: c.code, weight: c.weight, subs: c.subComponents.reduce((s, x) => s + x.weight, 0) }));
  const total = sums.reduce((s, c) => s + c.weight, 0);

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-4 sm:p-8">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← {t.platform.title}
        </Link>
        <h1 className="text-2xl font-semibold">Edisi LKE (Lembar Kerja Evaluasi SAKIP)</h1>
        <p className="text-slate-600">
          Komponen, subkomponen, kriteria, bobot dan skala jawaban setiap edisi peraturan. Evaluasi suatu tahun menyalin edisinya saat dibuat, sehingga nilai tahun yang sudah dikunci tidak
          pernah berubah. Edisi yang sudah dipakai evaluasi tidak dapat diubah: salin menjadi edisi baru.
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Daftar edisi</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="divide-y divide-slate-200" data-testid="lke-editions">
            {editions.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/admin/lke?edisi=${e.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {e.name}
                </Link>
                <span className="text-sm text-slate-600">
                  berlaku mulai {e.validFromYear} · {e.evaluations > 0 ? `dipakai ${e.evaluations} evaluasi (tidak dapat diubah)` : "belum dipakai (dapat diubah)"}
                </span>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Edisi baru</CardTitle>
        </CardHeader>
        <CardBody>
          <EditionCopyForm editions={editions.map((e) => ({ id: e.id, name: e.name }))} sourceId={edition?.id} />
        </CardBody>
      </Card>

      {edisi && !edition ? <Alert>Edisi LKE tidak ditemukan.</Alert> : null}

      {edition ? (
        <section className="space-y-4" aria-label={edition.name} data-testid="lke-edition">
          <h2 className="text-xl font-semibold">
            {edition.name} <span className="text-base font-normal text-slate-600">(berlaku mulai {edition.validFromYear})</span>
          </h2>
          {editable ? (
            <Card>
              <CardBody>
                <EditionMetaForm editionId={edition.id} name={edition.name} validFromYear={edition.validFromYear} />
              </CardBody>
            </Card>
          ) : (
            <Alert tone="info">
              Edisi ini dipakai {edition.evaluations} evaluasi LKE: hanya dapat dibaca. Untuk perubahan bobot, kriteria atau skala, salin menjadi edisi baru dengan tahun berlaku berikutnya.
            </Alert>
          )}
          <p className={total === 100 && sums.every((c) => c.subs === c.weight) ? "text-sm text-slate-600" : "text-sm font-medium text-amber-800"} data-testid="lke-edition-sums">
            Jumlah bobot komponen {fmt(total)} dari 100
            {sums
              .filter((c) => c.subs !== c.weight)
              .map((c) => `; subkomponen ${c.code} berjumlah ${fmt(c.subs)}, bobot komponen ${fmt(c.weight)}`)
              .join("")}
            .
          </p>
          {edition.components.map((component) => (
            <Card key={component.id}>
              <CardHeader>
                <CardTitle>
                  {component.code}. {component.name} (bobot {fmt(component.weight)})
                </CardTitle>
              </CardHeader>
              <CardBody className="space-y-4">
                {editable ? <EditionGroupForm editionId={edition.id} kind="component" partId={component.id} code={component.code} name={component.name} weight={component.weight} /> : null}
                {component.subComponents.map((sub) => (
                  <section key={sub.id} aria-label={sub.name} className="space-y-2 border-t border-slate-200 pt-3">
                    <h3 className="font-medium">
                      {sub.code} {sub.name} (bobot {fmt(sub.weight)})
                    </h3>
                    {editable ? <EditionGroupForm editionId={edition.id} kind="subComponent" partId={sub.id} code={sub.code} name={sub.name} weight={sub.weight} /> : null}
                    <ul className="space-y-2">
                      {sub.criteria.map((criterion) => (
                        <li key={criterion.id}>
                          {editable ? (
                            <EditionCriterionForm editionId={edition.id} criterion={criterion} />
                          ) : (
                            <div className="rounded-md border border-slate-200 p-3 text-sm">
                              <p>
                                <span className="font-medium">{criterion.code}</span> {criterion.text} <span className="text-slate-500">(bobot {fmt(criterion.weight)})</span>
                              </p>
                              <p className="text-slate-600">Skala: {criterion.scale.map((o) => `${o.code} ${o.label} = ${fmt(o.value)}`).join("; ")}</p>
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </CardBody>
            </Card>
          ))}
        </section>
      ) : null}
    </main>
  );
}

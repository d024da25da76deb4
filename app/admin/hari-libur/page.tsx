import type { Metadata } from "next";
import Link from "next/link";

import { HolidayForm } from "@/components/calendar/calendar-forms";
import { HolidayList } from "@/components/calendar/holiday-list";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { listGovernmentsWithAgencies } from "@/lib/agency/queries";
import { requirePlatformAdmin } from "@/lib/authz/context";
import { listHolidays } from "@/lib/calendar/holidays";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: "Hari libur nasional dan cuti bersama" };

/** The platform administrator keeps the national calendar (SKB 3 Menteri) and governments' local holidays. */
export default async function HolidaysAdminPage({ searchParams }: { searchParams: Promise<{ tahun?: string }> }) {
  await requirePlatformAdmin();
  const requested = Number((await searchParams).tahun);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : new Date().getFullYear();
  const [holidays, governments] = await Promise.all([listHolidays(year, "platform"), listGovernmentsWithAgencies()]);
  const options = governments.map((g) => ({ id: g.id, label: `${t.platform.levels[g.level]} ${g.name}` }));
  // DOMAIN.md: a year whose decree is not at hand ships empty; say so instead of showing a short list.
  const awaitingDecree = !holidays.some((h) => !h.governmentId && h.kind === "LIBUR_NASIONAL");
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-4 sm:p-8">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 hover:underline">
          ← {t.platform.title}
        </Link>
        <h1 className="text-2xl font-semibold">Hari libur nasional dan cuti bersama</h1>
        <p className="text-slate-600">Tanggal di sini tidak dihitung sebagai hari kerja saat menghitung batas waktu tugas di semua instansi.</p>
      </div>
      {awaitingDecree ? (
        <Alert tone="info">
          SKB 3 Menteri tentang hari libur nasional dan cuti bersama tahun {year} belum dicatat. Batas waktu tugas tahun ini baru melewati akhir pekan dan hari libur daerah; tambahkan hari libur nasional dan
          cuti bersama dari SKB tersebut.
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Tambah hari libur</CardTitle>
        </CardHeader>
        <CardBody>
          <HolidayForm governments={options} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Hari libur {year}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3">
          <nav aria-label="Tahun" className="flex gap-3 text-sm">
            <a className="text-brand-700 hover:underline" href={`?tahun=${year - 1}`}>
              ← {year - 1}
            </a>
            <a className="text-brand-700 hover:underline" href={`?tahun=${year + 1}`}>
              {year + 1} →
            </a>
          </nav>
          <HolidayList rows={holidays} deletable={() => true} />
        </CardBody>
      </Card>
    </main>
  );
}

import type { Metadata } from "next";

import { HolidayForm, OfficeHoursForm } from "@/components/calendar/calendar-forms";
import { HolidayList } from "@/components/calendar/holiday-list";
import { OrgTabs } from "@/components/agency/org-tabs";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { listHolidays } from "@/lib/calendar/holidays";
import { weeklyOfficeMinutes } from "@/lib/cycle/working-time";

export const metadata: Metadata = { title: "Jam kerja dan hari libur" };

/** Office hours and holidays the agency's due times count with (docs/decisions/016-working-calendar.md). */
export default async function OfficeHoursPage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: Promise<{ tahun?: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "agency.view");
  const requested = Number((await searchParams).tahun);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : new Date().getFullYear();
  const canManage = ctx.can("unit.manage");
  const hours = ctx.agency.settings.officeHours;
  const holidays = await listHolidays(year, { agencyId: ctx.agency.id });
  const weekly = weeklyOfficeMinutes(hours) / 60;
  return (
    <div className="space-y-6">
      {canManage ? <OrgTabs agencySlug={ctx.agency.slug} current="hours" /> : null}
      <div>
        <h1 className="text-2xl font-semibold">Jam kerja dan hari libur</h1>
        <p className="text-slate-600">
          Standar waktu SOP dalam menit dan jam dihitung pada jam kerja; standar dalam hari dihitung dalam hari kerja. Zona waktu: {ctx.agency.timeZone}. Total{" "}
          {weekly.toLocaleString("id-ID")} jam per minggu.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Jam kerja</CardTitle>
        </CardHeader>
        <CardBody>
          <OfficeHoursForm agencySlug={ctx.agency.slug} hours={hours} canManage={canManage} />
        </CardBody>
      </Card>
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Tambah libur instansi</CardTitle>
          </CardHeader>
          <CardBody>
            <HolidayForm agencySlug={ctx.agency.slug} />
          </CardBody>
        </Card>
      ) : null}
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
          <HolidayList rows={holidays} agencySlug={ctx.agency.slug} deletable={(h) => canManage && h.agencyId === ctx.agency.id} />
        </CardBody>
      </Card>
    </div>
  );
}

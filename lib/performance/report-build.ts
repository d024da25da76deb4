import "server-only";

import { signaturePlaceDate } from "@/lib/agency/format";
import type { AgencyContext } from "@/lib/authz/context";

import { loadAgreement, loadPeriodArchive } from "./queries";
import { buildRecap } from "./recap";
import { buildPerformanceReportPdf, type TPerformanceReportPdfInput } from "./report-pdf";

/**
 * The period's Laporan Pengukuran Kinerja, from the same recap as the rekap
 * page: the download route prints it as is, signing (lib/signing) adds the
 * signer and the verification code. Null when the year has no PK.
 */
export async function buildPeriodReportPdf(
  agency: Pick<AgencyContext["agency"], "id" | "name" | "governmentName" | "settings" | "timeZone" | "city">,
  year: number,
  quarter: number,
  extra: Pick<TPerformanceReportPdfInput, "signer" | "verification"> & { at?: Date } = {},
): Promise<Buffer | null> {
  const [agreement, archive] = await Promise.all([loadAgreement(agency.id, year), loadPeriodArchive(agency.id, year, quarter)]);
  if (!agreement) return null;
  const settings = agency.settings.capaian;
  const at = extra.at ?? new Date();
  return buildPerformanceReportPdf({
    recap: buildRecap(agreement, quarter, settings, archive),
    agency: { name: agency.name, governmentName: agency.governmentName },
    agreement,
    settings,
    timeZone: agency.timeZone,
    placeDate: signaturePlaceDate(agency, at),
    generatedAt: at,
    signer: extra.signer,
    verification: extra.verification,
  });
}

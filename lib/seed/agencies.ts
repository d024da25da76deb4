/**
 * The three demo agencies, from the seed SOPs in ../shared/seeds/. Role codes
 * are stable identifiers used by the SOP seed data (lib/sop/seed-sops.ts);
 * role names are the executor column headers of each SOP.
 * ADMIN (agency administrator) and AUDITOR (Inspektorat, read-only) are the
 * reserved codes of lib/authz/permissions.ts.
 */
export interface SeedRole {
  code: string;
  name: string;
  isHead?: boolean;
}

export interface SeedAgency {
  slug: string;
  name: string;
  government: { level: "PROVINSI" | "KABUPATEN" | "KOTA"; name: string };
  timeZone: "WIB" | "WITA" | "WIT";
  /** Short name used in demo e-mail addresses: <role>@<short>.demo */
  short: string;
  roles: SeedRole[];
  /**
   * Role codes designated for permissions no role code carries by itself
   * (Agency.settings.permissions): the demo's Tim SAKIP verifies realizations
   * and maintains the PK because the agency says so, as any agency would.
   */
  /** The signature city ("Padang, 3 Desember 2026"): the seat of the government. */
  city: string;
  designations: Partial<Record<"sop.edit" | "sop.activate" | "performance.manage" | "realization.verify", string[]>>;
}

const TIM_SAKIP_DESIGNATIONS = { "performance.manage": ["TIM_SAKIP"], "realization.verify": ["TIM_SAKIP"] };

export const RESERVED_ROLES: SeedRole[] = [
  { code: "ADMIN", name: "Administrator" },
  { code: "AUDITOR", name: "Auditor Inspektorat" },
];

export const SEED_AGENCIES: SeedAgency[] = [
  {
    slug: "diskominfo-lumajang",
    name: "Dinas Komunikasi dan Informatika Kabupaten Lumajang",
    government: { level: "KABUPATEN", name: "Lumajang" },
    timeZone: "WIB",
    short: "lumajang",
    city: "Lumajang",
    designations: TIM_SAKIP_DESIGNATIONS,
    roles: [
      { code: "KADIS", name: "Kepala Dinas", isHead: true },
      { code: "SEKRETARIS", name: "Sekretaris" },
      { code: "KASUBAG_PK", name: "Kasubag Perencanaan dan Keuangan" },
      { code: "TIM_SAKIP", name: "Tim SAKIP" },
      { code: "STAFF", name: "Staff" },
    ],
  },
  {
    slug: "setwan-balangan",
    name: "Sekretariat DPRD Kabupaten Balangan",
    government: { level: "KABUPATEN", name: "Balangan" },
    timeZone: "WITA",
    short: "balangan",
    city: "Paringin",
    designations: TIM_SAKIP_DESIGNATIONS,
    roles: [
      { code: "SEKWAN", name: "Sekretaris DPRD", isHead: true },
      { code: "KABAG", name: "Kabag/Kasubag" },
      { code: "TIM_SAKIP", name: "Tim Penyusun SAKIP/LAKIP" },
      { code: "STAF", name: "Staf" },
    ],
  },
  {
    slug: "bmcktr-sumbar",
    name: "Dinas Bina Marga, Cipta Karya dan Tata Ruang Provinsi Sumatera Barat",
    government: { level: "PROVINSI", name: "Sumatera Barat" },
    timeZone: "WIB",
    short: "sumbar",
    city: "Padang",
    designations: TIM_SAKIP_DESIGNATIONS,
    roles: [
      { code: "KADIS", name: "Kepala Dinas", isHead: true },
      { code: "SEKRETARIS", name: "Sekretaris" },
      { code: "BIDANG", name: "Bidang" },
      { code: "TIM_SAKIP", name: "Tim SAKIP" },
      { code: "SUBBAG_PERENCANAAN", name: "Subbag Perencanaan" },
    ],
  },
];

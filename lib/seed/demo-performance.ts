import type { Db } from "@/lib/db/client";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { ZAgreementInput, ZRealizationReview, ZRealizationSave, type TAgreementInput } from "@/lib/performance/schemas";
import { reviewRealization, saveAgreement, saveBudgetRealization, saveRealization } from "@/lib/performance/service";

import type { DemoLogin } from "./demo";

/**
 * Demo Perjanjian Kinerja 2026 for each seed agency: units, sasaran and 4-6
 * indicators mixing polarities, aggregations and a range target, quarterly
 * targets, programs with pagu; Triwulan I realization filled by the units and
 * verified by Tim SAKIP (Lumajang's Triwulan II submitted too, since its
 * cycle waits at the Kadis's approval). Written through the services.
 */
type Ind = [code: string, name: string, unit: string, polarity: "HIGHER" | "LOWER", aggregation: "CUMULATIVE" | "LAST" | "AVERAGE", orgUnit: string, target: number | [number, number], quarters: (number | [number, number])[]];

interface AgencyPk {
  /** `head`: the demo login holding the unit's head position (escalations go to them); absent = vacant. */
  units: { name: string; kind: OrgUnitKind; headTitle: string; members: string[]; head?: string }[];
  firstParty: [name: string, jabatan: string];
  secondParty: [name: string, jabatan: string];
  goals: { code: string; name: string; indicators: Ind[] }[];
  programs: [code: string, name: string, pagu: number[], realizedQ1: number][];
  q1: Record<string, [value: number, pendorong: string, penghambat: string, tindakLanjut: string]>;
  q2Submitted?: Record<string, number>;
  q2Draft?: Record<string, number>;
}

const PK: Record<string, AgencyPk> = {
  "bmcktr-sumbar": {
    units: [
      { name: "Sekretariat", kind: "SEKRETARIAT", headTitle: "Sekretaris", members: ["SEKRETARIS"], head: "SEKRETARIS" },
      { name: "Bidang Bina Marga", kind: "BIDANG", headTitle: "Kepala Bidang Bina Marga", members: ["BIDANG"], head: "BIDANG" },
      { name: "Bidang Cipta Karya", kind: "BIDANG", headTitle: "Kepala Bidang Cipta Karya", members: ["BIDANG_CK"], head: "BIDANG_CK" },
      { name: "Bidang Tata Ruang", kind: "BIDANG", headTitle: "Kepala Bidang Tata Ruang", members: [] },
    ],
    firstParty: ["Kepala Dinas Bina Marga, Cipta Karya dan Tata Ruang", "Kepala Dinas"],
    secondParty: ["Gubernur Sumatera Barat", "Gubernur"],
    goals: [
      {
        code: "S1",
        name: "Meningkatnya kemantapan jalan provinsi",
        indicators: [
          ["IKU-1", "Persentase kemantapan jalan provinsi", "%", "HIGHER", "LAST", "Bidang Bina Marga", 85, [80, 82, 84, 85]],
          ["IKU-2", "Panjang jalan provinsi dalam kondisi rusak berat", "km", "LOWER", "LAST", "Bidang Bina Marga", 120, [150, 140, 130, 120]],
        ],
      },
      {
        code: "S2",
        name: "Meningkatnya kualitas infrastruktur permukiman dan penataan ruang",
        indicators: [
          ["IKU-3", "Persentase rumah tangga dengan akses air minum layak", "%", "HIGHER", "LAST", "Bidang Cipta Karya", 92, [89, 90, 91, 92]],
          ["IKU-4", "Jumlah kawasan kumuh yang ditangani", "kawasan", "HIGHER", "CUMULATIVE", "Bidang Cipta Karya", 12, [2, 3, 4, 3]],
          ["IKU-5", "Indeks kepuasan masyarakat atas layanan penataan ruang", "indeks", "HIGHER", "AVERAGE", "Sekretariat", [80, 90], [[80, 90], [80, 90], [80, 90], [80, 90]]],
          ["IKU-6", "Nilai evaluasi SAKIP perangkat daerah", "nilai", "HIGHER", "LAST", "Sekretariat", 75, [70, 72, 74, 75]],
        ],
      },
    ],
    programs: [
      ["1.03.10", "Program Penyelenggaraan Jalan", [25e9, 60e9, 80e9, 35e9], 22_450_000_000],
      ["1.03.03", "Program Pengembangan Permukiman", [5e9, 12e9, 15e9, 8e9], 4_120_500_000],
      ["1.03.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi", [4e9, 4e9, 4e9, 4e9], 3_905_000_000],
    ],
    q1: {
      "IKU-1": [80.5, "Pemeliharaan rutin berjalan sesuai jadwal", "Curah hujan tinggi di ruas Padang-Solok", "Percepatan paket pemeliharaan berkala TW II"],
      "IKU-2": [148, "Penanganan darurat longsor cepat", "Keterbatasan alat berat", "Kerja sama alat dengan UPTD"],
      "IKU-3": [89.2, "SPAM regional beroperasi", "", "Perluasan sambungan rumah"],
      "IKU-4": [2, "Kolaborasi dengan kabupaten/kota", "Pembebasan lahan", "Koordinasi dengan Bappeda"],
      "IKU-5": [84.5, "Layanan daring izin tata ruang", "", "Survei kepuasan triwulanan"],
      "IKU-6": [74, "Pendampingan Inspektorat", "Data dukung belum lengkap", "Perbaikan manajemen kinerja"],
    },
    q2Submitted: { "IKU-1": 82.3 },
    q2Draft: { "IKU-2": 139 },
  },
  "diskominfo-lumajang": {
    units: [
      { name: "Sekretariat", kind: "SEKRETARIAT", headTitle: "Sekretaris", members: ["KASUBAG_PK"], head: "SEKRETARIS" },
      { name: "Bidang Aplikasi Informatika", kind: "BIDANG", headTitle: "Kepala Bidang Aplikasi Informatika", members: ["STAFF"] },
    ],
    firstParty: ["Plt. Kepala Dinas Komunikasi dan Informatika", "Kepala Dinas"],
    secondParty: ["Bupati Lumajang", "Bupati"],
    goals: [
      {
        code: "S1",
        name: "Meningkatnya kualitas penyelenggaraan Sistem Pemerintahan Berbasis Elektronik",
        indicators: [
          ["IKU-1", "Indeks SPBE Kabupaten Lumajang", "indeks", "HIGHER", "LAST", "Bidang Aplikasi Informatika", 3, [2.6, 2.7, 2.8, 3]],
          ["IKU-2", "Persentase perangkat daerah terhubung jaringan intra pemerintah", "%", "HIGHER", "LAST", "Bidang Aplikasi Informatika", 100, [85, 90, 95, 100]],
        ],
      },
      {
        code: "S2",
        name: "Meningkatnya keterbukaan informasi publik",
        indicators: [
          ["IKU-3", "Nilai keterbukaan informasi publik", "nilai", "HIGHER", "LAST", "Sekretariat", [80, 90], [[75, 85], [78, 88], [80, 90], [80, 90]]],
          ["IKU-4", "Jumlah aduan masyarakat yang tidak tertangani", "aduan", "LOWER", "CUMULATIVE", "Sekretariat", 8, [2, 2, 2, 2]],
        ],
      },
    ],
    programs: [
      ["2.16.03", "Program Aplikasi Informatika", [1.2e9, 2.5e9, 2.5e9, 1.3e9], 1_050_000_000],
      ["2.16.02", "Program Informasi dan Komunikasi Publik", [0.6e9, 0.9e9, 0.9e9, 0.6e9], 540_000_000],
    ],
    q1: {
      "IKU-1": [2.65, "Integrasi layanan aplikasi", "", "Penyusunan arsitektur SPBE"],
      "IKU-2": [88, "Perluasan jaringan fiber", "Lokasi kecamatan terpencil", "Penggunaan radio link"],
      "IKU-3": [82, "PPID aktif", "", "Uji publik daftar informasi"],
      "IKU-4": [1, "Kanal aduan terpadu", "", "Monitoring mingguan"],
    },
    q2Submitted: { "IKU-1": 2.72, "IKU-2": 91, "IKU-3": 86, "IKU-4": 3 },
  },
  "setwan-balangan": {
    units: [
      { name: "Bagian Umum dan Keuangan", kind: "BIDANG", headTitle: "Kepala Bagian Umum dan Keuangan", members: ["KABAG"], head: "KABAG" },
      { name: "Bagian Persidangan dan Perundang-undangan", kind: "BIDANG", headTitle: "Kepala Bagian Persidangan dan Perundang-undangan", members: ["STAF"] },
    ],
    firstParty: ["Sekretaris DPRD Kabupaten Balangan", "Sekretaris DPRD"],
    secondParty: ["Bupati Balangan", "Bupati"],
    goals: [
      {
        code: "S1",
        name: "Meningkatnya kualitas fasilitasi fungsi DPRD",
        indicators: [
          ["IKU-1", "Persentase rapat DPRD yang terfasilitasi tepat waktu", "%", "HIGHER", "AVERAGE", "Bagian Persidangan dan Perundang-undangan", 95, [95, 95, 95, 95]],
          ["IKU-2", "Jumlah Peraturan Daerah yang ditetapkan", "perda", "HIGHER", "CUMULATIVE", "Bagian Persidangan dan Perundang-undangan", 10, [2, 3, 3, 2]],
        ],
      },
      {
        code: "S2",
        name: "Meningkatnya akuntabilitas keuangan Sekretariat DPRD",
        indicators: [
          ["IKU-3", "Persentase penyerapan anggaran", "%", "HIGHER", "LAST", "Bagian Umum dan Keuangan", [90, 100], [[20, 30], [45, 55], [70, 80], [90, 100]]],
          ["IKU-4", "Jumlah temuan BPK yang belum ditindaklanjuti", "temuan", "LOWER", "LAST", "Bagian Umum dan Keuangan", 2, [5, 4, 3, 2]],
        ],
      },
    ],
    programs: [
      ["2.01.02", "Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD", [3e9, 4.5e9, 4.5e9, 3e9], 2_710_000_000],
      ["2.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten", [2e9, 2e9, 2e9, 2e9], 1_880_000_000],
    ],
    q1: {
      "IKU-1": [96, "Jadwal rapat disusun sejak awal tahun", "", "Pertahankan"],
      "IKU-2": [1, "Pembahasan Raperda berjalan", "Penundaan fasilitasi provinsi", "Koordinasi dengan Biro Hukum"],
      "IKU-3": [24.5, "Belanja rutin sesuai rencana", "", "Percepatan pengadaan"],
      "IKU-4": [5, "", "Tindak lanjut masih proses", "Rapat tindak lanjut temuan"],
    },
  },
};

const val = (v: number) => String(v);

export async function seedDemoPerformance(db: Db, logins: DemoLogin[], slug: string) {
  const pk = PK[slug];
  if (!pk) return;
  const agency = await db.agency.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const userOf = async (key: string) => {
    const login = logins.find((l) => l.agencySlug === slug && (l.key ?? l.roleCode) === key)!;
    const user = await db.user.findUniqueOrThrow({ where: { nip: login.nip }, select: { id: true, name: true, nip: true } });
    return { user, roleCode: login.roleCode };
  };
  /** Unit heads, also on databases seeded before units had them (a vacant head only). */
  const seatHeads = async () => {
    for (const unit of pk.units) {
      if (!unit.head) continue;
      const { user } = await userOf(unit.head);
      await db.orgUnit.updateMany({ where: { agencyId: agency.id, name: unit.name, headUserId: null }, data: { headUserId: user.id } });
    }
  };
  if (await db.performanceAgreement.count({ where: { agencyId: agency.id, year: 2026 } })) return seatHeads();

  const unitIds = new Map<string, string>();
  for (const [i, unit] of pk.units.entries()) {
    const saved = await db.orgUnit.create({ data: { agencyId: agency.id, name: unit.name, kind: unit.kind, headTitle: unit.headTitle, sortOrder: i } });
    unitIds.set(unit.name, saved.id);
    for (const key of unit.members) {
      const { user } = await userOf(key);
      await db.membership.updateMany({ where: { agencyId: agency.id, userId: user.id }, data: { unitId: saved.id } });
    }
  }
  await seatHeads();
  const ctxFor = async (key: string) => {
    const { user, roleCode } = await userOf(key);
    return { agencyId: agency.id, actor: { id: user.id, name: user.name, nip: user.nip, roles: [roleCode] }, meta: null };
  };

  const target = (t: number | [number, number]) =>
    typeof t === "number" ? { targetValue: val(t), targetMin: null, targetMax: null } : { targetValue: null, targetMin: val(t[0]), targetMax: val(t[1]) };
  const input: TAgreementInput = {
    year: 2026,
    signedAt: "2026-02-10",
    firstPartyName: pk.firstParty[0],
    firstPartyJabatan: pk.firstParty[1],
    firstPartyNip: null,
    secondPartyName: pk.secondParty[0],
    secondPartyJabatan: pk.secondParty[1],
    goals: pk.goals.map((g) => ({
      code: g.code,
      name: g.name,
      indicators: g.indicators.map(([code, name, unit, polarity, aggregation, orgUnit, t, quarters]) => ({
        code,
        name,
        unit,
        polarity,
        aggregation,
        orgUnit,
        targetType: Array.isArray(t) ? ("RANGE" as const) : ("SINGLE" as const),
        ...target(t),
        quarters: quarters.map(target),
      })),
    })),
    programs: pk.programs.map(([code, name, pagu]) => ({ code, name, pagu: pagu.map(val) })),
  };
  const admin = await ctxFor("ADMIN");
  await saveAgreement(ZAgreementInput.parse(input), admin);

  const indicators = await db.indicator.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true, orgUnitId: true } });
  const fillerFor = async (orgUnitId: string) => {
    const unit = pk.units.find((u) => unitIds.get(u.name) === orgUnitId)!;
    return { ...(await ctxFor(unit.members[0]!)), unitIds: [orgUnitId] };
  };
  const sakip = await ctxFor("TIM_SAKIP");
  for (const ind of indicators) {
    const filler = await fillerFor(ind.orgUnitId);
    const [value, pendorong, penghambat, tindakLanjut] = pk.q1[ind.code]!;
    const saved = await saveRealization(
      ZRealizationSave.parse({ indicatorId: ind.id, year: 2026, quarter: 1, value, faktorPendorong: pendorong, faktorPenghambat: penghambat, tindakLanjut, submit: true }),
      filler,
    );
    await reviewRealization(ZRealizationReview.parse({ realizationId: saved.id, decision: "VERIFY" }), sakip);
    for (const [map, submit] of [[pk.q2Submitted, true], [pk.q2Draft, false]] as const) {
      const q2 = map?.[ind.code];
      if (q2 !== undefined) {
        await saveRealization(ZRealizationSave.parse({ indicatorId: ind.id, year: 2026, quarter: 2, value: q2, submit }), filler);
      }
    }
  }
  const programs = await db.program.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true } });
  for (const program of programs) {
    const realized = pk.programs.find(([code]) => code === program.code)![3];
    await saveBudgetRealization({ programId: program.id, quarter: 1, realization: val(realized) }, admin);
  }
}

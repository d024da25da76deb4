import { generateLevelAgreements } from "@/lib/cascade/level-pk";
import { createNode, createPeriod, saveIndicator } from "@/lib/cascade/service";
import type { TCascadeLevel, TRollUpRule } from "@/lib/cascade/levels";
import type { Db } from "@/lib/db/client";

import type { DemoLogin } from "./demo";

/**
 * A small pohon kinerja for the Dinas BMCKTR Sumatera Barat (Renstra 2025–2029): Tujuan >
 * two Sasaran > Sasaran Program (Bidang Bina Marga, Bidang Cipta Karya) > two Sasaran Kegiatan
 * whose road lengths add up to the program's, and the program's to the sasaran's (rule SUM).
 * Written by the agency administrator through the service, so the audit trail tells it.
 * The demo has no eselon IV units (Seksi), so its kegiatan belong to the Bidang.
 * Then the PK per level of 2026 is generated from it (decision 035): the agency's PK of 2026
 * (seeded before) stays as it is; the Bidang get their Sasaran Program and Kegiatan PKs.
 */
type TInd = [name: string, unitOfMeasure: string, rollUp: TRollUpRule, targets: number[], linksTo?: string];
interface TNode {
  level: TCascadeLevel;
  statement: string;
  unit?: string;
  indicators: TInd[];
  children?: TNode[];
}

const TREE: TNode = {
  level: "TUJUAN",
  statement: "Meningkatnya kualitas infrastruktur jalan, permukiman dan tata ruang Provinsi Sumatera Barat",
  indicators: [["Persentase kemantapan jalan provinsi", "%", "OWN", [83, 84, 85, 86, 87]]],
  children: [
    {
      level: "SASARAN",
      statement: "Meningkatnya kemantapan jalan provinsi",
      indicators: [
        ["Persentase kemantapan jalan provinsi (sasaran)", "%", "OWN", [83, 84, 85, 86, 87], "Persentase kemantapan jalan provinsi"],
        ["Panjang jalan provinsi yang ditangani", "km", "SUM", [110, 115, 120, 125, 130]],
      ],
      children: [
        {
          level: "PROGRAM",
          statement: "Meningkatnya kualitas penyelenggaraan jalan provinsi",
          unit: "Bidang Bina Marga",
          indicators: [["Panjang jalan provinsi yang ditangani program", "km", "SUM", [110, 115, 120, 125, 130], "Panjang jalan provinsi yang ditangani"]],
          children: [
            {
              level: "KEGIATAN",
              statement: "Terlaksananya pemeliharaan berkala jalan provinsi",
              unit: "Bidang Bina Marga",
              indicators: [["Panjang jalan yang dipelihara berkala", "km", "OWN", [80, 85, 88, 90, 95], "Panjang jalan provinsi yang ditangani program"]],
            },
            {
              level: "KEGIATAN",
              statement: "Terlaksananya rekonstruksi dan peningkatan jalan provinsi",
              unit: "Bidang Bina Marga",
              indicators: [["Panjang jalan yang direkonstruksi atau ditingkatkan", "km", "OWN", [30, 30, 32, 35, 35], "Panjang jalan provinsi yang ditangani program"]],
            },
          ],
        },
      ],
    },
    {
      level: "SASARAN",
      statement: "Meningkatnya kualitas infrastruktur permukiman",
      indicators: [["Persentase rumah tangga dengan akses air minum layak", "%", "OWN", [89, 90, 91, 92, 93]]],
      children: [
        {
          level: "PROGRAM",
          statement: "Meningkatnya layanan air minum dan sanitasi",
          unit: "Bidang Cipta Karya",
          indicators: [["Persentase rumah tangga terlayani SPAM regional", "%", "OWN", [40, 42, 45, 48, 50], "Persentase rumah tangga dengan akses air minum layak"]],
        },
      ],
    },
  ],
};

export async function seedDemoCascade(db: Db, logins: DemoLogin[], slug: string) {
  if (slug !== "bmcktr-sumbar") return;
  const agency = await db.agency.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  if (await db.renstraPeriod.count({ where: { agencyId: agency.id } })) return;
  const login = logins.find((l) => l.agencySlug === slug && l.roleCode === "ADMIN")!;
  const user = await db.user.findUniqueOrThrow({ where: { nip: login.nip }, select: { id: true, name: true, nip: true } });
  const who = { agencyId: agency.id, actor: { id: user.id, name: user.name, nip: user.nip, roles: ["ADMIN"] }, meta: null };
  const units = new Map((await db.orgUnit.findMany({ where: { agencyId: agency.id }, select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const period = await createPeriod({ startYear: 2025 }, who);
  const indicatorIds = new Map<string, string>();

  const add = async (node: TNode, parentId: string | null) => {
    const { id } = await createNode({ periodId: period.id, parentId, level: node.level, statement: node.statement, unitId: node.unit ? units.get(node.unit)! : null }, who);
    for (const [name, unitOfMeasure, rollUp, targets, linksTo] of node.indicators) {
      const saved = await saveIndicator(
        {
          nodeId: id,
          name,
          unitOfMeasure,
          polarity: "HIGHER",
          rollUp,
          parentIndicatorId: linksTo ? indicatorIds.get(linksTo)! : null,
          targets: targets.map((value, i) => ({ year: period.startYear + i, value: String(value) })),
        },
        who,
      );
      indicatorIds.set(name, saved.id);
    }
    for (const child of node.children ?? []) await add(child, id);
  };
  await add(TREE, null);
  await generateLevelAgreements({ periodId: period.id, year: 2026 }, who);
}

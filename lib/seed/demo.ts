import { hashPassword } from "@/lib/auth/password";
import { sequenceAll } from "@/lib/audit/sequencer";
import type { Db } from "@/lib/db/client";
import { makeDemoP12 } from "@/lib/signing/certificate";
import { uploadCertificate } from "@/lib/signing/service";
import { SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";
import { activateSop, createSop } from "@/lib/sop/service";

import { RESERVED_ROLES, SEED_AGENCIES } from "./agencies";
import { seedDemoCycles } from "./demo-cycles";
import { seedDemoCascade } from "./demo-cascade";
import { seedDemoLke } from "./demo-lke";
import { seedDemoPerformance } from "./demo-performance";

/** Every demo account uses this password. Demo data only: never on a real deployment. */
export const DEMO_PASSWORD = "AlurKinerja2026";

export interface DemoLogin {
  agencySlug: string | null;
  /** Identifies the account within its agency when two share a role (default: roleCode). */
  key?: string;
  roleCode: string;
  roleName: string;
  name: string;
  email: string;
  nip: string;
  jabatan: string;
}

const FIRST_NAMES = ["Ahmad", "Siti", "Budi", "Dewi", "Rahmat", "Nur", "Hendra", "Rina", "Yusuf", "Lestari"];
const LAST_NAMES = ["Santoso", "Rahayu", "Saputra", "Wulandari", "Hidayat", "Kurniawan", "Pratiwi", "Siregar"];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A fictional but well-formed NIP: birth date, appointment month, sex, sequence. */
function demoNip(agencyIndex: number, roleIndex: number): string {
  const birth = `${1970 + roleIndex}${pad(agencyIndex + 1)}${pad(10 + roleIndex)}`;
  const appointment = `${2000 + roleIndex}${pad(roleIndex + 1)}`;
  const sex = (agencyIndex + roleIndex) % 2 === 0 ? "1" : "2";
  return `${birth}${appointment}${sex}${pad(agencyIndex * 10 + roleIndex + 1, 3)}`;
}

/** The demo accounts, derived deterministically so the README can list them. */
export function demoLogins(): DemoLogin[] {
  const logins: DemoLogin[] = [
    {
      agencySlug: null,
      roleCode: "PLATFORM_ADMIN",
      roleName: "Administrator Platform",
      name: "Administrator Platform",
      email: "admin@alurkinerja.demo",
      nip: "198001012005011001",
      jabatan: "Administrator Platform",
    },
  ];
  SEED_AGENCIES.forEach((agency, a) => {
    [...agency.roles, ...RESERVED_ROLES].forEach((role, r) => {
      const who = `${FIRST_NAMES[(a * 3 + r) % FIRST_NAMES.length]} ${LAST_NAMES[(a * 5 + r) % LAST_NAMES.length]}`;
      logins.push({
        agencySlug: agency.slug,
        roleCode: role.code,
        roleName: role.name,
        name: who,
        email: `${role.code.toLowerCase().replace(/_/g, ".")}@${agency.short}.demo`,
        nip: demoNip(a, r),
        jabatan: role.code === "AUDITOR" ? `Auditor Inspektorat ${agency.government.name}` : role.name,
      });
    });
  });
  // A second Bidang, so the demo shows each unit filling only its own indicators.
  logins.push({
    agencySlug: "bmcktr-sumbar",
    key: "BIDANG_CK",
    roleCode: "BIDANG",
    roleName: "Bidang (Cipta Karya)",
    name: "Yusuf Kurniawan",
    email: "bidang.ck@sumbar.demo",
    nip: "198204152008011028",
    jabatan: "Kepala Bidang Cipta Karya",
  });
  // A second Inspektorat auditor, the pengendali teknis who completes the LKE review the first one verified (decision 046).
  logins.push({
    agencySlug: "bmcktr-sumbar",
    key: "AUDITOR_PENGENDALI",
    roleCode: "AUDITOR",
    roleName: "Auditor Inspektorat (pengendali teknis)",
    name: "Rina Siregar",
    email: "pengendali@sumbar.demo",
    nip: "198107202009012029",
    jabatan: "Pengendali Teknis Inspektorat Provinsi Sumatera Barat",
  });
  return logins;
}

/**
 * Idempotent: running it again changes nothing that exists (passwords and
 * roles changed in the app are left alone), and adds whatever is missing.
 */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const logins = demoLogins();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const agency of SEED_AGENCIES) {
    const government = await db.government.upsert({
      where: { level_name: agency.government },
      create: agency.government,
      update: {},
    });
    const saved = await db.agency.upsert({
      where: { slug: agency.slug },
      create: {
        slug: agency.slug,
        name: agency.name,
        governmentId: government.id,
        timeZone: agency.timeZone,
        city: agency.city,
        settings: { permissions: agency.designations },
      },
      update: {},
    });
    const roles = [...agency.roles.map((r, i) => ({ ...r, sortOrder: i })), ...RESERVED_ROLES.map((r, i) => ({ ...r, sortOrder: 90 + i }))];
    for (const role of roles) {
      await db.role.upsert({
        where: { agencyId_code: { agencyId: saved.id, code: role.code } },
        create: { agencyId: saved.id, code: role.code, name: role.name, isHead: role.isHead ?? false, sortOrder: role.sortOrder },
        update: {},
      });
    }
  }

  const roleIds = new Map(
    (await db.role.findMany({ select: { id: true, code: true, agency: { select: { slug: true, id: true } } } })).map((r) => [
      `${r.agency.slug}/${r.code}`,
      { roleId: r.id, agencyId: r.agency.id },
    ]),
  );
  for (const login of logins) {
    const user = await db.user.upsert({
      where: { nip: login.nip },
      create: {
        nip: login.nip,
        name: login.name,
        email: login.email,
        jabatan: login.jabatan,
        pangkat: login.roleCode === "PLATFORM_ADMIN" ? null : "Penata Tk. I (III/d)",
        passwordHash,
        isPlatformAdmin: login.roleCode === "PLATFORM_ADMIN",
      },
      update: {},
    });
    if (!login.agencySlug) continue;
    const role = roleIds.get(`${login.agencySlug}/${login.roleCode}`);
    if (!role) throw new Error(`seed: missing role ${login.agencySlug}/${login.roleCode}`);
    await db.membership.upsert({
      where: { userId_roleId: { userId: user.id, roleId: role.roleId } },
      create: { userId: user.id, roleId: role.roleId, agencyId: role.agencyId },
      update: {},
    });
  }

  await seedSops(db, logins);
  await seedDemoCertificates(db, logins);
  for (const agency of SEED_AGENCIES) {
    await seedDemoPerformance(db, logins, agency.slug);
    await seedDemoCascade(db, logins, agency.slug);
    await seedDemoCycles(db, logins, agency.slug);
    await seedDemoLke(db, logins, agency.slug);
  }
  // The demo's audit events arrive chained, as the worker would chain them within a second (decision 038).
  await sequenceAll(db);
  return logins;
}

/**
 * The three seed SOPs, ACTIVE in their agencies: written by the agency
 * administrator and activated ("disahkan") by the head, through the same
 * services as the editor, so the audit trail tells the same story.
 */
async function seedSops(db: Db, logins: DemoLogin[]) {
  for (const agency of SEED_AGENCIES) {
    const sop = SEED_SOPS[agency.slug as TSeedSopSlug];
    const saved = await db.agency.findUniqueOrThrow({ where: { slug: agency.slug }, select: { id: true } });
    const exists = await db.sopSeries.count({ where: { agencyId: saved.id, nomor: sop.nomor } });
    if (exists) continue;
    const actorFor = async (roleCode: string) => {
      const login = logins.find((l) => l.agencySlug === agency.slug && l.roleCode === roleCode)!;
      const user = await db.user.findUniqueOrThrow({ where: { nip: login.nip }, select: { id: true } });
      return { agencyId: saved.id, actor: { id: user.id, name: login.name, nip: login.nip, roles: [roleCode] }, meta: null };
    };
    const head = agency.roles.find((r) => r.isHead)!.code;
    const { id } = await createSop(sop, await actorFor("ADMIN"));
    await activateSop(id, await actorFor(head));
    // The demo's history (cycles from Triwulan I 2026 on) ran under this version: it has been
    // in force since its Tanggal Efektif, not since the moment the demo data was loaded.
    if (sop.tanggalEfektif) await db.sop.update({ where: { id }, data: { activatedAt: new Date(`${sop.tanggalEfektif}T00:00:00.000Z`) } });
  }
}

/** The passphrase of the demo certificates: they are self-signed and say DEMO, never for real use. */
export const DEMO_CERTIFICATE_PASSPHRASE = "sertifikat-demo";

/**
 * A self-signed demo certificate per agency (node-forge), uploaded as the
 * agency administrator would, so the head can sign reports in the demo.
 * Marked DEMO in its names and in the database (isDemo): a PDF signed with
 * it verifies as intact, and no reader trusts its signer.
 */
async function seedDemoCertificates(db: Db, logins: DemoLogin[]) {
  for (const agency of SEED_AGENCIES) {
    const saved = await db.agency.findUniqueOrThrow({ where: { slug: agency.slug }, select: { id: true, name: true } });
    if (await db.signingCertificate.count({ where: { agencyId: saved.id } })) continue;
    const login = logins.find((l) => l.agencySlug === agency.slug && l.roleCode === "ADMIN")!;
    const user = await db.user.findUniqueOrThrow({ where: { nip: login.nip }, select: { id: true } });
    const p12 = makeDemoP12(saved.name, DEMO_CERTIFICATE_PASSPHRASE);
    await uploadCertificate(
      { agencyId: saved.id, actor: { id: user.id, name: login.name, nip: login.nip, roles: ["ADMIN"] }, meta: null },
      { fileName: "sertifikat-demo.p12", fileBase64: p12.toString("base64"), passphrase: DEMO_CERTIFICATE_PASSPHRASE },
      { isDemo: true },
      db,
    );
  }
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const rows = logins.map((l) => [l.agencySlug ?? "(platform)", l.roleName, l.email, l.nip]);
  const header = ["Instansi", "Peran", "Email", "NIP"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [
    `Akun demo (kata sandi untuk semua: ${DEMO_PASSWORD}); masuk dengan email atau NIP:`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

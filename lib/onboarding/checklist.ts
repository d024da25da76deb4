/**
 * "Langkah pertama": what a new agency's administrator does before the
 * agency runs its own SOPs, in order. Pure: the counts come from
 * lib/onboarding/queries.ts; the dashboard shows the list until every step is done.
 */
export interface TFirstStepCounts {
  /** The agency's own roles (not ADMIN/AUDITOR). */
  roles: number;
  headRoles: number;
  activeUnits: number;
  /** Active memberships in the agency's own roles (people who can run steps). */
  workingMembers: number;
  activeSops: number;
  agreements: number;
}

export type TFirstStepKey = "roles" | "units" | "members" | "sop" | "agreement";

export interface TFirstStep {
  key: TFirstStepKey;
  title: string;
  hint: string;
  done: boolean;
  /** Path under /a/<slug>. */
  href: string;
}

export const FIRST_STEP_MESSAGES = {
  title: "Langkah pertama instansi",
  intro: "Selesaikan langkah berikut agar instansi dapat menjalankan SOP-nya sendiri.",
  progress: (done: number, total: number) => `${done} dari ${total} langkah selesai`,
  done: "Selesai",
  todo: "Belum",
  open: "Buka",
  steps: {
    roles: { title: "Buat peran", hint: "Peran sesuai kolom Pelaksana SOP, termasuk satu peran kepala instansi." },
    rolesNoHead: { title: "Buat peran", hint: "Tandai satu peran sebagai kepala instansi: ia yang memberlakukan SOP." },
    units: { title: "Buat unit kerja", hint: "Sekretariat, Bidang, Subbagian, atau UPTD instansi." },
    members: { title: "Tambah anggota", hint: "Pegawai dengan peran dan unit kerjanya." },
    sop: { title: "Berlakukan SOP pertama", hint: "Tempel atau impor SOP, lalu kepala instansi memberlakukannya." },
    agreement: { title: "Isi Perjanjian Kinerja", hint: "Sasaran, indikator, dan target triwulan; bisa diimpor dari lampiran xlsx." },
  },
} as const;

export function firstSteps(c: TFirstStepCounts): TFirstStep[] {
  const M = FIRST_STEP_MESSAGES.steps;
  const roles = c.roles > 0 && c.headRoles > 0;
  const rolesText = c.roles > 0 && c.headRoles === 0 ? M.rolesNoHead : M.roles;
  return [
    { key: "roles", ...rolesText, done: roles, href: "/peran" },
    { key: "units", ...M.units, done: c.activeUnits > 0, href: "/unit" },
    { key: "members", ...M.members, done: c.workingMembers > 0, href: "/anggota" },
    { key: "sop", ...M.sop, done: c.activeSops > 0, href: "/sops" },
    { key: "agreement", ...M.agreement, done: c.agreements > 0, href: "/kinerja" },
  ];
}

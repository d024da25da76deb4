import { describe, expect, it } from "vitest";

import { checkMemberRows, type TMemberFacts, type TMemberImportRow } from "@/lib/member/import";
import { readActingRecord, withCapacity } from "@/lib/role/acting";
import { fullName } from "@/lib/member/name";

const facts = (over: Partial<TMemberFacts> = {}): TMemberFacts => ({
  units: [
    { id: "u1", name: "Bidang Distribusi Pangan", active: true },
    { id: "u2", name: "Bidang Lama", active: false },
  ],
  roles: [
    { code: "PENYULUH", name: "Penyuluh Ketahanan Pangan" },
    { code: "AUDITOR", name: "Auditor Inspektorat" },
  ],
  memberNips: new Set(),
  accountsByNip: new Map(),
  emailsTaken: new Map(),
  reservedCodes: ["AUDITOR"],
  ...over,
});
const row = (over: Partial<TMemberImportRow> = {}): TMemberImportRow => ({
  row: 2,
  nip: "199002202015031001",
  name: "Markus Mahuze",
  gelarDepan: "",
  gelarBelakang: "S.P.",
  jabatan: "Penyuluh",
  pangkat: "Penata Muda (III/a)",
  unit: "bidang distribusi  pangan",
  roles: "Penyuluh Ketahanan Pangan",
  email: "",
  ...over,
});

describe("member import rows", () => {
  it("matches units and roles by name ignoring case and spaces, and accepts the printed NIP", () => {
    const [r] = checkMemberRows([row({ nip: "19900220 201503 1 001" })], facts());
    expect(r).toMatchObject({ nip: "199002202015031001", unitId: "u1", roleCodes: ["PENYULUH"], problems: [] });
  });

  it("names every problem of a row at once", () => {
    const [r] = checkMemberRows([row({ nip: "1990", name: "", unit: "Bidang Lama", roles: "Auditor Inspektorat, Kepala Gudang", email: "bukan-email" })], facts());
    expect(r!.problems).toEqual([
      "NIP harus 18 digit angka, misalnya 19840518 201101 1 014.",
      "Nama kosong.",
      'Unit kerja "Bidang Lama" tidak ada di instansi ini (atau nonaktif).',
      'Peran "Auditor Inspektorat" tidak dapat diberikan lewat impor.',
      'Peran "Kepala Gudang" tidak ada di instansi ini.',
      'Email "bukan-email" tidak valid.',
    ]);
  });

  it("flags a NIP twice in the file on both rows, and one already in the agency", () => {
    const rows = checkMemberRows([row({ row: 2 }), row({ row: 5, name: "Lain" })], facts({ memberNips: new Set(["199002202015031001"]) }));
    expect(rows[0]!.problems).toContain("NIP sama dengan baris 5 di berkas ini.");
    expect(rows[1]!.problems).toContain("NIP sama dengan baris 2 di berkas ini.");
    expect(rows[0]!.problems).toContain("NIP ini sudah menjadi anggota instansi.");
  });

  it("lets an existing account join without a name, and refuses another account's e-mail", () => {
    const account = new Map([["199002202015031001", { id: "x", email: null }]]);
    const [r] = checkMemberRows([row({ name: "", email: "orang@lain.go.id" })], facts({ accountsByNip: account, emailsTaken: new Map([["orang@lain.go.id", "197001102000011001"]]) }));
    expect(r!.existingAccount).toBe(true);
    expect(r!.problems).toEqual(["Email orang@lain.go.id sudah dipakai akun lain."]);
  });
});

describe("acting capacity and names", () => {
  it("reads the capacity a task recorded, and ignores anything malformed", () => {
    const acting = { appointmentId: "a1", kind: "PLT", title: "Plt. Kepala Dinas", decreeNumber: "SK/1" };
    expect(readActingRecord({ checklist: [], acting })).toEqual(acting);
    expect(readActingRecord({ acting: { kind: "WAKIL", appointmentId: "a1", title: "x" } })).toBeNull();
    expect(readActingRecord(null)).toBeNull();
    expect(withCapacity("Yuliana Kaize (NIP 1)", readActingRecord({ acting }))).toBe("Plt. Kepala Dinas · Yuliana Kaize (NIP 1)");
  });

  it("prints titles around the name", () => {
    expect(fullName({ name: "Petrus Gebze", gelarDepan: "Ir.", gelarBelakang: "M.Si." })).toBe("Ir. Petrus Gebze, M.Si.");
    expect(fullName({ name: "Yosep" })).toBe("Yosep");
  });
});

/**
 * The full title of the official who signs ("mengesahkan") an agency's SOPs, from the
 * agency's head role and its name, as the signature block prints it:
 * "Kepala Dinas" + "Dinas Perikanan Kabupaten Tanah Laut" -> "Kepala Dinas Perikanan
 * Kabupaten Tanah Laut"; "Sekretaris DPRD" + "Sekretariat DPRD Kabupaten Balangan" ->
 * "Sekretaris DPRD Kabupaten Balangan". A bare "Kepala" is never a title on paper.
 */
export function signerTitle(headRoleName: string | null | undefined, agencyName: string): string {
  const agency = agencyName.replace(/\s+/g, " ").trim();
  const role = (headRoleName ?? "").replace(/\s+/g, " ").trim();
  const words = role.split(" ").filter(Boolean);
  // "Kepala" (+ "Dinas"/"Badan"/...): the head of the agency the name already spells out.
  if (words.length <= 2 && /^kepala$/i.test(words[0] ?? "")) {
    const kind = words[1];
    if (!kind || agency.toLowerCase().startsWith(kind.toLowerCase())) return `Kepala ${agency}`;
  }
  if (role === "") return `Kepala ${agency}`;
  if (agency.toLowerCase().includes(role.toLowerCase())) return agency;
  // Another head ("Sekretaris DPRD", "Direktur"): the role, then where it sits (the region).
  const region = /\b(?:Kabupaten|Kota|Provinsi)\b.*$/i.exec(agency)?.[0];
  return region && !role.toLowerCase().includes(region.toLowerCase()) ? `${role} ${region}` : role;
}

/** A signer's title too short to print (the bare head role, or "Kepala"): the full title instead. */
export function printedSignerTitle(stored: string, headRoleName: string | null | undefined, agencyName: string): string {
  const value = stored.trim();
  const bare = value === "" || /^kepala$/i.test(value) || (headRoleName != null && value.toLowerCase() === headRoleName.trim().toLowerCase());
  return bare ? signerTitle(headRoleName, agencyName) : value;
}

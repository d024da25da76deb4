/** "Dr. Ir. Rina Marlina, M.T.": the name with its titles, as signature blocks print it. */
export function fullName(p: { name: string; gelarDepan?: string | null; gelarBelakang?: string | null }): string {
  return [p.gelarDepan, p.name].filter(Boolean).join(" ") + (p.gelarBelakang ? `, ${p.gelarBelakang}` : "");
}

import { CYCLE_MESSAGES } from "@/lib/cycle/messages";

/** "2026-TW1" -> "Triwulan I 2026". */
export function quarterLabel(quarter: string): string {
  const [year, period] = quarter.split("-") as [string, keyof typeof CYCLE_MESSAGES.periods];
  return `${CYCLE_MESSAGES.periods[period] ?? period} ${year}`;
}

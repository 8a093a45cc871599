import type { HealthBreakdown, TraitId } from "@keel/domain";

export type TraitRow = HealthBreakdown["traits"][number];

/** Points as the breakdown shows them: two decimals, the precision the contributions add up at (H-4). */
export function formatPoints(points: number): string {
  return points.toFixed(2);
}

const ratioTraits = new Set<TraitId>(["dauOverMau", "mauOverSeats"]);
const pulseLabels: Record<string, string> = { healthy: "Healthy", concerning: "Concerning", poor: "Poor" };

/** A trait's value in words; null (no data) is "No data", never 0 (H-3). */
export function formatTraitValue(trait: Pick<TraitRow, "id" | "value">): string {
  const { value } = trait;
  if (value === null) return "No data";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return pulseLabels[value] ?? value;
  if (ratioTraits.has(trait.id)) return value.toFixed(2);
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(1);
}

/** H-2 grades: healthy 100, concerning 50, poor 0; anything between comes from linear grading. */
export function formatGrade(grade: number | null): string {
  if (grade === null) return "—";
  if (grade === 100) return "Healthy (100)";
  if (grade === 50) return "Concerning (50)";
  if (grade === 0) return "Poor (0)";
  return `${Math.round(grade * 10) / 10} (linear)`;
}

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(2)}%`;
}

import type { ChurnRetroStatus } from "@keel/client";
import { closedLostCategoryLabels, closedLostCategorySchema } from "@keel/domain";

export const retroStatusLabels: Record<ChurnRetroStatus, string> = {
  open: "Open",
  reviewed: "Reviewed",
  closed: "Closed",
};
export const retroStatuses = ["open", "reviewed", "closed"] as const satisfies readonly ChurnRetroStatus[];

/** The agreed closed-lost category in words; "Not agreed yet" before the retro names one. */
export function closedLostText(category: string | null): string {
  if (category === null) return "Not agreed yet";
  const known = closedLostCategorySchema.safeParse(category);
  return known.success ? closedLostCategoryLabels[known.data] : category;
}

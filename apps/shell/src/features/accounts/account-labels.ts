import type { Deployment, SupportLevel } from "@keel/domain";

// @keel/domain has no labels for these yet; kept here until another screen needs them.
export const supportLevelLabels: Record<SupportLevel, string> = {
  dedicated: "Dedicated",
  pooled: "Pooled",
  scaled: "Scaled",
  none: "None",
};

export const deploymentLabels: Record<Deployment, string> = {
  "self-hosted": "Self-hosted",
  cloud: "Cloud",
};

export const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

import { countOf } from "@keel/domain";
import { daysLeftLabel } from "./days-left.ts";

/** "Overdue by 3 days" for an unprocessed renewal past its date, else "12 days" / "Today". */
export function daysLeftText(daysLeft: number, overdue: boolean): string {
  if (overdue) return `Overdue by ${countOf(Math.abs(daysLeft), "day")}`;
  return daysLeftLabel(daysLeft);
}

/** A ratio 0..1 as a percentage with one decimal ("97.5%"); "—" for none. */
export function percentText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${(ratio * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
}

/** Whole dollars typed in a form as integer cents; null when it is not a sum of money. */
export function centsOfDollars(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Cents as the dollars a form field shows ("125000" or "125000.50"). */
export function dollarsText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/**
 * A shell page's href from the app's `accountHref` (relative in the shell, absolute standalone),
 * so links to shell pages the app has no helper for (documents) work in both places.
 */
export function shellHref(accountHref: (accountId: string) => string, path: string): string {
  const accountPage = accountHref("_");
  return `${accountPage.slice(0, accountPage.length - "/accounts/_".length)}${path}`;
}

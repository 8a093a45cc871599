import type { AccountSummary } from "@keel/domain";

/** How far ahead this screen looks (SPEC §5 renewals pipeline). */
export const RENEWAL_HORIZON_DAYS = 180;

export interface RenewalWindow {
  id: "next30" | "next90" | "next180";
  label: string;
  fromDay: number;
  toDay: number;
}

export const renewalWindows: readonly RenewalWindow[] = [
  { id: "next30", label: "Next 30 days", fromDay: 0, toDay: 30 },
  { id: "next90", label: "31–90 days", fromDay: 31, toDay: 90 },
  { id: "next180", label: "91–180 days", fromDay: 91, toDay: RENEWAL_HORIZON_DAYS },
];

/** How many accounts renew in each window. Accounts without a renewal date count nowhere. */
export function countByWindow(accounts: readonly Pick<AccountSummary, "daysToRenewal">[]) {
  const counts: Record<RenewalWindow["id"], number> = { next30: 0, next90: 0, next180: 0 };
  for (const account of accounts) {
    const days = account.daysToRenewal;
    if (days === null) continue;
    const window = renewalWindows.find((w) => days >= w.fromDay && days <= w.toDay);
    if (window) counts[window.id] += 1;
  }
  return counts;
}

/** "Today", "1 day", "12 days". */
export function daysLeftLabel(days: number | null): string {
  if (days === null) return "—";
  if (days <= 0) return "Today";
  return days === 1 ? "1 day" : `${days} days`;
}

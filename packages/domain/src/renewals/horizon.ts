import { daysBetween } from "../dates.ts";

/**
 * How far ahead the renewal pipeline looks: R-3 reviews yellow and red accounts 180 days before
 * their renewal, the earliest any renewal work starts (R-1 phases start at T-120).
 */
export const RENEWAL_HORIZON_DAYS = 180;

/** Days from `today` to the renewal (ISO dates); negative when overdue, null without a date. */
export function daysToRenewal(renewalDate: string | null, today: string): number | null {
  return renewalDate === null ? null : daysBetween(today, renewalDate);
}

/** The pipeline's bands: each upcoming renewal falls in exactly one. */
export interface RenewalBand {
  id: "next30" | "next90" | "next180";
  label: string;
  fromDay: number;
  toDay: number;
}

export const renewalBands: readonly RenewalBand[] = [
  { id: "next30", label: "Next 30 days", fromDay: 0, toDay: 30 },
  { id: "next90", label: "31–90 days", fromDay: 31, toDay: 90 },
  { id: "next180", label: "91–180 days", fromDay: 91, toDay: RENEWAL_HORIZON_DAYS },
];

/** How many accounts renew in each band. Accounts without a renewal date count nowhere. */
export function countByRenewalBand(
  accounts: readonly { daysToRenewal: number | null }[],
): Record<RenewalBand["id"], number> {
  const counts: Record<RenewalBand["id"], number> = { next30: 0, next90: 0, next180: 0 };
  for (const account of accounts) {
    const days = account.daysToRenewal;
    if (days === null) continue;
    const band = renewalBands.find((b) => days >= b.fromDay && days <= b.toDay);
    if (band) counts[band.id] += 1;
  }
  return counts;
}

/**
 * The look-ahead windows a manager picks from ("renewing in the next 90 days"): cumulative,
 * from today, up to the horizon. Each has a slug for links (`next-90`).
 */
export const renewalWindowDays = [30, 60, 90, RENEWAL_HORIZON_DAYS] as const;
export type RenewalWindowDays = (typeof renewalWindowDays)[number];

export const renewalWindowSlug = (days: RenewalWindowDays) => `next-${days}` as const;

/** The window a slug names (`next-30` → 30), or null for anything else. */
export function renewalWindowFromSlug(slug: string | undefined): RenewalWindowDays | null {
  const match = /^next-(\d+)$/.exec(slug ?? "");
  if (!match) return null;
  const days = Number(match[1]);
  return renewalWindowDays.find((window) => window === days) ?? null;
}

/** Whether a renewal `days` away falls in the window (overdue renewals do not). */
export function renewsWithin(days: number | null, window: number): boolean {
  return days !== null && days >= 0 && days <= window;
}

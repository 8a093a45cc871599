import { addDays, daysBetween } from "../dates.ts";
import type { HealthCategory } from "../health/category.ts";
import type { RenewalPolicy } from "./policy.ts";
import { countOf } from "./renewal.ts";

/** What R-3 reads of one renewal: its due date, whether it is processed, and its health now. */
export type ReviewListCandidate = {
  dueDate: string;
  processed: boolean;
  /** The account's health category today (H-3). */
  category: HealthCategory;
  /** The day the account entered its current yellow or red category (H-5 event), when known. */
  categorySince: string | null;
};

export type ReviewListEntry = {
  /** The day the account joined the list: the later of T-180 and the day it turned yellow/red. */
  enteredOn: string;
  /** why it is on the list, as a sentence. */
  reason: string;
};

const categoryWords: Partial<Record<HealthCategory, string>> = { yellow: "Yellow", red: "Red" };

/**
 * R-3 (seed 003): "180 days out from renewal" yellow and red accounts go on the Yellow/Red
 * Renewals review list. Seed 003 also says "renewing in the next six months … either Red or
 * Yellow", so membership is continuous rather than a snapshot at T-180: an account turning
 * yellow at T-90 joins then, one recovering to green leaves. An overdue, unprocessed renewal
 * stays on the list: it is the one most at risk.
 */
export function reviewListEntry(
  candidate: ReviewListCandidate,
  today: string,
  policy: RenewalPolicy,
): ReviewListEntry | null {
  const word = categoryWords[candidate.category];
  if (candidate.processed || word === undefined) return null;
  const daysLeft = daysBetween(today, candidate.dueDate);
  if (daysLeft > policy.reviewHorizonDays) return null;

  const horizonDay = addDays(candidate.dueDate, -policy.reviewHorizonDays);
  const since = candidate.categorySince?.slice(0, 10) ?? null;
  const enteredOn = since !== null && since > horizonDay ? since : horizonDay;
  const when =
    daysLeft > 0
      ? `${countOf(daysLeft, "day")} before renewal`
      : daysLeft === 0
        ? "on the renewal date"
        : `${countOf(-daysLeft, "day")} after the renewal date, not processed`;
  return { enteredOn, reason: `${word} health ${when}` };
}

import { addMonths } from "../dates.ts";
import type { RenewalPolicy } from "./policy.ts";
import { dollarsOfCents, isChurn, type RenewalOutcome, renewalOutcomeLabels } from "./renewal.ts";

/** a processed renewal's numbers: the outcome and ARR and seats before and after. */
export type ProcessedRenewalNumbers = {
  outcome: RenewalOutcome;
  arrBeforeCents: number;
  arrAfterCents: number;
  seatsBefore: number;
  seatsAfter: number;
};

/** A field of the processed renewal and what is wrong with it, as the 422 answer lists them. */
export type OutcomeIssue = { path: keyof ProcessedRenewalNumbers; message: string };

/** the outcome the ARR before and after make: none left is a full churn, less a partial. */
export function outcomeOfNumbers(arrBeforeCents: number, arrAfterCents: number): RenewalOutcome {
  if (arrAfterCents < arrBeforeCents) return arrAfterCents === 0 ? "full_churn" : "partial_churn";
  return arrAfterCents === arrBeforeCents ? "flat" : "incremental";
}

const outcomeNouns: Record<RenewalOutcome, string> = {
  full_churn: "a full churn",
  partial_churn: "a partial churn",
  flat: "a flat renewal",
  incremental: "an incremental renewal",
};

const arrRequirements: Record<RenewalOutcome, string> = {
  full_churn: "no ARR after",
  partial_churn: "ARR after above $0.00 and below ARR before",
  flat: "ARR after equal to ARR before",
  incremental: "ARR after above ARR before",
};

/**
 * whether the outcome agrees with the numbers. Each disagreement is an issue naming the
 * numbers and the outcome they do make, so the AE sees which of the two to correct.
 */
export function checkOutcome(numbers: ProcessedRenewalNumbers): OutcomeIssue[] {
  const issues: OutcomeIssue[] = [];
  for (const path of ["arrBeforeCents", "arrAfterCents"] as const) {
    if (numbers[path] < 0) issues.push({ path, message: "ARR must not be negative" });
  }
  for (const path of ["seatsBefore", "seatsAfter"] as const) {
    if (numbers[path] < 0) issues.push({ path, message: "seats must not be negative" });
  }
  if (issues.length > 0) return issues;

  const { outcome, arrBeforeCents, arrAfterCents } = numbers;
  const made = outcomeOfNumbers(arrBeforeCents, arrAfterCents);
  // Flat and a full churn of an account with no ARR are both "0 → 0": either is true.
  const agrees = made === outcome || (outcome === "full_churn" && arrAfterCents === 0);
  if (!agrees) {
    issues.push({
      path: "outcome",
      message: `${renewalOutcomeLabels[outcome]} needs ${arrRequirements[outcome]}, but ARR goes from ${dollarsOfCents(arrBeforeCents)} to ${dollarsOfCents(arrAfterCents)}: that is ${outcomeNouns[made]}.`,
    });
  }
  // A customer who has left holds no licence; seats kept on a full churn are a typo.
  if (outcome === "full_churn" && numbers.seatsAfter > 0) {
    issues.push({
      path: "seatsAfter",
      message: `A full churn keeps no seats, but ${numbers.seatsAfter} remain.`,
    });
  }
  return issues;
}

/** the next renewal date, one term after the one processed (the month's end when the day is missing). */
export function nextRenewalDate(dueDate: string, policy: RenewalPolicy): string {
  return addMonths(dueDate, policy.termMonths);
}

/**
 * R-7 (seed 001): a churn retro for every full or partial churn "above $150,000 ARR" (strictly
 * more ARR lost than the threshold), except when "the ARR churn does not result in a decrease in
 * seats purchased". All three must hold.
 */
export function churnRetroRequired(
  numbers: ProcessedRenewalNumbers,
  policy: RenewalPolicy,
): { required: boolean; reason: string } {
  const lostCents = numbers.arrBeforeCents - numbers.arrAfterCents;
  const lost = dollarsOfCents(Math.max(lostCents, 0));
  const threshold = dollarsOfCents(policy.retroChurnThresholdCents);
  const seats = `seats ${numbers.seatsBefore} → ${numbers.seatsAfter}`;
  if (!isChurn(numbers.outcome)) {
    return { required: false, reason: `${renewalOutcomeLabels[numbers.outcome]}: not a churn, no retro.` };
  }
  if (lostCents <= policy.retroChurnThresholdCents) {
    return { required: false, reason: `${lost} ARR lost, not more than ${threshold}: no retro.` };
  }
  if (numbers.seatsAfter >= numbers.seatsBefore) {
    return {
      required: false,
      reason: `${lost} ARR lost, but seats purchased did not decrease (${seats}): no retro.`,
    };
  }
  return {
    required: true,
    reason: `${lost} ARR lost, more than ${threshold}, and seats purchased decreased (${seats}): a churn retro is required.`,
  };
}

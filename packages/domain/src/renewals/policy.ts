import { z } from "zod";
import { int32Schema, safeIntegerSchema } from "../validation.ts";
import { RENEWAL_HORIZON_DAYS } from "./horizon.ts";

/**
 * Every number of the renewal process (SPEC §5) in one versioned object, so an admin's edit
 * changes the phases, the review list, the churn retro and the forecast together.
 * The schema bounds what an admin may send; the defaults are seed 001 and seed 003.
 */
export const renewalPolicySchema = z.strictObject({
  version: int32Schema({ min: 1 }),
  /** R-1 / L-5: the renewal process (health assessment first) starts this many days before the due date. */
  assessmentStartDays: int32Schema({ min: 1, max: 366 }),
  /** yellow and red accounts go on the review list this many days before renewal. */
  reviewHorizonDays: int32Schema({ min: 1, max: 731 }),
  /** a churn retro is due when strictly more ARR than this is lost (integer cents). */
  retroChurnThresholdCents: safeIntegerSchema({ min: 0, max: 1e13 }),
  /** a yellow account's save plan is stale once more days than this pass without an update. */
  savePlanStaleDays: int32Schema({ min: 1, max: 366 }),
  /** the next renewal date is this many months after the one processed. */
  termMonths: int32Schema({ min: 1, max: 120 }),
  /** the month (1 = January) the fiscal year starts in, for the quarterly roll-up. */
  fiscalYearStartMonth: int32Schema({ min: 1, max: 12 }),
});
export type RenewalPolicy = z.infer<typeof renewalPolicySchema>;

export const renewalPolicyV1: RenewalPolicy = {
  version: 1,
  // Seed 001: "a 5 step process that begins 120 days prior to the renewal date".
  assessmentStartDays: 120,
  // Seed 003: "180 days out from renewal, we check each account's health".
  reviewHorizonDays: RENEWAL_HORIZON_DAYS,
  // Seed 001: a retro "of all customer churn above $150,000 ARR".
  retroChurnThresholdCents: 15_000_000,
  // Seed 001 / X-6: the save plan is updated weekly.
  savePlanStaleDays: 7,
  // Contracts are annual unless a policy says otherwise.
  termMonths: 12,
  fiscalYearStartMonth: 1,
};

/** The renewal policy in force. */
export const renewalPolicy: RenewalPolicy = renewalPolicyV1;

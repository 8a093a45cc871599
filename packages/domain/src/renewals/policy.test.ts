import { describe, expect, it } from "vitest";
import { lifecyclePolicies } from "../lifecycle/policy.ts";
import { RENEWAL_HORIZON_DAYS } from "./horizon.ts";
import { renewalPolicy, renewalPolicySchema } from "./policy.ts";

describe("renewal policy", () => {
  it("is version 1 and passes its own schema", () => {
    expect(renewalPolicy.version).toBe(1);
    expect(renewalPolicySchema.parse(renewalPolicy)).toEqual(renewalPolicy);
  });

  it("R-1/L-5: the renewal starts 120 days out, the day the lifecycle stage turns Renewing", () => {
    expect(renewalPolicy.assessmentStartDays).toBe(120);
    for (const lifecycle of lifecyclePolicies) {
      expect(lifecycle.renewingDaysBeforeRenewal).toBe(renewalPolicy.assessmentStartDays);
    }
  });

  it("R-3: reviews yellow and red renewals 180 days out, the pipeline's horizon", () => {
    expect(renewalPolicy.reviewHorizonDays).toBe(180);
    expect(renewalPolicy.reviewHorizonDays).toBe(RENEWAL_HORIZON_DAYS);
  });

  it("R-7: the churn retro threshold is $150,000 in cents", () => {
    expect(renewalPolicy.retroChurnThresholdCents).toBe(150_000 * 100);
  });

  it("X-6: a save plan goes stale after a week; R-6: terms are 12 months", () => {
    expect(renewalPolicy.savePlanStaleDays).toBe(7);
    expect(renewalPolicy.termMonths).toBe(12);
    expect(renewalPolicy.fiscalYearStartMonth).toBe(1);
  });

  it("refuses an edit out of bounds or with unknown fields", () => {
    expect(renewalPolicySchema.safeParse({ ...renewalPolicy, fiscalYearStartMonth: 13 }).success).toBe(false);
    expect(renewalPolicySchema.safeParse({ ...renewalPolicy, termMonths: 0 }).success).toBe(false);
    expect(renewalPolicySchema.safeParse({ ...renewalPolicy, retroChurnThresholdCents: 1.5 }).success).toBe(
      false,
    );
    expect(renewalPolicySchema.safeParse({ ...renewalPolicy, extra: 1 }).success).toBe(false);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lifecycleStages } from "../accounts/account.ts";
import {
  defaultLifecyclePolicy,
  lifecyclePolicies,
  lifecyclePolicySchema,
  seed000LifecyclePolicy,
  seed003LifecyclePolicy,
} from "./policy.ts";
import { stageChange, stageFor } from "./stage.ts";

const base = { closeDate: "2026-01-01", renewalDate: "2027-01-01", metrics: {} };

describe("lifecycle policy versions", () => {
  it("L-2: keeps the three seed versions of the onboarding goal as valid data", () => {
    for (const p of lifecyclePolicies) expect(lifecyclePolicySchema.parse(p)).toEqual(p);
    expect(seed000LifecyclePolicy.onboardingGoal).toEqual({ mauOverSeats: 0.8, byDay: 60 });
    expect(seed003LifecyclePolicy.onboardingGoal).toEqual({ mauOverSeats: 0.8, byDay: 45 });
    expect(defaultLifecyclePolicy.onboardingGoal).toEqual({ mauOverSeats: 0.5, byDay: 60 });
    expect(defaultLifecyclePolicy.version).toBe(Math.max(...lifecyclePolicies.map((p) => p.version)));
  });

  it("L-2: rejects a goal day past the end of onboarding, with its path", () => {
    const r = lifecyclePolicySchema.safeParse({
      ...defaultLifecyclePolicy,
      onboardingGoal: { mauOverSeats: 0.5, byDay: 90 },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["onboardingGoal", "byDay"]);
  });
});

describe("stageFor", () => {
  it("L-1: prospect up to close, late-stage within 45 days", () => {
    const late = stageFor({ ...base, today: "2025-11-17" });
    expect(late).toMatchObject({ stage: "prospect", ruleId: "L-1" });
    expect(late.reason).toContain("45 days away (≤ 45)");
    expect(stageFor({ ...base, today: "2025-11-16" }).reason).toContain("not yet late-stage");
    expect(stageFor({ ...base, closeDate: null, today: "2025-11-16" }).stage).toBe("prospect");
  });

  it("L-2: onboarding from close for 60 days, reporting the goal of the policy version", () => {
    const day0 = stageFor({ ...base, today: "2026-01-01", metrics: { mauOverSeats: 0.6 } });
    expect(day0).toMatchObject({ stage: "onboarding", ruleId: "L-2" });
    expect(day0.reason).toContain("goal met");
    const old = stageFor(
      { ...base, today: "2026-01-01", metrics: { mauOverSeats: 0.6 } },
      seed000LifecyclePolicy,
    );
    expect(old.reason).toContain("goal not yet met");
    expect(old.policyVersion).toBe(1);
    expect(stageFor({ ...base, today: "2026-03-01" }).stage).toBe("onboarding"); // day 59
    expect(stageFor({ ...base, today: "2026-03-02" }).stage).toBe("adopting"); // day 60
  });

  it("L-3 / L-4: adopting until DAU/MAU ≥ 30% and MAU/seats ≥ 80%, then nurturing", () => {
    const today = "2026-06-01";
    expect(stageFor({ ...base, today, metrics: { dauOverMau: 0.3, mauOverSeats: 0.79 } })).toMatchObject({
      stage: "adopting",
      ruleId: "L-3",
    });
    expect(stageFor({ ...base, today, metrics: { dauOverMau: 0.29, mauOverSeats: 0.9 } }).stage).toBe(
      "adopting",
    );
    expect(stageFor({ ...base, today, metrics: { mauOverSeats: 0.9 } }).reason).toContain("DAU/MAU no data");
    const met = stageFor({ ...base, today, metrics: { dauOverMau: 0.3, mauOverSeats: 0.8 } });
    expect(met).toMatchObject({ stage: "nurturing", ruleId: "L-4" });
    expect(met.reason).toContain("DAU/MAU 30%");
    expect(
      stageFor({
        ...base,
        today,
        metrics: { dauOverMau: 0.1, mauOverSeats: 0.2 },
        previousStage: "nurturing",
      }).stage,
    ).toBe("nurturing");
  });

  it("L-5: renewing from 120 days before renewal until processed, then back by the targets", () => {
    expect(stageFor({ ...base, today: "2026-09-02" }).stage).toBe("adopting"); // 121 days before
    const renewing = stageFor({ ...base, today: "2026-09-03" });
    expect(renewing).toMatchObject({ stage: "renewing", ruleId: "L-5" });
    expect(renewing.reason).toContain("120 days away");
    expect(stageFor({ ...base, today: "2027-01-10" }).reason).toContain("was due 9 days ago");
    const processed = stageFor({
      ...base,
      today: "2026-12-01",
      renewalProcessedAt: "2026-11-20T10:00:00Z",
      metrics: { dauOverMau: 0.4, mauOverSeats: 0.9 },
      previousStage: "renewing",
    });
    expect(processed).toMatchObject({ stage: "nurturing", ruleId: "L-4" });
    const back = stageFor({
      ...base,
      today: "2026-12-01",
      renewalProcessedAt: "2026-11-20",
      previousStage: "renewing",
    });
    expect(back).toMatchObject({ stage: "adopting", ruleId: "L-3" });
    expect(back.reason).toContain("renewal processed");
    // a processing date from the previous cycle does not end this one
    expect(stageFor({ ...base, today: "2026-12-01", renewalProcessedAt: "2026-01-05" }).stage).toBe(
      "renewing",
    );
  });

  it("L-1…L-5 / X-1: property — always a stage with its rule and the policy version in the reason", () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const ratio = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        day,
        day,
        day,
        ratio,
        ratio,
        fc.constantFrom(...lifecycleStages),
        (close, renewal, today, dau, mau, previous) => {
          const d = stageFor({
            closeDate: close,
            renewalDate: renewal,
            today,
            metrics: { dauOverMau: dau, mauOverSeats: mau },
            previousStage: previous,
          });
          expect(lifecycleStages).toContain(d.stage);
          expect(d.reason).toContain(`v${defaultLifecyclePolicy.version}`);
          if (today < close) expect(d.stage).toBe("prospect");
          const ruleFor = {
            prospect: "L-1",
            onboarding: "L-2",
            adopting: "L-3",
            nurturing: "L-4",
            renewing: "L-5",
          } as const;
          expect(d.ruleId).toBe(ruleFor[d.stage]);
        },
      ),
    );
  });
});

describe("stageChange", () => {
  const decision = stageFor({ ...base, today: "2026-01-01" });
  it("L-6: records time, cause (rule with version, or person) and reason; nothing when unchanged", () => {
    const at = "2026-01-01T06:00:00.000Z";
    expect(stageChange("prospect", decision, { kind: "rule", at })).toEqual({
      from: "prospect",
      to: "onboarding",
      at,
      cause: { kind: "rule", ruleId: "L-2", policyVersion: defaultLifecyclePolicy.version },
      reason: decision.reason,
    });
    expect(stageChange("onboarding", decision, { kind: "rule", at })).toBeNull();
    expect(
      stageChange("prospect", decision, { kind: "person", at, userId: "u1", note: "closed early" }),
    ).toMatchObject({
      cause: { kind: "person", userId: "u1" },
      reason: "closed early",
    });
  });
});

import { z } from "zod";

const ratioSchema = z.number().min(0).max(1);

/**
 * "Customer Lifecycle Stages" (L-1…L-5) as versioned data. The onboarding goal differs between
 * the seeds, so each version is kept: 80% MAU/seats by day 60 (seed 000), 80% within
 * 45 days of implementation (seed 003), 50% by day 60 (seed 004, newest, the default).
 */
export const lifecyclePolicySchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().min(1),
    source: z.string(),
    effectiveFrom: z.iso.date(),
    /** L-1: a late-stage prospect is at most this many days before close. */
    prospectDaysBeforeClose: z.number().int().positive(),
    /** L-2: onboarding lasts this many days from close. */
    onboardingDays: z.number().int().positive(),
    /** L-2: the onboarding goal (shown as progress; it does not move the stage by itself). */
    onboardingGoal: z.object({ mauOverSeats: ratioSchema, byDay: z.number().int().positive() }),
    /** L-3 / L-4: adopting until both targets are met, nurturing once they are. */
    adoptionTargets: z.object({ dauOverMau: ratioSchema, mauOverSeats: ratioSchema }),
    /** L-5: renewing from this many days before the renewal date until it is processed. */
    renewingDaysBeforeRenewal: z.number().int().positive(),
  })
  .superRefine((policy, ctx) => {
    if (policy.onboardingGoal.byDay > policy.onboardingDays) {
      ctx.addIssue({
        code: "custom",
        path: ["onboardingGoal", "byDay"],
        message: "the onboarding goal must fall within onboarding",
      });
    }
  });
export type LifecyclePolicy = z.infer<typeof lifecyclePolicySchema>;

const shared = {
  name: "Customer Lifecycle Stages",
  prospectDaysBeforeClose: 45,
  onboardingDays: 60,
  adoptionTargets: { dauOverMau: 0.3, mauOverSeats: 0.8 },
  renewingDaysBeforeRenewal: 120,
} as const;

/** L-2 as in seed 000: MAU/seats ≥ 80% by day 60. */
export const seed000LifecyclePolicy: LifecyclePolicy = {
  ...shared,
  adoptionTargets: { ...shared.adoptionTargets },
  version: 1,
  source: "seed 000 TA handbook",
  effectiveFrom: "2022-01-01",
  onboardingGoal: { mauOverSeats: 0.8, byDay: 60 },
};

/** L-2 as in seed 003: 80% MAU/seats within 45 days of implementation. */
export const seed003LifecyclePolicy: LifecyclePolicy = {
  ...shared,
  adoptionTargets: { ...shared.adoptionTargets },
  version: 2,
  source: "seed 003 TA activities",
  effectiveFrom: "2023-01-01",
  onboardingGoal: { mauOverSeats: 0.8, byDay: 45 },
};

/** L-2 as in seed 004 (newest, the default): MAU/seats ≥ 50% by day 60. */
export const defaultLifecyclePolicy: LifecyclePolicy = {
  ...shared,
  adoptionTargets: { ...shared.adoptionTargets },
  version: 3,
  source: "seed 004 customer journey",
  effectiveFrom: "2024-01-01",
  onboardingGoal: { mauOverSeats: 0.5, byDay: 60 },
};

export const lifecyclePolicies: readonly LifecyclePolicy[] = [
  seed000LifecyclePolicy,
  seed003LifecyclePolicy,
  defaultLifecyclePolicy,
];

import { z } from "zod";
import { type LifecycleStage, lifecycleStageSchema } from "../accounts/account.ts";
import { addDays, daysBetween } from "../dates.ts";
import { defaultLifecyclePolicy, type LifecyclePolicy } from "./policy.ts";

export const lifecycleRuleIds = ["L-1", "L-2", "L-3", "L-4", "L-5"] as const;
export type LifecycleRuleId = (typeof lifecycleRuleIds)[number];

export type StageInput = {
  /** New-business close date (expected or actual), ISO date. */
  closeDate: string | null;
  renewalDate: string | null;
  /** When the current renewal was processed, ISO date or date-time. */
  renewalProcessedAt?: string | null;
  today: string;
  metrics: { dauOverMau?: number | null; mauOverSeats?: number | null };
  previousStage?: LifecycleStage | null;
};

/** the stage, the rule that put the account there and the data it used. */
export type StageDecision = {
  stage: LifecycleStage;
  ruleId: LifecycleRuleId;
  reason: string;
  policyVersion: number;
};

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const shown = (ratio: number | null | undefined) => (ratio == null ? "no data" : pct(ratio));

function targetsMet(metrics: StageInput["metrics"], policy: LifecyclePolicy): boolean {
  const { dauOverMau, mauOverSeats } = metrics;
  return (
    dauOverMau != null &&
    mauOverSeats != null &&
    dauOverMau >= policy.adoptionTargets.dauOverMau &&
    mauOverSeats >= policy.adoptionTargets.mauOverSeats
  );
}

/**
 * L-1…L-5: an account's lifecycle stage on `today`. Renewing (L-5) wins over everything once the
 * window opens, until the renewal is processed; after close, onboarding (L-2) then adopting (L-3)
 * or nurturing (L-4) by the targets. Nurturing is kept once reached ("once both targets are
 * met"), and re-decided by the targets when leaving renewing.
 */
export function stageFor(input: StageInput, policy: LifecyclePolicy = defaultLifecyclePolicy): StageDecision {
  const { closeDate, renewalDate, today, metrics, previousStage } = input;
  const v = policy.version;
  const decide = (stage: LifecycleStage, ruleId: LifecycleRuleId, reason: string): StageDecision => ({
    stage,
    ruleId,
    reason: `${reason} (lifecycle policy v${v})`,
    policyVersion: v,
  });

  if (renewalDate) {
    const daysToRenewal = daysBetween(today, renewalDate);
    const windowOpens = addDays(renewalDate, -policy.renewingDaysBeforeRenewal);
    const processed =
      input.renewalProcessedAt != null && input.renewalProcessedAt.slice(0, 10) >= windowOpens;
    const closed = closeDate != null && today >= closeDate;
    if (closed && daysToRenewal <= policy.renewingDaysBeforeRenewal && !processed) {
      return decide(
        "renewing",
        "L-5",
        daysToRenewal >= 0
          ? `renewal on ${renewalDate} is ${daysToRenewal} days away (≤ ${policy.renewingDaysBeforeRenewal}) and not processed`
          : `renewal on ${renewalDate} was due ${-daysToRenewal} days ago and is not processed`,
      );
    }
  }

  if (closeDate === null || today < closeDate) {
    if (closeDate === null) return decide("prospect", "L-1", "no close date yet");
    const daysToClose = daysBetween(today, closeDate);
    return decide(
      "prospect",
      "L-1",
      daysToClose <= policy.prospectDaysBeforeClose
        ? `late-stage prospect: close on ${closeDate} is ${daysToClose} days away (≤ ${policy.prospectDaysBeforeClose})`
        : `prospect: close on ${closeDate} is ${daysToClose} days away (> ${policy.prospectDaysBeforeClose}, not yet late-stage)`,
    );
  }

  const daysSinceClose = daysBetween(closeDate, today);
  if (daysSinceClose < policy.onboardingDays) {
    const goal = policy.onboardingGoal;
    const onTrack =
      metrics.mauOverSeats != null && metrics.mauOverSeats >= goal.mauOverSeats
        ? "goal met"
        : "goal not yet met";
    return decide(
      "onboarding",
      "L-2",
      `day ${daysSinceClose} of ${policy.onboardingDays} since close on ${closeDate}; goal MAU/seats ≥ ${pct(goal.mauOverSeats)} by day ${goal.byDay}, now ${shown(metrics.mauOverSeats)} (${onTrack})`,
    );
  }

  const data = `DAU/MAU ${shown(metrics.dauOverMau)} (target ${pct(policy.adoptionTargets.dauOverMau)}), MAU/seats ${shown(metrics.mauOverSeats)} (target ${pct(policy.adoptionTargets.mauOverSeats)})`;
  if (targetsMet(metrics, policy)) return decide("nurturing", "L-4", `both targets met: ${data}`);
  if (previousStage === "nurturing") {
    return decide("nurturing", "L-4", `stays nurturing once the targets were met; now ${data}`);
  }
  const afterRenewal = previousStage === "renewing" ? "renewal processed; " : "";
  return decide("adopting", "L-3", `${afterRenewal}after onboarding, targets not both met: ${data}`);
}

/** L-6: who or what changed the stage. */
export const stageChangeCauseSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rule"), at: z.iso.datetime() }),
  z.object({
    kind: z.literal("person"),
    at: z.iso.datetime(),
    userId: z.string(),
    note: z.string().optional(),
  }),
]);
export type StageChangeCause = z.infer<typeof stageChangeCauseSchema>;

/** L-6: one row of an account's stage history. */
export const stageChangeSchema = z.object({
  from: lifecycleStageSchema.nullable(),
  to: lifecycleStageSchema,
  at: z.iso.datetime(),
  cause: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("rule"), ruleId: z.enum(lifecycleRuleIds), policyVersion: z.number().int() }),
    z.object({ kind: z.literal("person"), userId: z.string() }),
  ]),
  reason: z.string(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

/** L-6: the record of a stage change, or null when the stage stays the same. */
export function stageChange(
  previous: LifecycleStage | null,
  next: StageDecision,
  cause: StageChangeCause,
): StageChange | null {
  if (previous === next.stage) return null;
  return {
    from: previous,
    to: next.stage,
    at: cause.at,
    cause:
      cause.kind === "rule"
        ? { kind: "rule", ruleId: next.ruleId, policyVersion: next.policyVersion }
        : { kind: "person", userId: cause.userId },
    reason: cause.kind === "person" ? (cause.note ?? `set by ${cause.userId}`) : next.reason,
  };
}

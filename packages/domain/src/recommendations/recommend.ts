import { daysBetween } from "../dates.ts";
import type { AccountState } from "../playbooks/state.ts";
import { RENEWAL_HORIZON_DAYS } from "../renewals/horizon.ts";
import { slaPolicy } from "../sla/policy.ts";

/** SPEC §10 "What should I be doing?": the handbook's checklist items, each with its rule. */
export const recommendationRules = {
  "W-1": "signing now → hand-off and onboarding projects (A-3, A-4, L-2)",
  "W-2": "MAU/seats < 80% → low-utilization project (O-4)",
  "W-3": "renewing ≤ 180 days and red/yellow → Yellow/Red renewals review (R-3)",
  "W-4": "renewing ≤ 180 days → health assessment (R-2)",
  "W-5": "red/yellow health → review the traits that cause it (H-4)",
  "W-6": "low TA pulse → escalate",
  "W-7": "versions behind → upgrade guidance",
  "W-8": "no active champion → mark red account",
  "W-9": "no access to buyer → escalation",
  "W-10": "not contacted in N days → reach out with something of value (M-6)",
  "W-11": "low usage score → team-by-team enablement",
} as const;
export type RecommendationRuleId = keyof typeof recommendationRules;

/** Where in the product to act: an account page section. */
export type RecommendationLink = {
  accountId: string;
  section:
    | "overview"
    | "health"
    | "tasks"
    | "documents"
    | "projects"
    | "contacts"
    | "activity"
    | "utilization"
    | "renewal";
};

export type Recommendation = {
  /** "§10" rule of the checklist (`W-n`), with the SPEC rule it leans on in `relatedRuleIds`. */
  ruleId: RecommendationRuleId;
  relatedRuleIds: string[];
  /** X-1: the data that triggered it. */
  reason: string;
  action: string;
  link: RecommendationLink;
};

export type RecommendOptions = {
  /** "Signing now": from this many days before close until this many days after. */
  signingWindowDays: { before: number; after: number };
  lowUtilization: number;
  renewalHorizonDays: number;
  /** Versions behind at or above this get upgrade guidance (H-2 "concerning" starts above 1). */
  versionsBehind: number;
  /** M-6: contact cadence in days. */
  contactCadenceDays: number;
  /** DAU/MAU below this is a low usage score (H-2 "poor" is ≤ 20%). */
  lowUsageScore: number;
};

export const defaultRecommendOptions: RecommendOptions = {
  signingWindowDays: { before: 30, after: 45 },
  lowUtilization: 0.8,
  renewalHorizonDays: RENEWAL_HORIZON_DAYS,
  versionsBehind: 2,
  contactCadenceDays: slaPolicy.contactCadenceDays,
  lowUsageScore: 0.2,
};

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/**
 * SPEC §10 (seed 003): the recommendations for one account on `today`, in the handbook's order.
 * Pure; the TA home groups them by account and links each to where to act.
 */
export function recommend(
  state: AccountState,
  today: string,
  options: RecommendOptions = defaultRecommendOptions,
): Recommendation[] {
  const out: Recommendation[] = [];
  const link = (section: RecommendationLink["section"]): RecommendationLink => ({
    accountId: state.accountId,
    section,
  });
  const { traits } = state;
  const redOrYellow = state.healthCategory === "red" || state.healthCategory === "yellow";

  if (state.closeDate) {
    const sinceClose = daysBetween(state.closeDate, today);
    if (sinceClose >= -options.signingWindowDays.before && sinceClose <= options.signingWindowDays.after) {
      out.push({
        ruleId: "W-1",
        relatedRuleIds: ["A-3", "A-4", "L-2"],
        reason:
          sinceClose < 0
            ? `closes on ${state.closeDate}, in ${-sinceClose} days`
            : `closed on ${state.closeDate}, ${sinceClose} days ago${traits.mauOverSeats == null ? "" : `; MAU/seats ${pct(traits.mauOverSeats)}`}`,
        action:
          "Complete the CE to TA Account Handoff and the New Customer Onboarding and Enablement projects; reach 80% MAU/seats within 45 days of implementation",
        link: link("projects"),
      });
    }
  }

  const live = state.lifecycleStage !== "prospect";
  if (live && traits.mauOverSeats != null && traits.mauOverSeats < options.lowUtilization) {
    out.push({
      ruleId: "W-2",
      relatedRuleIds: ["O-4"],
      reason: `MAU/seats ${pct(traits.mauOverSeats)} < ${pct(options.lowUtilization)}`,
      action:
        "Complete the Customer Health – Low Utilization project: initial inspection, a Get Well Plan, weekly status updates",
      link: link("projects"),
    });
  }

  if (live && state.renewalDate) {
    const toRenewal = daysBetween(today, state.renewalDate);
    if (toRenewal >= 0 && toRenewal <= options.renewalHorizonDays) {
      if (redOrYellow) {
        out.push({
          ruleId: "W-3",
          relatedRuleIds: ["R-3"],
          reason: `renews on ${state.renewalDate} (in ${toRenewal} days) with ${state.healthCategory} health`,
          action: "The account is on the Yellow/Red Renewals review; complete the Get Well project",
          link: link("renewal"),
        });
      }
      out.push({
        ruleId: "W-4",
        relatedRuleIds: ["R-2"],
        reason: `renews on ${state.renewalDate} (in ${toRenewal} days ≤ ${options.renewalHorizonDays})`,
        action: "Complete the Health Assessment so the account is properly categorized",
        link: link("documents"),
      });
    }
  }

  if (redOrYellow) {
    const causes = (state.healthBreakdown?.traits ?? [])
      .filter((t) => t.grade !== null && t.grade < 100)
      .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0));
    const named = causes.map((t) => `${t.label} ${String(t.value)} (grade ${Math.round(t.grade ?? 0)})`);
    out.push({
      ruleId: "W-5",
      relatedRuleIds: ["H-4"],
      reason: `health is ${state.healthCategory}${named.length > 0 ? `; traits below healthy: ${named.join(", ")}` : ""}`,
      action: "Review the traits that make up the health score and address the ones causing it",
      link: link("health"),
    });
  }

  if (traits.taPulse === "poor" || traits.taPulse === "concerning") {
    out.push({
      ruleId: "W-6",
      relatedRuleIds: ["H-2"],
      reason: `TA pulse is ${traits.taPulse}`,
      action: "Escalate the big issue to leadership if needed to bring in the right resources",
      link: link("health"),
    });
  }

  if (traits.versionsBehind != null && traits.versionsBehind >= options.versionsBehind) {
    out.push({
      ruleId: "W-7",
      relatedRuleIds: ["H-2"],
      reason: `${traits.versionsBehind} versions behind (≥ ${options.versionsBehind})`,
      action:
        "Review deployment notes; relate the latest release's improvements to their goals; explain multi-version upgrades; with the AE, evaluate a switch to Cloud",
      link: link("health"),
    });
  }

  if (traits.activeChampion === false) {
    out.push({
      ruleId: "W-8",
      relatedRuleIds: ["H-2", "C-5"],
      reason: `no active champion${state.redAccount ? " (already a red account)" : ""}`,
      action: state.redAccount
        ? "Work the red-account plan to identify and build new champions"
        : "Mark the account as a red account to start the plan to identify and build new champions",
      link: link("contacts"),
    });
  }

  if (traits.buyerAccess === false) {
    out.push({
      ruleId: "W-9",
      relatedRuleIds: ["H-2"],
      reason: "no access to an active economic buyer",
      action:
        "Sync as an account team and escalate for exec help; with your champion, collect internal wins and build a QBR-style value story",
      link: link("contacts"),
    });
  }

  const silentDays =
    state.lastActivityDate != null
      ? daysBetween(state.lastActivityDate, today)
      : traits.daysSinceLastActivity;
  if (live && silentDays != null && silentDays >= options.contactCadenceDays) {
    out.push({
      ruleId: "W-10",
      relatedRuleIds: ["M-6"],
      reason: `not contacted in ${silentDays} days${state.lastActivityDate ? ` (last activity ${state.lastActivityDate})` : ""}`,
      action:
        "Reach out with something of value: a new feature, a post or collateral, relevant industry news with guidance",
      link: link("activity"),
    });
  }

  if (traits.dauOverMau != null && traits.dauOverMau < options.lowUsageScore) {
    out.push({
      ruleId: "W-11",
      relatedRuleIds: ["H-2"],
      reason: `usage score (DAU/MAU) ${pct(traits.dauOverMau)} < ${pct(options.lowUsageScore)}`,
      action:
        "Build an org chart of the engineering teams and run team-by-team enablement on their daily work",
      link: link("utilization"),
    });
  }

  return out;
}

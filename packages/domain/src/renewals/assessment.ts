import { daysBetween } from "../dates.ts";
import type { RenewalPolicy } from "./policy.ts";
import type { RenewalRating } from "./renewal.ts";

/** what a rated health assessment leads to. */
export type RatingRoute = {
  phase: "lighthouse" | "save_plan" | "monitor";
  /** What the account team has to produce next, if anything. */
  needs: "lighthouse_enrolment" | "save_plan_document" | null;
  sentence: string;
};

const routes: Record<RenewalRating, RatingRoute> = {
  red: {
    phase: "lighthouse",
    needs: "lighthouse_enrolment",
    sentence: "Rated red: enrol the account in the Lighthouse churn-save program.",
  },
  yellow: {
    phase: "save_plan",
    needs: "save_plan_document",
    sentence: "Rated yellow: the TA writes a save plan and updates it weekly.",
  },
  green: {
    phase: "monitor",
    needs: null,
    sentence: "Rated green: monitor the account until the renewal plan.",
  },
};

/** red → Lighthouse, yellow → save plan, green → monitor. */
export function routeOfRating(rating: RenewalRating): RatingRoute {
  return routes[rating];
}

/** the two leaderships that review the assessment and agree on its rating. */
export const approvalSides = ["ts", "sales"] as const;
export type ApprovalSide = (typeof approvalSides)[number];
export const approvalSideLabels: Record<ApprovalSide, string> = {
  ts: "TS leadership",
  sales: "Sales leadership",
};

export type ApprovalStatus = {
  ts: boolean;
  sales: boolean;
  /** Both sides agreed: the rating stands and routes the renewal. */
  complete: boolean;
  /** The sides still to approve, in a fixed order (TS, then Sales). */
  missing: ApprovalSide[];
};

/**
 * the rating stands once TS leadership (the TA's manager) and Sales leadership (the AE's)
 * have both approved it; a second approval by one side does not stand in for the other.
 */
export function approvalStatus(assessment: { approvals: readonly { side: ApprovalSide }[] }): ApprovalStatus {
  const approved = new Set(assessment.approvals.map((approval) => approval.side));
  const missing = approvalSides.filter((side) => !approved.has(side));
  return { ts: approved.has("ts"), sales: approved.has("sales"), complete: missing.length === 0, missing };
}

export type SavePlanState = "not_needed" | "missing" | "stale" | "current";

/**
 * a yellow rating requires a save plan, updated weekly. It is stale once more than
 * `savePlanStaleDays` days have passed since its last update (updated on the 1st, due again on
 * the 8th, late on the 9th), the way the other compliance lists count a due day as on time.
 * Green needs none, and red's plan is the Lighthouse Account Save Plan (LH-2), tracked there.
 */
export function savePlanState(input: {
  rating: RenewalRating | null;
  savePlanDocument: { updatedAt: string } | null;
  today: string;
  policy: RenewalPolicy;
}): SavePlanState {
  if (input.rating !== "yellow") return "not_needed";
  if (input.savePlanDocument === null) return "missing";
  const daysSinceUpdate = daysBetween(input.savePlanDocument.updatedAt, input.today);
  return daysSinceUpdate > input.policy.savePlanStaleDays ? "stale" : "current";
}

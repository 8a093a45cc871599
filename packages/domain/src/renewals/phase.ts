import { addDays, daysBetween } from "../dates.ts";
import { approvalSideLabels, routeOfRating } from "./assessment.ts";
import type { RenewalPolicy } from "./policy.ts";
import { countOf, type RenewalPhase, type RenewalRating, renewalRatingLabels } from "./renewal.ts";

/** What the phase of one renewal is read from: its due date and the records it has so far. */
export type RenewalPhaseInput = {
  dueDate: string;
  /** The health assessment once started; its rating stays null until leadership sets one. */
  assessment: { rating: RenewalRating | null; tsApproved: boolean; salesApproved: boolean } | null;
  hasPlan: boolean;
  forecastCount: number;
  processed: boolean;
};

export type RenewalPhaseState = {
  phase: RenewalPhase;
  /** The due date has passed and the renewal is not processed. */
  overdue: boolean;
  /** Days from today to the due date, negative once it has passed. */
  daysLeft: number;
  /** why the renewal is in this phase, as a sentence. */
  reason: string;
};

/** R-1 / L-5: the day the renewal process (and its health assessment) starts, T-120 by default. */
export function renewalStartDate(dueDate: string, policy: RenewalPolicy): string {
  return addDays(dueDate, -policy.assessmentStartDays);
}

function dueClause(daysLeft: number): string {
  if (daysLeft > 0) return `the renewal is due in ${countOf(daysLeft, "day")}`;
  if (daysLeft === 0) return "the renewal is due today";
  return `the renewal is overdue by ${countOf(-daysLeft, "day")}`;
}

/**
 * the phase a renewal is in. The process runs Health Assessment → Lighthouse / Save plan /
 * Monitor → Renewal Plan → Renewal Forecast → Processed, but people do not always keep the
 * order (an AE forecasts before the assessment is approved), so the phase is the furthest step
 * done, never held back by an earlier one left open.
 */
export function renewalPhase(
  input: RenewalPhaseInput,
  today: string,
  policy: RenewalPolicy,
): RenewalPhaseState {
  const daysLeft = daysBetween(today, input.dueDate);
  const overdue = daysLeft < 0 && !input.processed;
  const state = (phase: RenewalPhase, reason: string): RenewalPhaseState => ({
    phase,
    overdue,
    daysLeft,
    reason: `${reason}; ${dueClause(daysLeft)}.`,
  });

  if (input.processed) {
    return {
      phase: "processed",
      overdue: false,
      daysLeft,
      reason: "Its outcome is recorded; nothing more to do on this cycle.",
    };
  }
  if (input.forecastCount > 0) {
    return state("renewal_forecast", `${countOf(input.forecastCount, "weekly forecast")} entered`);
  }
  if (input.hasPlan) return state("renewal_plan", "The AE has projected an outcome, no forecast yet");

  const { assessment } = input;
  if (assessment?.rating && assessment.tsApproved && assessment.salesApproved) {
    const route = routeOfRating(assessment.rating);
    return state(
      route.phase,
      `Health assessment rated ${renewalRatingLabels[assessment.rating].toLowerCase()} by TS and Sales leadership`,
    );
  }
  if (assessment) {
    const waitingFor = [
      assessment.tsApproved ? null : approvalSideLabels.ts,
      assessment.salesApproved ? null : approvalSideLabels.sales,
    ].filter((side) => side !== null);
    const status =
      assessment.rating === null
        ? "Health assessment started, not yet rated"
        : `Health assessment rated ${renewalRatingLabels[assessment.rating].toLowerCase()}, waiting for ${waitingFor.join(" and ")}`;
    return state("health_assessment", status);
  }
  const startsOn = renewalStartDate(input.dueDate, policy);
  if (today >= startsOn) {
    return state(
      "health_assessment",
      `Within ${policy.assessmentStartDays} days of renewal, the health assessment is due (since ${startsOn})`,
    );
  }
  return state("not_started", `The health assessment starts on ${startsOn}`);
}

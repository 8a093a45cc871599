import { z } from "zod";
import { CONSISTENCY, countSchema, safeIntegerSchema } from "../validation.ts";

/** what a renewal comes to, in the handbook's words (seed 001). */
export const renewalOutcomes = ["full_churn", "partial_churn", "flat", "incremental"] as const;
export const renewalOutcomeSchema = z.enum(renewalOutcomes);
export type RenewalOutcome = z.infer<typeof renewalOutcomeSchema>;
export const renewalOutcomeLabels: Record<RenewalOutcome, string> = {
  full_churn: "Full churn",
  partial_churn: "Partial churn",
  flat: "Flat renewal",
  incremental: "Incremental",
};

/** the forecast speaks of direction: negative (a churn), neutral (flat), positive (incremental). */
export const renewalDirections = ["negative", "neutral", "positive"] as const;
export type RenewalDirection = (typeof renewalDirections)[number];
export const renewalDirectionLabels: Record<RenewalDirection, string> = {
  negative: "Negative",
  neutral: "Neutral",
  positive: "Positive",
};
export const renewalOutcomeDirections: Record<RenewalOutcome, RenewalDirection> = {
  full_churn: "negative",
  partial_churn: "negative",
  flat: "neutral",
  incremental: "positive",
};

/** only a full or a partial churn can call for a churn retro. */
export const isChurn = (outcome: RenewalOutcome): boolean => renewalOutcomeDirections[outcome] === "negative";

/** the Renewal Health Assessment rating TS and Sales leadership agree on. */
export const renewalRatings = ["green", "yellow", "red"] as const;
export const renewalRatingSchema = z.enum(renewalRatings);
export type RenewalRating = z.infer<typeof renewalRatingSchema>;
export const renewalRatingLabels: Record<RenewalRating, string> = {
  green: "Green",
  yellow: "Yellow",
  red: "Red",
};

/** the phases of a renewal, in the order the process moves through them. */
export const renewalPhases = [
  "not_started",
  "health_assessment",
  "lighthouse",
  "save_plan",
  "monitor",
  "renewal_plan",
  "renewal_forecast",
  "processed",
] as const;
export const renewalPhaseSchema = z.enum(renewalPhases);
export type RenewalPhase = z.infer<typeof renewalPhaseSchema>;
export const renewalPhaseLabels: Record<RenewalPhase, string> = {
  not_started: "Not started",
  health_assessment: "Health assessment",
  lighthouse: "Lighthouse",
  save_plan: "Save plan",
  monitor: "Monitor",
  renewal_plan: "Renewal plan",
  renewal_forecast: "Renewal forecast",
  processed: "Processed",
};
export const renewalPhaseDescriptions: Record<RenewalPhase, string> = {
  not_started: "The renewal is more than 120 days away; its health assessment has not begun.",
  health_assessment:
    "The TA completes the health assessment with the AE, and TS and Sales leadership agree on a green, yellow or red rating.",
  lighthouse: "Rated red: the account is enrolled in the Lighthouse churn-save program.",
  save_plan: "Rated yellow: the TA keeps a save plan and updates it weekly.",
  monitor: "Rated green: the account team monitors it until the renewal plan.",
  renewal_plan: "The AE has projected an initial outcome; the TA checks in weekly on yellow and red plans.",
  renewal_forecast: "The AE and TA forecast the outcome and expected ARR every week.",
  processed: "The outcome, ARR and seats are recorded and the next renewal date is set.",
};

/** the closed-lost category the account team agrees on in a churn retro. */
export const closedLostCategories = [
  "budget",
  "product_fit",
  "competitor",
  "consolidation",
  "acquired",
  "champion_left",
  "other",
] as const;
export const closedLostCategorySchema = z.enum(closedLostCategories);
export type ClosedLostCategory = z.infer<typeof closedLostCategorySchema>;
export const closedLostCategoryLabels: Record<ClosedLostCategory, string> = {
  budget: "Budget cut",
  product_fit: "Product fit",
  competitor: "Lost to a competitor",
  consolidation: "Tool consolidation",
  acquired: "Acquired or merged",
  champion_left: "Champion left",
  other: "Other",
};

/** The most text a person writes in one field: a page or two, not a document. */
export const RENEWAL_TEXT_MAX = 5000;
const textSchema = z.string().trim().max(RENEWAL_TEXT_MAX);
const noteSchema = textSchema.optional();

/** ARR in integer cents: none below 0, none above $100 billion (1e13 cents). */
export const arrCentsSchema = safeIntegerSchema({ min: 0, max: 1e13 });

// A full churn leaves no ARR: saying otherwise is a typo in one of the two fields.
const fullChurnLeavesNoArr = (outcome: RenewalOutcome, arrCents: number) =>
  outcome !== "full_churn" || arrCents === 0;
const FULL_CHURN_MESSAGE = "a full churn leaves no ARR";

/** the health assessment's rating and the summary behind it. */
export const renewalAssessmentInputSchema = z.strictObject({
  rating: renewalRatingSchema,
  summary: textSchema.min(1, "a summary is required"),
});
export type RenewalAssessmentInput = z.infer<typeof renewalAssessmentInputSchema>;

/** the AE's initial projection. */
export const renewalPlanInputSchema = z
  .strictObject({
    projectedOutcome: renewalOutcomeSchema,
    expectedArrCents: arrCentsSchema,
    note: noteSchema,
  })
  .refine((plan) => fullChurnLeavesNoArr(plan.projectedOutcome, plan.expectedArrCents), {
    params: CONSISTENCY,
    path: ["expectedArrCents"],
    message: FULL_CHURN_MESSAGE,
  });
export type RenewalPlanInput = z.infer<typeof renewalPlanInputSchema>;

/** one weekly forecast. */
export const renewalForecastInputSchema = z
  .strictObject({
    outcome: renewalOutcomeSchema,
    expectedArrCents: arrCentsSchema,
    expectedSeats: countSchema,
    note: noteSchema,
  })
  .refine((forecast) => fullChurnLeavesNoArr(forecast.outcome, forecast.expectedArrCents), {
    params: CONSISTENCY,
    path: ["expectedArrCents"],
    message: FULL_CHURN_MESSAGE,
  });
export type RenewalForecastInput = z.infer<typeof renewalForecastInputSchema>;

/**
 * R-6: the processed renewal. The ARR and seats before come from the account, so the checks
 * that compare before and after are `checkOutcome`'s; the schema checks what it alone can see.
 */
export const renewalOutcomeInputSchema = z
  .strictObject({
    outcome: renewalOutcomeSchema,
    arrAfterCents: arrCentsSchema,
    seatsAfter: countSchema,
    /** agreed in the churn retro; only a churn has one. */
    closedLostCategory: closedLostCategorySchema.optional(),
    churnReason: textSchema.min(1).optional(),
  })
  .refine((input) => fullChurnLeavesNoArr(input.outcome, input.arrAfterCents), {
    params: CONSISTENCY,
    path: ["arrAfterCents"],
    message: FULL_CHURN_MESSAGE,
  })
  .refine((input) => isChurn(input.outcome) || input.closedLostCategory === undefined, {
    params: CONSISTENCY,
    path: ["closedLostCategory"],
    message: "only a full or partial churn has a closed-lost category",
  })
  .refine((input) => isChurn(input.outcome) || input.churnReason === undefined, {
    params: CONSISTENCY,
    path: ["churnReason"],
    message: "only a full or partial churn has a churn reason",
  });
export type RenewalOutcomeInput = z.infer<typeof renewalOutcomeInputSchema>;

/**
 * Cents as US dollars for the sentences the rules write ("$150,000.01"): the R-7 threshold is a
 * dollar amount in the handbook. Written by hand so every machine prints the same text.
 */
export function dollarsOfCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, "0");
  return `${sign}$${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${rest}`;
}

/** "1 day", "3 days": the count and its noun, for sentences. */
export const countOf = (count: number, one: string, other = `${one}s`): string =>
  `${count} ${Math.abs(count) === 1 ? one : other}`;

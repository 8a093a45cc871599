import { z } from "zod";
import type { HealthCategory } from "../health/category.ts";
import { CONSISTENCY, calendarDateSchema, requiredTextSchema } from "../validation.ts";

/**
 * LH-2: the measures a success criterion can be bound to — figures the product already keeps for
 * every account — so the criterion checks itself. Ranges bound what a threshold may say: "MAU
 * per seat at least 1.5" can happen (more users than seats), "daily per monthly user above 1"
 * cannot, and is refused rather than left unmeetable.
 */
export const numericMeasures = {
  mauOverSeats: { label: "Monthly active users per seat", min: 0, max: 100, integer: false },
  dauOverMau: { label: "Daily active users per monthly active user", min: 0, max: 1, integer: false },
  healthScore: { label: "Health score", min: 0, max: 100, integer: false },
  defectTickets90d: { label: "Defect tickets in the last 90 days", min: 0, max: 100_000, integer: true },
  helpTickets90d: { label: "Help tickets in the last 90 days", min: 0, max: 100_000, integer: true },
  daysSinceLastActivity: { label: "Days since the last activity", min: 0, max: 36_500, integer: true },
  versionsBehind: { label: "Versions behind the latest", min: 0, max: 1_000, integer: true },
} as const;
export type NumericMeasure = keyof typeof numericMeasures;
export const numericMeasureIds = Object.keys(numericMeasures) as NumericMeasure[];

/** Measures that are a yes or a no. */
export const flagMeasures = {
  activeChampion: {
    label: "An active champion",
    yes: "has an active champion",
    no: "has no active champion",
  },
  buyerAccess: {
    label: "Access to the buyer",
    yes: "has access to the buyer",
    no: "has no access to the buyer",
  },
} as const;
export type FlagMeasure = keyof typeof flagMeasures;
export const flagMeasureIds = Object.keys(flagMeasures) as FlagMeasure[];

export type MeasureId = NumericMeasure | FlagMeasure | "healthCategory";
export const measureIds: readonly MeasureId[] = [...numericMeasureIds, "healthCategory", ...flagMeasureIds];

/** What one account measures now; a missing figure is null (no usage yet, say). */
export type AccountMeasures = Partial<
  Record<NumericMeasure, number | null> &
    Record<FlagMeasure, boolean | null> & { healthCategory: HealthCategory | null }
>;

const CRITERION_TEXT_MAX = 500;
const measureNames = z.enum(numericMeasureIds as [NumericMeasure, ...NumericMeasure[]]);

/** A threshold on a figure: "MAU per seat at least 0.6". */
const numericCriterionSchema = z
  .strictObject({
    kind: z.literal("bound"),
    measure: measureNames,
    comparison: z.enum(["atLeast", "atMost"]),
    threshold: z.number().finite(),
  })
  .superRefine((criterion, ctx) => {
    const measure = numericMeasures[criterion.measure];
    if (criterion.threshold < measure.min || criterion.threshold > measure.max) {
      // Well-formed but impossible: 422 (CONSISTENCY), not a malformed request.
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        params: CONSISTENCY,
        message: `${measure.label} runs from ${measure.min} to ${measure.max}: ${criterion.threshold} can never be reached`,
      });
    } else if (measure.integer && !Number.isInteger(criterion.threshold)) {
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        params: CONSISTENCY,
        message: `${measure.label} is a whole number`,
      });
    }
  });

/** "Health at least yellow". */
const categoryCriterionSchema = z.strictObject({
  kind: z.literal("bound"),
  measure: z.literal("healthCategory"),
  comparison: z.literal("atLeast"),
  category: z.enum(["green", "yellow"]),
});

/** "Has an active champion". */
const flagCriterionSchema = z.strictObject({
  kind: z.literal("bound"),
  measure: z.enum(flagMeasureIds as [FlagMeasure, ...FlagMeasure[]]),
  comparison: z.literal("is"),
  value: z.boolean(),
});

/** Checked by a person, with evidence: "the customer's VP signs off the migration plan". */
const manualCriterionSchema = z.strictObject({
  kind: z.literal("manual"),
  description: requiredTextSchema(CRITERION_TEXT_MAX),
});

/** LH-2: one success criterion as a save plan states it. */
export const successCriterionSchema = z.discriminatedUnion("kind", [
  z.discriminatedUnion("measure", [numericCriterionSchema, categoryCriterionSchema, flagCriterionSchema]),
  manualCriterionSchema,
]);
export type SuccessCriterion = z.infer<typeof successCriterionSchema>;
export type BoundCriterion = Exclude<SuccessCriterion, { kind: "manual" }>;

/** A manual criterion marked met: who saw what, and when. */
export const manualEvidenceSchema = z.strictObject({
  evidence: requiredTextSchema(CRITERION_TEXT_MAX),
  metOn: calendarDateSchema,
});
export type ManualEvidence = z.infer<typeof manualEvidenceSchema>;

const categoryRank: Record<HealthCategory, number> = { green: 3, yellow: 2, red: 1, unknown: 0 };

const figure = (value: number) => String(Math.round(value * 1000) / 1000);

/** The criterion in words: "Monthly active users per seat at least 0.6". */
export function describeCriterion(criterion: SuccessCriterion): string {
  if (criterion.kind === "manual") return criterion.description;
  if (criterion.measure === "healthCategory") return `Health ${criterion.category} or better`;
  if (criterion.comparison === "is") {
    const flag = flagMeasures[criterion.measure];
    return `The account ${criterion.value ? flag.yes : flag.no}`;
  }
  const measure = numericMeasures[criterion.measure];
  return `${measure.label} ${criterion.comparison === "atLeast" ? "at least" : "at most"} ${figure(criterion.threshold)}`;
}

export type CriterionStatus = "met" | "unmet" | "unknown";

export type CriterionCheck = {
  status: CriterionStatus;
  /** The figure it was checked against, as shown (null when there is none yet). */
  value: string | null;
  /** X-1: why, as a sentence. */
  reason: string;
};

/**
 * LH-2: a bound criterion checks itself against the account's measures now; a manual one is met
 * once someone records evidence. A missing figure leaves a bound criterion unknown — not met, and
 * not failed either: the page says what it waits for.
 */
export function checkCriterion(
  criterion: SuccessCriterion,
  measures: AccountMeasures,
  evidence?: ManualEvidence | null,
): CriterionCheck {
  if (criterion.kind === "manual") {
    return evidence
      ? { status: "met", value: null, reason: `Marked met on ${evidence.metOn}: ${evidence.evidence}` }
      : {
          status: "unmet",
          value: null,
          reason: "Not marked met yet: whoever sees it done records the evidence.",
        };
  }
  if (criterion.measure === "healthCategory") {
    const category = measures.healthCategory ?? null;
    if (category === null || category === "unknown")
      return { status: "unknown", value: null, reason: "The account has no health category yet." };
    const met = categoryRank[category] >= categoryRank[criterion.category];
    return {
      status: met ? "met" : "unmet",
      value: category,
      reason: `Health is ${category}; ${criterion.category} or better is needed${met ? ": met." : "."}`,
    };
  }
  if (criterion.comparison === "is") {
    const flag = flagMeasures[criterion.measure];
    const value = measures[criterion.measure] ?? null;
    if (value === null)
      return {
        status: "unknown",
        value: null,
        reason: `Nobody has recorded whether the account ${flag.yes}.`,
      };
    const met = value === criterion.value;
    return {
      status: met ? "met" : "unmet",
      value: value ? "yes" : "no",
      reason: `The account ${value ? flag.yes : flag.no}${met ? ": met." : `; it should be that it ${criterion.value ? flag.yes : flag.no}.`}`,
    };
  }
  const measure = numericMeasures[criterion.measure];
  const value = measures[criterion.measure] ?? null;
  if (value === null)
    return { status: "unknown", value: null, reason: `No figure for ${measure.label.toLowerCase()} yet.` };
  const met =
    criterion.comparison === "atLeast" ? value >= criterion.threshold : value <= criterion.threshold;
  const needed = `${criterion.comparison === "atLeast" ? "at least" : "at most"} ${figure(criterion.threshold)}`;
  return {
    status: met ? "met" : "unmet",
    value: figure(value),
    reason: `${measure.label} is ${figure(value)}; ${needed} is needed${met ? ": met." : "."}`,
  };
}

/** LH-5: "criteria met n/m" and whether the plan's goals are reached (every criterion met). */
export function criteriaProgress(statuses: readonly CriterionStatus[]): {
  met: number;
  total: number;
  allMet: boolean;
} {
  const met = statuses.filter((status) => status === "met").length;
  return { met, total: statuses.length, allMet: statuses.length > 0 && met === statuses.length };
}

/** LH-2: a step towards one criterion: what, by whom, by when (it becomes a task of its owner). */
export const savePlanStepSchema = z.strictObject({
  title: requiredTextSchema(300),
  ownerId: requiredTextSchema(100),
  dueOn: calendarDateSchema,
});

/** LH-2: the Account Save Plan — problem and goal, then each success criterion with its steps. */
export const savePlanInputSchema = z.strictObject({
  problem: requiredTextSchema(5000),
  goal: requiredTextSchema(5000),
  criteria: z
    .array(z.strictObject({ criterion: successCriterionSchema, steps: z.array(savePlanStepSchema).max(20) }))
    .min(1, "a save plan needs at least one success criterion: it is how the program knows it is done")
    .max(20),
});
export type SavePlanInput = z.infer<typeof savePlanInputSchema>;

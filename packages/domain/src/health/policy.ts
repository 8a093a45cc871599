import { z } from "zod";
import { CONSISTENCY, calendarDateSchema, dayCountSchema, int32Schema } from "../validation.ts";

/** H-2: the trait ids, shared by the API, the domain and the database. */
export const traitIds = [
  "taPulse",
  "versionsBehind",
  "preciseIntelActive",
  "defectTickets90d",
  "helpTickets90d",
  "activeChampion",
  "buyerAccess",
  "daysSinceLastActivity",
  "dauOverMau",
  "mauOverSeats",
] as const;
export const traitIdSchema = z.enum(traitIds);
export type TraitId = z.infer<typeof traitIdSchema>;

/** Traits a TA sets by hand (H-2 "manual"); H-6 marks them stale after a while. */
export const manualTraitIds = [
  "taPulse",
  "activeChampion",
  "buyerAccess",
] as const satisfies readonly TraitId[];
export type ManualTraitId = (typeof manualTraitIds)[number];

export const pulses = ["healthy", "concerning", "poor"] as const;
export const pulseSchema = z.enum(pulses);
export type Pulse = z.infer<typeof pulseSchema>;

export const categoryIds = ["taPulse", "technical", "relationships", "utilization"] as const;
export const categoryIdSchema = z.enum(categoryIds);
export type CategoryId = z.infer<typeof categoryIdSchema>;

const comparisonSchema = z.object({ op: z.enum(["<", "<=", ">", ">="]), value: z.number().finite() });
export type Comparison = z.infer<typeof comparisonSchema>;

/** How one trait's value becomes a grade (H-2): healthy = 100, concerning = 50, poor = 0. */
export const traitRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("pulse") }),
  z.object({ kind: z.literal("boolean"), healthyWhen: z.boolean() }),
  z.object({
    kind: z.literal("numeric"),
    healthy: comparisonSchema,
    poor: comparisonSchema,
    /** "three-grade" (the hand tool's) or "linear" between the two thresholds. */
    grading: z.enum(["three-grade", "linear"]).default("three-grade"),
  }),
]);
export type TraitRule = z.infer<typeof traitRuleSchema>;

/** The policy's fields; `healthPolicySchema` adds the cross-field checks. */
const healthPolicyFieldsSchema = z.object({
  /** Version number: scores keep the version they were computed with. */
  version: int32Schema({ min: 1 }),
  name: z.string().min(1),
  /** Where the rule comes from (e.g. "seed 002 account management"). */
  source: z.string(),
  effectiveFrom: calendarDateSchema,
  categories: z
    .array(
      z.object({
        id: categoryIdSchema,
        label: z.string(),
        weight: z.number().positive().max(100),
        traits: z.array(traitIdSchema).min(1),
      }),
    )
    .min(1),
  traits: z.partialRecord(traitIdSchema, traitRuleSchema),
  /** H-3 category bands: green ≥ green, yellow ≥ yellow, red below. */
  bands: z.object({ green: z.number().min(0).max(100), yellow: z.number().min(0).max(100) }),
  /** H-6: a manual trait not refreshed for this many days is marked stale (still counted). */
  manualTraitStaleAfterDays: dayCountSchema({ min: 1 }).default(60),
});

/** Checks a policy's parts against each other: bands in order, every trait in one category with a rule. */
function checkPolicy(
  policy: Pick<z.infer<typeof healthPolicyFieldsSchema>, "bands" | "categories" | "traits">,
  ctx: z.RefinementCtx,
) {
  if (policy.bands.yellow > policy.bands.green) {
    ctx.addIssue({
      code: "custom",
      params: CONSISTENCY,
      path: ["bands", "yellow"],
      message: "yellow band must not be above green",
    });
  }
  const seen = new Set<string>();
  policy.categories.forEach((category, i) => {
    for (const trait of category.traits) {
      if (seen.has(trait)) {
        ctx.addIssue({
          code: "custom",
          params: CONSISTENCY,
          path: ["categories", i, "traits"],
          message: `trait ${trait} is in two categories`,
        });
      }
      seen.add(trait);
      if (!policy.traits[trait]) {
        ctx.addIssue({
          code: "custom",
          params: CONSISTENCY,
          path: ["traits", trait],
          message: `trait ${trait} has no grading rule`,
        });
      }
    }
  });
}

export const healthPolicySchema = healthPolicyFieldsSchema.superRefine(checkPolicy);
export type HealthPolicy = z.infer<typeof healthPolicySchema>;

/**
 * A policy as an admin drafts it: everything but the version (the server numbers drafts)
 * and the effective date (set when it is published, X-3).
 */
export const healthPolicyDraftSchema = healthPolicyFieldsSchema
  .omit({ version: true, effectiveFrom: true })
  .superRefine(checkPolicy);
export type HealthPolicyDraft = z.input<typeof healthPolicyDraftSchema>;

/** a policy exported as versioned JSON, reviewable like code and importable as a new draft. */
export const healthPolicyDocumentSchema = z.object({
  kind: z.literal("keel.health-policy"),
  schemaVersion: z.literal(1),
  policy: healthPolicySchema,
});
export type HealthPolicyDocument = z.infer<typeof healthPolicyDocumentSchema>;

export const traitLabels: Record<TraitId, string> = {
  taPulse: "TA pulse",
  versionsBehind: "Versions behind (last month)",
  preciseIntelActive: "Precise code intelligence active",
  defectTickets90d: "Defect tickets, last 90 days",
  helpTickets90d: "Help tickets, last 90 days",
  activeChampion: "Active champion",
  buyerAccess: "Access to buyer",
  daysSinceLastActivity: "Days since last activity",
  dauOverMau: "Usage score (4-wk avg DAU / last month MAU)",
  mauOverSeats: "Last month MAU / seats",
};

const h2Traits: HealthPolicy["traits"] = {
  taPulse: { kind: "pulse" },
  versionsBehind: {
    kind: "numeric",
    healthy: { op: "<=", value: 1 },
    poor: { op: ">=", value: 4 },
    grading: "three-grade",
  },
  preciseIntelActive: { kind: "boolean", healthyWhen: true },
  defectTickets90d: {
    kind: "numeric",
    healthy: { op: "<", value: 2 },
    poor: { op: ">=", value: 5 },
    grading: "three-grade",
  },
  helpTickets90d: {
    kind: "numeric",
    healthy: { op: "<", value: 10 },
    poor: { op: ">=", value: 15 },
    grading: "three-grade",
  },
  activeChampion: { kind: "boolean", healthyWhen: true },
  buyerAccess: { kind: "boolean", healthyWhen: true },
  daysSinceLastActivity: {
    kind: "numeric",
    healthy: { op: "<=", value: 14 },
    poor: { op: ">=", value: 30 },
    grading: "three-grade",
  },
  dauOverMau: {
    kind: "numeric",
    healthy: { op: ">=", value: 0.3 },
    poor: { op: "<=", value: 0.2 },
    grading: "three-grade",
  },
  mauOverSeats: {
    kind: "numeric",
    healthy: { op: ">=", value: 0.8 },
    poor: { op: "<", value: 0.5 },
    grading: "three-grade",
  },
};

function h2Categories(weights: Record<CategoryId, number>): HealthPolicy["categories"] {
  return [
    { id: "taPulse", label: "TA Pulse", weight: weights.taPulse, traits: ["taPulse"] },
    {
      id: "technical",
      label: "Technical Health",
      weight: weights.technical,
      traits: ["versionsBehind", "preciseIntelActive", "defectTickets90d", "helpTickets90d"],
    },
    {
      id: "relationships",
      label: "Relationships & Engagement",
      weight: weights.relationships,
      traits: ["activeChampion", "buyerAccess", "daysSinceLastActivity"],
    },
    {
      id: "utilization",
      label: "Utilization",
      weight: weights.utilization,
      traits: ["dauOverMau", "mauOverSeats"],
    },
  ];
}

/** H-1 earlier policy (seed 000): 5 / 5 / 15 / 75. Kept selectable, e.g. for time travel. */
export const seed000HealthPolicy: HealthPolicy = {
  version: 1,
  name: "Working with customers (seed 000)",
  source: "seed 000 working-with-customers",
  effectiveFrom: "2022-01-01",
  categories: h2Categories({ taPulse: 5, technical: 5, relationships: 15, utilization: 75 }),
  traits: h2Traits,
  bands: { green: 75, yellow: 50 },
  manualTraitStaleAfterDays: 60,
};

/** H-1 default policy (seed 002): 5 / 15 / 25 / 55, bands green ≥ 75, yellow ≥ 50. */
export const defaultHealthPolicy: HealthPolicy = {
  version: 2,
  name: "Account management (seed 002)",
  source: "seed 002 account management",
  effectiveFrom: "2023-01-01",
  categories: h2Categories({ taPulse: 5, technical: 15, relationships: 25, utilization: 55 }),
  traits: h2Traits,
  bands: { green: 75, yellow: 50 },
  manualTraitStaleAfterDays: 60,
};

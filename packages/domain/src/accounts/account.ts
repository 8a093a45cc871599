import { z } from "zod";
import { healthCategorySchema } from "../health/category.ts";

/** Segments of the default policy plus the older policy's "commercial" (seed 000). */
export const segments = ["strategic", "enterprise", "mid-market", "smb", "commercial"] as const;
export const segmentSchema = z.enum(segments);
export type Segment = z.infer<typeof segmentSchema>;
export const segmentLabels: Record<Segment, string> = {
  strategic: "Strategic",
  enterprise: "Enterprise",
  "mid-market": "Mid-Market",
  smb: "SMB",
  commercial: "Commercial",
};

/** Lifecycle stages, L-1…L-5; the label is the handbook's name. */
export const lifecycleStages = ["prospect", "onboarding", "adopting", "nurturing", "renewing"] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  prospect: "0. Prospect",
  onboarding: "1. Onboarding",
  adopting: "2. Adopting",
  nurturing: "3. Nurturing",
  renewing: "4. Renewing",
};

/** The TA support level leadership sets ~45 days before close. */
export const supportLevels = ["dedicated", "pooled", "scaled", "none"] as const;
export const supportLevelSchema = z.enum(supportLevels);
export type SupportLevel = z.infer<typeof supportLevelSchema>;

export const deployments = ["self-hosted", "cloud"] as const;
export const deploymentSchema = z.enum(deployments);
export type Deployment = z.infer<typeof deploymentSchema>;

export const currencies = ["USD", "EUR", "GBP"] as const;
export const currencySchema = z.enum(currencies);

/** Roles on an account's team. IE and TPM are optional. */
export const teamRoles = ["ta", "ae", "ce", "ie", "tpm"] as const;
export const teamRoleSchema = z.enum(teamRoles);
export type TeamRole = z.infer<typeof teamRoleSchema>;
export const teamRoleLabels: Record<TeamRole, string> = {
  ta: "Technical Advisor",
  ae: "Account Executive",
  ce: "Customer Engineer",
  ie: "Implementation Engineer",
  tpm: "Technical Program Manager",
};

export const isoDateSchema = z.iso.date();

export const teamMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** every account field. Money is integer cents; dates are ISO `YYYY-MM-DD`. */
export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  arrCents: z.number().int().nonnegative(),
  currency: currencySchema,
  seatsPurchased: z.number().int().nonnegative(),
  contractStart: isoDateSchema.nullable(),
  closeDate: isoDateSchema.nullable(),
  renewalDate: isoDateSchema.nullable(),
  supportLevel: supportLevelSchema,
  /** when leadership set the support level (ISO timestamp); null while it is only a default. */
  supportLevelSetAt: z.string().nullable(),
  segment: segmentSchema,
  pooled: z.boolean(),
  scaled: z.boolean(),
  lifecycleStage: lifecycleStageSchema,
  redAccount: z.boolean(),
  deployment: deploymentSchema,
  instanceVersion: z.string().nullable(),
  crmId: z.string().nullable(),
  instanceId: z.string().nullable(),
  team: z.object({
    ta: teamMemberSchema.nullable(),
    ae: teamMemberSchema.nullable(),
    ce: teamMemberSchema.nullable(),
    ie: teamMemberSchema.nullable(),
    tpm: teamMemberSchema.nullable(),
  }),
  version: z.number().int(),
});
export type Account = z.infer<typeof accountSchema>;
export type AccountTeam = Account["team"];

/** One row of a book of business ("My book", manager views). */
export const accountSummarySchema = accountSchema
  .pick({
    id: true,
    name: true,
    segment: true,
    lifecycleStage: true,
    arrCents: true,
    currency: true,
    seatsPurchased: true,
    renewalDate: true,
    supportLevel: true,
    redAccount: true,
  })
  .extend({
    /** Days from today to the renewal date; negative when overdue; null without a renewal date. */
    daysToRenewal: z.number().int().nullable(),
    ta: teamMemberSchema.nullable(),
    /** The current health score (H-3), null when none is computed or no trait has data. */
    healthScore: z.number().nullable(),
    /** The current health category; null when the account has not been scored yet. */
    healthCategory: healthCategorySchema.nullable(),
  });
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountSortSchema = z.enum(["name", "arr", "renewalDate", "segment", "stage", "ta", "health"]);
export type AccountSort = z.infer<typeof accountSortSchema>;

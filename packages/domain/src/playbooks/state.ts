import { z } from "zod";
import {
  isoDateSchema,
  lifecycleStageSchema,
  segmentSchema,
  supportLevelSchema,
} from "../accounts/account.ts";
import { healthBreakdownSchema } from "../health/breakdown.ts";
import { healthCategorySchema } from "../health/category.ts";
import { pulseSchema } from "../health/policy.ts";

const nullableDate = isoDateSchema.nullable();

/**
 * What playbooks and recommendations look at: one account's current state, flattened from the
 * account, its health (H-2…H-4), hand-off progress and compliance dates (C-3, M-6,
 * M-7). The API assembles it; the domain only reads it.
 */
export const accountStateSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  arrCents: z.number().int().nonnegative(),
  seatsPurchased: z.number().int().nonnegative(),
  segment: segmentSchema,
  supportLevel: supportLevelSchema,
  pooled: z.boolean(),
  scaled: z.boolean(),
  lifecycleStage: lifecycleStageSchema,
  redAccount: z.boolean(),
  closeDate: nullableDate,
  contractStart: nullableDate,
  renewalDate: nullableDate,
  team: z.object({
    ta: z.string().nullable(),
    ae: z.string().nullable(),
    ce: z.string().nullable(),
    ie: z.string().nullable(),
    tpm: z.string().nullable(),
  }),
  healthCategory: healthCategorySchema.nullable(),
  /** H-4 breakdown of the current score, to say which traits make it red or yellow. */
  healthBreakdown: healthBreakdownSchema.nullable().optional(),
  traits: z.object({
    taPulse: pulseSchema.nullable(),
    versionsBehind: z.number().nullable(),
    activeChampion: z.boolean().nullable(),
    buyerAccess: z.boolean().nullable(),
    daysSinceLastActivity: z.number().nullable(),
    dauOverMau: z.number().nullable(),
    mauOverSeats: z.number().nullable(),
  }),
  /** A-3 hand-off steps: when each was done, null while not done. */
  handoff: z.object({
    supportLevelSetAt: nullableDate,
    taAssignedAt: nullableDate,
    handoffDocCreatedAt: nullableDate,
  }),
  /** C-3: when the CE finished tagging contacts, null while not done. */
  contactsTaggedAt: nullableDate,
  /** M-6: the last logged activity (email, call, meeting, Slack). */
  lastActivityDate: nullableDate,
  /** M-7: when the manual traits were last refreshed. */
  manualTraitsRefreshedAt: nullableDate,
});
export type AccountState = z.infer<typeof accountStateSchema>;

/** Fields a playbook condition may test, as dotted paths into `AccountState`. */
export const conditionFields = [
  "arrCents",
  "seatsPurchased",
  "segment",
  "supportLevel",
  "pooled",
  "scaled",
  "lifecycleStage",
  "redAccount",
  "closeDate",
  "contractStart",
  "renewalDate",
  "team.ta",
  "team.ae",
  "team.ce",
  "team.ie",
  "team.tpm",
  "healthCategory",
  "traits.taPulse",
  "traits.versionsBehind",
  "traits.activeChampion",
  "traits.buyerAccess",
  "traits.daysSinceLastActivity",
  "traits.dauOverMau",
  "traits.mauOverSeats",
  "handoff.supportLevelSetAt",
  "handoff.taAssignedAt",
  "handoff.handoffDocCreatedAt",
  "contactsTaggedAt",
  "lastActivityDate",
  "manualTraitsRefreshedAt",
] as const;
export const conditionFieldSchema = z.enum(conditionFields);
export type ConditionField = z.infer<typeof conditionFieldSchema>;

export function readField(state: AccountState, field: ConditionField): unknown {
  let value: unknown = state;
  for (const key of field.split(".")) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value ?? null;
}

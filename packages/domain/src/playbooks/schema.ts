import { z } from "zod";
import { lifecycleStageSchema, teamRoleSchema } from "../accounts/account.ts";
import { healthCategorySchema } from "../health/category.ts";
import { pulseSchema, traitIdSchema } from "../health/policy.ts";
import { dayCountSchema, int32Schema } from "../validation.ts";
import { conditionFieldSchema } from "./state.ts";

export const playbookIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case");

/** Dates a date trigger can be relative to. */
export const dateAnchors = ["closeDate", "contractStart", "renewalDate"] as const;
export const dateAnchorSchema = z.enum(dateAnchors);
export type DateAnchor = z.infer<typeof dateAnchorSchema>;

const comparisonOpSchema = z.enum(["<", "<=", ">", ">="]);
export type ComparisonOp = z.infer<typeof comparisonOpSchema>;

/** Events the API reports to the engine in the request that causes them. */
export const playbookEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accountCreated") }),
  z.object({
    type: z.literal("stageChanged"),
    from: lifecycleStageSchema.nullable(),
    to: lifecycleStageSchema,
  }),
  z.object({
    type: z.literal("healthCategoryChanged"),
    from: healthCategorySchema.nullable(),
    to: healthCategorySchema,
  }),
  z.object({
    type: z.literal("traitChanged"),
    trait: traitIdSchema,
    from: z.union([z.number(), z.boolean(), pulseSchema]).nullable(),
    to: z.union([z.number(), z.boolean(), pulseSchema]).nullable(),
  }),
  z.object({
    type: z.literal("fieldSet"),
    field: conditionFieldSchema,
    /**
     * When it was set and to what: each setting is its own occurrence, so a second change the
     * same day fires too.
     */
    at: z.string().optional(),
    value: z.string().optional(),
  }),
]);
export type PlaybookEvent = z.infer<typeof playbookEventSchema>;

export const playbookTriggerSchema = z.discriminatedUnion("kind", [
  /** Fires on anchor + offsetDays (e.g. renewalDate - 120); a missed sweep catches up for a few days. */
  z.object({
    kind: z.literal("date"),
    anchor: dateAnchorSchema,
    offsetDays: dayCountSchema(),
    catchUpDays: dayCountSchema({ min: 0 }).default(7),
  }),
  z.object({
    kind: z.literal("event"),
    event: z.discriminatedUnion("type", [
      z.object({ type: z.literal("accountCreated") }),
      z.object({ type: z.literal("stageChanged"), to: lifecycleStageSchema.optional() }),
      z.object({
        type: z.literal("healthCategoryChanged"),
        to: z.array(healthCategorySchema).min(1).optional(),
      }),
      /** Fires when the trait moves from not satisfying `op value` to satisfying it. */
      z.object({
        type: z.literal("traitCrossed"),
        trait: traitIdSchema,
        op: comparisonOpSchema,
        value: z.number().finite(),
      }),
      z.object({ type: z.literal("fieldSet"), field: conditionFieldSchema }),
    ]),
  }),
  /** Once a month, on or after `dayOfMonth` (M-6, M-7). */
  z.object({
    kind: z.literal("schedule"),
    every: z.literal("month"),
    dayOfMonth: z.number().int().min(1).max(28),
  }),
]);
export type PlaybookTrigger = z.infer<typeof playbookTriggerSchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A predicate over the account state; all of a playbook's conditions must hold. */
export const playbookConditionSchema = z.discriminatedUnion("op", [
  z.object({ field: conditionFieldSchema, op: z.enum(["=", "!="]), value: scalarSchema.nullable() }),
  z.object({ field: conditionFieldSchema, op: comparisonOpSchema, value: z.number().finite() }),
  z.object({ field: conditionFieldSchema, op: z.literal("in"), value: z.array(scalarSchema).min(1) }),
  z.object({ field: conditionFieldSchema, op: z.enum(["isSet", "isNotSet"]) }),
]);
export type PlaybookCondition = z.infer<typeof playbookConditionSchema>;

export const recipientSchema = z.union([teamRoleSchema, z.literal("leadership")]);
export type Recipient = z.infer<typeof recipientSchema>;

const actionBase = { when: z.array(playbookConditionSchema).optional() };

/** What a playbook does; `when` narrows a single action (e.g. the CE issues the license when scaled, A-4). */
export const playbookActionSchema = z.discriminatedUnion("type", [
  z.object({
    ...actionBase,
    type: z.literal("createTask"),
    role: teamRoleSchema,
    title: z.string().min(1),
    dueInDays: dayCountSchema({ min: 0 }),
  }),
  z.object({
    ...actionBase,
    type: z.literal("createDocument"),
    templateId: z.string().min(1),
    ownerRole: teamRoleSchema,
  }),
  z.object({
    ...actionBase,
    type: z.literal("createProject"),
    templateId: z.string().min(1),
    ownerRole: teamRoleSchema,
  }),
  z.object({
    ...actionBase,
    type: z.literal("setFlag"),
    flag: z.enum(["redAccount", "yellowRedRenewalReview"]),
  }),
  z.object({ ...actionBase, type: z.literal("notify"), to: recipientSchema, message: z.string().min(1) }),
  z.object({ ...actionBase, type: z.literal("webhook"), eventType: z.string().min(1) }),
  /** assign segment and flags with the current segmentation policy. */
  z.object({ ...actionBase, type: z.literal("assignSegment") }),
]);
export type PlaybookAction = z.infer<typeof playbookActionSchema>;

export const playbookSchema = z.object({
  id: playbookIdSchema,
  /** A new version is a new row; fired actions keep the version that made them. */
  version: int32Schema({ min: 1 }),
  name: z.string().min(1),
  /** The SPEC rule this playbook implements, cited in every action's reason. */
  ruleId: z.string().min(1),
  source: z.string(),
  enabled: z.boolean().default(true),
  triggers: z.array(playbookTriggerSchema).min(1),
  conditions: z.array(playbookConditionSchema).default([]),
  actions: z.array(playbookActionSchema).min(1),
});
export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookInput = z.input<typeof playbookSchema>;

/** The project templates that `createProject` names: task groups (M-1) with relative due dates. */
export const projectTemplateSchema = z.object({
  id: z.string().min(1),
  version: int32Schema({ min: 1 }),
  name: z.string().min(1),
  tasks: z
    .array(
      z.object({ title: z.string().min(1), role: teamRoleSchema, dueInDays: dayCountSchema({ min: 0 }) }),
    )
    .min(1),
});
export type ProjectTemplate = z.infer<typeof projectTemplateSchema>;

import { z } from "zod";
import { healthCategorySchema } from "./category.ts";
import type { TraitNotes } from "./derived.ts";
import type { HealthResult, TraitValue } from "./engine.ts";
import {
  type CategoryId,
  categoryIdSchema,
  pulseSchema,
  type TraitId,
  traitIdSchema,
  traitLabels,
} from "./policy.ts";

/** H-4 / X-1: one trait in a score's breakdown, as shown to people. */
export const traitBreakdownSchema = z.object({
  id: traitIdSchema,
  category: categoryIdSchema,
  label: z.string(),
  value: z.union([z.number(), z.boolean(), pulseSchema]).nullable(),
  /** 100 healthy, 50 concerning, 0 poor (or linear in between); null when missing. */
  grade: z.number().nullable(),
  /** Points this trait adds to the score; the contributions add up to the score exactly (H-4). */
  contribution: z.number(),
  missing: z.boolean(),
  /** H-6: a manual trait not refreshed for the policy's number of days (still counted). */
  stale: z.boolean(),
  /** When a manual trait was last set (ISO date-time), null for derived traits. */
  setAt: z.string().nullable(),
  /** Which data produced the value, e.g. "avg DAU 41.2 over 28 reported days … / 2026-10 MAU 130". */
  evidence: z.string().nullable(),
});
export type TraitBreakdown = z.infer<typeof traitBreakdownSchema>;

export const categoryBreakdownSchema = z.object({
  id: categoryIdSchema,
  label: z.string(),
  weight: z.number(),
  /** Weight renormalised over the categories with data, as a share of 100 (H-3). */
  effectiveWeight: z.number(),
  score: z.number().nullable(),
  contribution: z.number(),
});

export const healthBreakdownSchema = z.object({
  categories: z.array(categoryBreakdownSchema),
  traits: z.array(traitBreakdownSchema),
});
export type HealthBreakdown = z.infer<typeof healthBreakdownSchema>;

/** A score with its policy version and breakdown: what the account page shows (H-4, X-3). */
export const healthScoreSchema = z.object({
  score: z.number().nullable(),
  category: healthCategorySchema,
  policyVersion: z.number().int(),
  breakdown: healthBreakdownSchema,
});
export type HealthScore = z.infer<typeof healthScoreSchema>;

/**
 * A breakdown as stored with every score and snapshot: positional and without text, because a
 * whole-book sweep writes one per account (labels and evidence are added when it is shown).
 * categories: [id, label, weight, effectiveWeight, score, contribution];
 * traits: [id, category, value, grade, contribution, stale].
 */
export type StoredHealthBreakdown = {
  categories: [CategoryId, string, number, number, number | null, number][];
  traits: [TraitId, CategoryId, TraitValue | null, number | null, number, boolean][];
};

/** H-4: the engine's result in the stored form, with H-6 staleness. */
export function storeBreakdown(result: HealthResult, notes: TraitNotes = {}): StoredHealthBreakdown {
  return {
    categories: result.categories.map((c) => [
      c.id,
      c.label,
      c.weight,
      c.effectiveWeight,
      c.score,
      c.contribution,
    ]),
    traits: result.traits.map((t) => [
      t.id,
      t.category,
      t.value,
      t.grade,
      t.contribution,
      !t.missing && (notes[t.id]?.stale ?? false),
    ]),
  };
}

/** H-4 + X-1: a stored breakdown with labels, and the data behind each trait when known. */
export function showBreakdown(stored: StoredHealthBreakdown, notes: TraitNotes = {}): HealthBreakdown {
  return {
    categories: stored.categories.map(([id, label, weight, effectiveWeight, score, contribution]) => ({
      id,
      label,
      weight,
      effectiveWeight,
      score,
      contribution,
    })),
    traits: stored.traits.map(([id, category, value, grade, contribution, stale]) => ({
      id,
      category,
      label: traitLabels[id],
      value,
      grade,
      contribution,
      missing: grade === null,
      stale,
      setAt: notes[id]?.setAt ?? null,
      evidence: grade === null ? null : (notes[id]?.evidence ?? null),
    })),
  };
}

/** H-4 + X-1: the engine's result with labels, staleness (H-6) and the data behind each trait. */
export function explainHealth(result: HealthResult, notes: TraitNotes = {}): HealthScore {
  return {
    score: result.score,
    category: result.category,
    policyVersion: result.policyVersion,
    breakdown: showBreakdown(storeBreakdown(result, notes), notes),
  };
}

export const traitChangeSchema = z.object({
  id: traitIdSchema,
  label: z.string(),
  from: z.union([z.number(), z.boolean(), pulseSchema]).nullable(),
  to: z.union([z.number(), z.boolean(), pulseSchema]).nullable(),
  /** Points the trait's contribution moved by. */
  delta: z.number(),
});
export type TraitChange = z.infer<typeof traitChangeSchema>;

/**
 * X-1 "a score change shows which traits moved it": the traits whose value or contribution
 * differs between two breakdowns, the biggest movers first.
 */
export function traitChanges(
  before: Pick<StoredHealthBreakdown, "traits"> | null,
  after: Pick<StoredHealthBreakdown, "traits">,
): TraitChange[] {
  const previous = new Map((before?.traits ?? []).map((t) => [t[0], t]));
  const changes: TraitChange[] = [];
  for (const [id, , value, , contribution] of after.traits) {
    const old = previous.get(id);
    const from = old?.[2] ?? null;
    const delta = Math.round((contribution - (old?.[4] ?? 0)) * 100) / 100;
    if (from === value && delta === 0) continue;
    changes.push({ id, label: traitLabels[id], from, to: value, delta });
  }
  return changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

import type { HealthCategory } from "./category.ts";
import type { CategoryId, Comparison, HealthPolicy, Pulse, TraitId, TraitRule } from "./policy.ts";

/** Trait values by id; a missing key (or undefined/null) means "no data". */
export type HealthInputs = Partial<{
  taPulse: Pulse | null;
  versionsBehind: number | null;
  preciseIntelActive: boolean | null;
  defectTickets90d: number | null;
  helpTickets90d: number | null;
  activeChampion: boolean | null;
  buyerAccess: boolean | null;
  daysSinceLastActivity: number | null;
  dauOverMau: number | null;
  mauOverSeats: number | null;
}>;

export type TraitValue = Pulse | number | boolean;
export type Grade = number; // 0..100; 100 / 50 / 0 with three grades

export type TraitResult = {
  id: TraitId;
  category: CategoryId;
  value: TraitValue | null;
  /** null when missing. */
  grade: Grade | null;
  /** Points this trait adds to the score (H-4); 0 when missing. */
  contribution: number;
  missing: boolean;
};

export type CategoryResult = {
  id: CategoryId;
  label: string;
  /** The policy's weight. */
  weight: number;
  /** Weight renormalised over the categories with data, as a share of 100 (H-3). */
  effectiveWeight: number;
  /** Mean grade of its traits with data, or null when none has data. */
  score: number | null;
  contribution: number;
};

export type HealthResult = {
  /** 0–100 with two decimals, or null when no trait has data (never 0 for "no data"). */
  score: number | null;
  category: HealthCategory;
  policyVersion: number;
  categories: CategoryResult[];
  traits: TraitResult[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function satisfies(value: number, comparison: Comparison): boolean {
  switch (comparison.op) {
    case "<":
      return value < comparison.value;
    case "<=":
      return value <= comparison.value;
    case ">":
      return value > comparison.value;
    case ">=":
      return value >= comparison.value;
  }
}

/** H-2: a trait's grade under its rule. */
export function gradeTrait(rule: TraitRule, value: TraitValue): Grade {
  switch (rule.kind) {
    case "pulse":
      return value === "healthy" ? 100 : value === "concerning" ? 50 : 0;
    case "boolean":
      return value === rule.healthyWhen ? 100 : 0;
    case "numeric": {
      const n = value as number;
      if (satisfies(n, rule.healthy)) return 100;
      if (satisfies(n, rule.poor)) return 0;
      if (rule.grading === "three-grade") return 50;
      // Linear between the thresholds: the share of the way from poor to healthy.
      const span = rule.healthy.value - rule.poor.value;
      if (span === 0) return 50;
      const share = (n - rule.poor.value) / span;
      return Math.min(100, Math.max(0, share * 100));
    }
  }
}

function isPresent(value: unknown): value is TraitValue {
  if (value === undefined || value === null) return false;
  if (typeof value === "number") return Number.isFinite(value);
  return true;
}

/** H-3/H-4: the weighted, explainable score of one account under one policy. */
export function computeHealth(inputs: HealthInputs, policy: HealthPolicy): HealthResult {
  const graded = policy.categories.map((category) => {
    const traits = category.traits.map((id) => {
      const raw = inputs[id];
      const present = isPresent(raw);
      const rule = policy.traits[id]!;
      return { id, value: present ? raw : null, grade: present ? gradeTrait(rule, raw) : null };
    });
    const withData = traits.filter((t) => t.grade !== null);
    return { category, traits, withData };
  });
  const weightWithData = graded
    .filter((g) => g.withData.length > 0)
    .reduce((sum, g) => sum + g.category.weight, 0);

  const categories: CategoryResult[] = [];
  const traits: TraitResult[] = [];
  const exact: number[] = [];
  for (const { category, traits: categoryTraits, withData } of graded) {
    const share = withData.length > 0 && weightWithData > 0 ? category.weight / weightWithData : 0;
    for (const trait of categoryTraits) {
      // H-4: (category's renormalised weight / traits with data in it) × grade.
      exact.push(trait.grade === null ? 0 : (share / withData.length) * trait.grade);
      traits.push({
        id: trait.id,
        category: category.id,
        value: trait.value,
        grade: trait.grade,
        contribution: 0,
        missing: trait.grade === null,
      });
    }
    const score =
      withData.length > 0 ? withData.reduce((sum, t) => sum + t.grade!, 0) / withData.length : null;
    categories.push({
      id: category.id,
      label: category.label,
      weight: category.weight,
      effectiveWeight: round2(share * 100),
      score: score === null ? null : round2(score),
      contribution: 0,
    });
  }

  const score = weightWithData > 0 ? round2(exact.reduce((sum, c) => sum + c, 0)) : null;
  // Shown to two decimals, the contributions must still add up to the score exactly (H-4).
  const cents = apportionCents(exact, score ?? 0);
  traits.forEach((trait, i) => {
    trait.contribution = cents[i]! / 100;
  });
  for (const category of categories) {
    const inCategory = traits.filter((t) => t.category === category.id);
    category.contribution = inCategory.reduce((sum, t) => sum + Math.round(t.contribution * 100), 0) / 100;
  }
  return { score, category: categorize(score, policy), policyVersion: policy.version, categories, traits };
}

/**
 * Rounds each value to whole cents so that they sum to `total` exactly (largest remainder):
 * each stays within a cent of its exact value.
 */
function apportionCents(values: number[], total: number): number[] {
  const scaled = values.map((v) => v * 100);
  const floors = scaled.map((v) => Math.floor(v + 1e-9));
  let remaining = Math.round(total * 100) - floors.reduce((a, b) => a + b, 0);
  const byRemainder = scaled.map((v, i) => ({ i, r: v - floors[i]! })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (remaining <= 0) break;
    floors[i]! += 1;
    remaining -= 1;
  }
  return floors;
}

/** H-3 bands. */
export function categorize(score: number | null, policy: Pick<HealthPolicy, "bands">): HealthCategory {
  if (score === null) return "unknown";
  if (score >= policy.bands.green) return "green";
  if (score >= policy.bands.yellow) return "yellow";
  return "red";
}

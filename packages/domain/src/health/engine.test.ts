import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeHealth, gradeTrait, type HealthInputs } from "./engine.ts";
import { defaultHealthPolicy, healthPolicySchema, seed000HealthPolicy, type TraitRule } from "./policy.ts";

const allHealthy: HealthInputs = {
  taPulse: "healthy",
  versionsBehind: 0,
  preciseIntelActive: true,
  defectTickets90d: 0,
  helpTickets90d: 3,
  activeChampion: true,
  buyerAccess: true,
  daysSinceLastActivity: 3,
  dauOverMau: 0.45,
  mauOverSeats: 0.95,
};

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

describe("H-1 categories and weights", () => {
  it("H-1: the default policy (seed 002) weighs 5 / 15 / 25 / 55", () => {
    expect(defaultHealthPolicy.categories.map((c) => [c.id, c.weight])).toEqual([
      ["taPulse", 5],
      ["technical", 15],
      ["relationships", 25],
      ["utilization", 55],
    ]);
  });

  it("H-1: the earlier policy (seed 000) weighs 5 / 5 / 15 / 75 and is a valid policy", () => {
    expect(seed000HealthPolicy.categories.map((c) => c.weight)).toEqual([5, 5, 15, 75]);
    expect(healthPolicySchema.safeParse(seed000HealthPolicy).success).toBe(true);
    expect(healthPolicySchema.safeParse(defaultHealthPolicy).success).toBe(true);
  });

  it("H-1: the same inputs score differently under the two policies", () => {
    const inputs: HealthInputs = { ...allHealthy, mauOverSeats: 0.3, dauOverMau: 0.1 };
    expect(computeHealth(inputs, defaultHealthPolicy).score).toBe(45);
    expect(computeHealth(inputs, seed000HealthPolicy).score).toBe(25);
  });
});

describe("H-2 trait grades", () => {
  const rule = (id: keyof typeof defaultHealthPolicy.traits) => defaultHealthPolicy.traits[id] as TraitRule;
  it.each([
    ["versionsBehind", 1, 100],
    ["versionsBehind", 2, 50],
    ["versionsBehind", 3, 50],
    ["versionsBehind", 4, 0],
    ["defectTickets90d", 1, 100],
    ["defectTickets90d", 2, 50],
    ["defectTickets90d", 5, 0],
    ["helpTickets90d", 9, 100],
    ["helpTickets90d", 10, 50],
    ["helpTickets90d", 14, 50],
    ["helpTickets90d", 15, 0],
    ["daysSinceLastActivity", 14, 100],
    ["daysSinceLastActivity", 15, 50],
    ["daysSinceLastActivity", 30, 0],
    ["dauOverMau", 0.3, 100],
    ["dauOverMau", 0.25, 50],
    ["dauOverMau", 0.2, 0],
    ["mauOverSeats", 0.8, 100],
    ["mauOverSeats", 0.5, 50],
    ["mauOverSeats", 0.49, 0],
  ] as const)("H-2: %s = %s grades %i", (id, value, grade) => {
    expect(gradeTrait(rule(id), value)).toBe(grade);
  });

  it("H-2: pulse and yes/no traits grade healthy 100, concerning 50, poor 0", () => {
    expect(gradeTrait({ kind: "pulse" }, "healthy")).toBe(100);
    expect(gradeTrait({ kind: "pulse" }, "concerning")).toBe(50);
    expect(gradeTrait({ kind: "pulse" }, "poor")).toBe(0);
    expect(gradeTrait({ kind: "boolean", healthyWhen: true }, true)).toBe(100);
    expect(gradeTrait({ kind: "boolean", healthyWhen: true }, false)).toBe(0);
  });

  it("H-2: a policy may switch a numeric trait to linear grading between its thresholds", () => {
    const linear: TraitRule = {
      kind: "numeric",
      healthy: { op: ">=", value: 0.8 },
      poor: { op: "<", value: 0.5 },
      grading: "linear",
    };
    expect(gradeTrait(linear, 0.65)).toBeCloseTo(50);
    expect(gradeTrait(linear, 0.74)).toBeCloseTo(80);
    expect(gradeTrait(linear, 0.9)).toBe(100);
    expect(gradeTrait(linear, 0.4)).toBe(0);
  });
});

describe("H-3 aggregation and H-4 explanation", () => {
  it("H-3: every trait healthy scores 100 and is green", () => {
    const result = computeHealth(allHealthy, defaultHealthPolicy);
    expect(result).toMatchObject({ score: 100, category: "green", policyVersion: 2 });
  });

  it("H-3: no trait with data is unknown, never 0", () => {
    const result = computeHealth({}, defaultHealthPolicy);
    expect(result.score).toBeNull();
    expect(result.category).toBe("unknown");
    expect(result.traits.every((t) => t.missing && t.contribution === 0)).toBe(true);
  });

  it("H-3: weights renormalise over categories with data; the breakdown names the missing traits", () => {
    // Only utilization and TA pulse have data: 55 + 5 = 60 → utilization counts 55/60.
    const result = computeHealth(
      { taPulse: "poor", dauOverMau: 0.5, mauOverSeats: 0.9 },
      defaultHealthPolicy,
    );
    expect(result.score).toBe(91.67);
    const utilization = result.categories.find((c) => c.id === "utilization")!;
    expect(utilization.effectiveWeight).toBe(91.67);
    expect(result.traits.filter((t) => t.missing).map((t) => t.id)).toEqual([
      "versionsBehind",
      "preciseIntelActive",
      "defectTickets90d",
      "helpTickets90d",
      "activeChampion",
      "buyerAccess",
      "daysSinceLastActivity",
    ]);
  });

  it("H-3: category score is the mean of its traits with data", () => {
    const result = computeHealth(
      { ...allHealthy, versionsBehind: 5, defectTickets90d: 3, helpTickets90d: undefined },
      defaultHealthPolicy,
    );
    // technical: versions 0, precise 100, defects 50 → mean 50
    expect(result.categories.find((c) => c.id === "technical")!.score).toBe(50);
  });

  it.each([
    [75, "green"],
    [74.99, "yellow"],
    [50, "yellow"],
    [49.99, "red"],
  ] as const)("H-3: bands — %d is %s", (target, category) => {
    // One category only, linear grading, so the score equals the grade.
    const policy = {
      ...defaultHealthPolicy,
      categories: [
        { id: "utilization" as const, label: "U", weight: 100, traits: ["mauOverSeats" as const] },
      ],
      traits: {
        mauOverSeats: {
          kind: "numeric" as const,
          healthy: { op: ">=" as const, value: 1 },
          poor: { op: "<=" as const, value: 0 },
          grading: "linear" as const,
        },
      },
    };
    const result = computeHealth({ mauOverSeats: target / 100 }, policy);
    expect(result.score).toBeCloseTo(target, 2);
    expect(result.category).toBe(category);
  });

  it("H-4: each contribution is (renormalised weight / traits with data) × grade, and they add up to the score", () => {
    const inputs: HealthInputs = {
      ...allHealthy,
      taPulse: "concerning",
      buyerAccess: false,
      dauOverMau: 0.22,
    };
    const result = computeHealth(inputs, defaultHealthPolicy);
    const pulse = result.traits.find((t) => t.id === "taPulse")!;
    expect(pulse.contribution).toBe(2.5); // 5% × 50
    const buyer = result.traits.find((t) => t.id === "buyerAccess")!;
    expect(buyer.contribution).toBe(0);
    const champion = result.traits.find((t) => t.id === "activeChampion")!;
    // 25% / 3 × 100 = 8.333…: within a cent, so the rounded parts still add up.
    expect(Math.abs(champion.contribution - 25 / 3)).toBeLessThanOrEqual(0.01);
    expect(sum(result.traits.map((t) => t.contribution))).toBe(result.score);
    expect(sum(result.categories.map((c) => c.contribution))).toBe(result.score);
  });
});

describe("health properties", () => {
  const inputsArb: fc.Arbitrary<HealthInputs> = fc.record(
    {
      taPulse: fc.constantFrom("healthy", "concerning", "poor"),
      versionsBehind: fc.integer({ min: 0, max: 20 }),
      preciseIntelActive: fc.boolean(),
      defectTickets90d: fc.integer({ min: 0, max: 30 }),
      helpTickets90d: fc.integer({ min: 0, max: 40 }),
      activeChampion: fc.boolean(),
      buyerAccess: fc.boolean(),
      daysSinceLastActivity: fc.integer({ min: 0, max: 400 }),
      dauOverMau: fc.double({ min: 0, max: 1, noNaN: true }),
      mauOverSeats: fc.double({ min: 0, max: 3, noNaN: true }),
    },
    { requiredKeys: [] },
  );
  const policyArb = fc.constantFrom(defaultHealthPolicy, seed000HealthPolicy, {
    ...defaultHealthPolicy,
    traits: Object.fromEntries(
      Object.entries(defaultHealthPolicy.traits).map(([id, rule]) => [
        id,
        rule.kind === "numeric" ? { ...rule, grading: "linear" } : rule,
      ]),
    ) as typeof defaultHealthPolicy.traits,
  });

  it("H-3: the score stays within 0–100 (or is null with no data)", () => {
    fc.assert(
      fc.property(inputsArb, policyArb, (inputs, policy) => {
        const { score } = computeHealth(inputs, policy);
        return score === null ? Object.keys(inputs).length === 0 : score >= 0 && score <= 100;
      }),
    );
  });

  it("H-4: contributions always sum to the score", () => {
    fc.assert(
      fc.property(inputsArb, policyArb, (inputs, policy) => {
        const result = computeHealth(inputs, policy);
        if (result.score === null) return true;
        return sum(result.traits.map((t) => t.contribution)) === result.score;
      }),
    );
  });

  it("H-2: a numeric trait moving toward healthy never lowers the score", () => {
    const towardHealthy = {
      versionsBehind: -1,
      defectTickets90d: -1,
      helpTickets90d: -1,
      daysSinceLastActivity: -1,
      dauOverMau: 1,
      mauOverSeats: 1,
    } as const;
    fc.assert(
      fc.property(
        inputsArb,
        policyArb,
        fc.constantFrom(...(Object.keys(towardHealthy) as Array<keyof typeof towardHealthy>)),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (inputs, policy, trait, step) => {
          const before = inputs[trait];
          if (before === undefined || before === null) return true;
          const after = Math.max(0, before + towardHealthy[trait] * step);
          const a = computeHealth(inputs, policy).score!;
          const b = computeHealth({ ...inputs, [trait]: after }, policy).score!;
          return b >= a;
        },
      ),
    );
  });
});

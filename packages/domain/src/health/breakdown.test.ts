import { describe, expect, it } from "vitest";
import { explainHealth, showBreakdown, storeBreakdown, traitChanges } from "./breakdown.ts";
import { computeHealth } from "./engine.ts";
import {
  defaultHealthPolicy,
  healthPolicyDocumentSchema,
  healthPolicyDraftSchema,
  seed000HealthPolicy,
  traitLabels,
} from "./policy.ts";

describe("H-4 / X-1 explained breakdown", () => {
  const result = computeHealth(
    { taPulse: "concerning", dauOverMau: 0.25, mauOverSeats: 0.9, daysSinceLastActivity: 40 },
    defaultHealthPolicy,
  );

  it("H-4: labels every trait, keeps contributions adding up to the score, notes evidence and staleness", () => {
    const explained = explainHealth(result, {
      taPulse: { stale: true, setAt: "2026-08-01T00:00:00.000Z", evidence: "set on 2026-08-01" },
      dauOverMau: { evidence: "avg DAU 25 / MAU 100" },
      versionsBehind: { evidence: "should not show: missing" },
    });
    const total = explained.breakdown.traits.reduce((sum, t) => sum + t.contribution, 0);
    expect(Math.round(total * 100) / 100).toBe(explained.score);
    const pulse = explained.breakdown.traits.find((t) => t.id === "taPulse")!;
    expect(pulse).toMatchObject({
      label: traitLabels.taPulse,
      stale: true,
      setAt: "2026-08-01T00:00:00.000Z",
    });
    const behind = explained.breakdown.traits.find((t) => t.id === "versionsBehind")!;
    expect(behind).toMatchObject({ missing: true, evidence: null, stale: false });
  });

  it("X-1: a score change names the traits that moved it, biggest first", () => {
    const before = storeBreakdown(result);
    const after = storeBreakdown(
      computeHealth(
        { taPulse: "healthy", dauOverMau: 0.25, mauOverSeats: 0.4, daysSinceLastActivity: 40 },
        defaultHealthPolicy,
      ),
    );
    const changes = traitChanges(before, after);
    expect(changes.map((c) => c.id)).toEqual(["mauOverSeats", "taPulse"]);
    expect(changes[0]).toMatchObject({ from: 0.9, to: 0.4 });
    expect(changes[0]!.delta).toBeLessThan(0);
    expect(traitChanges(before, before)).toEqual([]);
  });

  it("H-4: the stored (compact) breakdown shows the same as the explained one", () => {
    const notes = {
      taPulse: { stale: true, setAt: "2026-08-01T00:00:00.000Z", evidence: "set on 2026-08-01" },
    };
    const stored = JSON.parse(JSON.stringify(storeBreakdown(result, notes)));
    expect(showBreakdown(stored, notes)).toEqual(explainHealth(result, notes).breakdown);
  });
});

describe("X-2 / X-8 policy documents", () => {
  it("X-2: a draft is a policy without version or effective date, checked the same way", () => {
    const { version: _v, effectiveFrom: _e, ...draft } = defaultHealthPolicy;
    expect(healthPolicyDraftSchema.safeParse(draft).success).toBe(true);
    const bad = healthPolicyDraftSchema.safeParse({ ...draft, bands: { green: 40, yellow: 60 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["bands", "yellow"]);
  });

  it("X-8: a policy exports as a versioned document that parses back to the same policy", () => {
    const document = { kind: "keel.health-policy", schemaVersion: 1, policy: seed000HealthPolicy };
    expect(healthPolicyDocumentSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
    expect(healthPolicyDocumentSchema.safeParse({ ...document, schemaVersion: 2 }).success).toBe(false);
  });
});

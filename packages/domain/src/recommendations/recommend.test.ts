import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainHealth } from "../health/breakdown.ts";
import { computeHealth } from "../health/engine.ts";
import { defaultHealthPolicy } from "../health/policy.ts";
import { accountState } from "../playbooks/fixtures.test-helpers.ts";
import { recommend, recommendationRules } from "./recommend.ts";

const today = "2026-06-01";
const ids = (s: ReturnType<typeof accountState>, day = today) => recommend(s, day).map((r) => r.ruleId);
const traits = accountState().traits;

describe('§10 "What should I be doing?"', () => {
  it("§10: a healthy, recently contacted account mid-term has nothing to do", () => {
    expect(ids(accountState({ lastActivityDate: "2026-05-25" }))).toEqual([]);
  });

  it("§10 W-1: signing now → hand-off and onboarding projects, 80% MAU/seats within 45 days", () => {
    const [r] = recommend(accountState({ lifecycleStage: "prospect" }), "2026-02-15");
    expect(r).toMatchObject({
      ruleId: "W-1",
      relatedRuleIds: ["A-3", "A-4", "L-2"],
      link: { section: "projects" },
    });
    expect(r?.reason).toBe("closes on 2026-03-01, in 14 days");
    expect(r?.action).toContain("80% MAU/seats within 45 days");
  });

  it("§10 W-2 (O-4): MAU/seats < 80% → low-utilization project, with the value", () => {
    const [r] = recommend(accountState({ traits: { ...traits, mauOverSeats: 0.62 } }), today);
    expect(r).toMatchObject({ ruleId: "W-2", reason: "MAU/seats 62% < 80%", link: { accountId: "acc-1" } });
  });

  it("§10 W-3 / W-4 (R-3, R-2): renewing within 180 days → review when red/yellow, health assessment always", () => {
    const renewing = accountState({ renewalDate: "2026-11-28" });
    expect(ids(renewing)).toEqual(["W-4"]);
    expect(recommend(renewing, today)[0]?.reason).toContain("in 180 days");
    expect(ids(renewing, "2026-05-31")).toEqual([]);
    expect(ids({ ...renewing, healthCategory: "yellow" })).toEqual(["W-3", "W-4", "W-5"]);
  });

  it("§10 W-5 (H-4): red/yellow health names the traits that cause it, worst first", () => {
    const result = computeHealth(
      {
        taPulse: "healthy",
        versionsBehind: 5,
        dauOverMau: 0.25,
        mauOverSeats: 0.9,
        activeChampion: true,
        buyerAccess: true,
      },
      defaultHealthPolicy,
    );
    const s = accountState({
      healthCategory: "red",
      healthBreakdown: explainHealth(result).breakdown,
      lastActivityDate: "2026-05-30",
    });
    const r = recommend(s, today).find((x) => x.ruleId === "W-5");
    expect(r?.reason).toMatch(
      /^health is red; traits below healthy: Versions behind \(last month\) 5 \(grade 0\), Usage score/,
    );
    expect(r?.link.section).toBe("health");
  });

  it("§10 W-6…W-11: pulse, versions, champion, buyer, contact, usage score — each with its data", () => {
    const s = accountState({
      lastActivityDate: "2026-04-20",
      traits: {
        ...traits,
        taPulse: "poor",
        versionsBehind: 3,
        activeChampion: false,
        buyerAccess: false,
        dauOverMau: 0.12,
      },
    });
    const recs = recommend(s, today);
    expect(recs.map((r) => r.ruleId)).toEqual(["W-6", "W-7", "W-8", "W-9", "W-10", "W-11"]);
    expect(recs.map((r) => r.reason)).toEqual([
      "TA pulse is poor",
      "3 versions behind (≥ 2)",
      "no active champion",
      "no access to an active economic buyer",
      "not contacted in 42 days (last activity 2026-04-20)",
      "usage score (DAU/MAU) 12% < 20%",
    ]);
    expect(recs[2]?.action).toContain("Mark the account as a red account");
    expect(recommend({ ...s, redAccount: true }, today)[2]?.action).not.toContain("Mark the account");
  });

  it("§10 / X-1: property — every recommendation names a known rule, a reason and a link to the account", () => {
    const ratio = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        ratio,
        ratio,
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fc.integer({ min: 0, max: 700 }),
        (dau, mau, behind, n) => {
          const day = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const s = accountState({
            healthCategory: "yellow",
            traits: { ...traits, dauOverMau: dau, mauOverSeats: mau, versionsBehind: behind },
          });
          for (const r of recommend(s, day)) {
            expect(Object.keys(recommendationRules)).toContain(r.ruleId);
            expect(r.reason.length).toBeGreaterThan(0);
            expect(r.link.accountId).toBe("acc-1");
          }
        },
      ),
    );
  });
});

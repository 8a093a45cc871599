import { describe, expect, it } from "vitest";
import {
  checkCriterion,
  criteriaProgress,
  describeCriterion,
  measureIds,
  savePlanInputSchema,
  successCriterionSchema,
} from "./criteria.ts";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join("."));

const mau = (threshold: number) =>
  successCriterionSchema.parse({ kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold });

describe("success criteria", () => {
  it("LH-2: a criterion bound to MAU per seat checks itself, with its reason in words", () => {
    const criterion = mau(0.6);
    expect(describeCriterion(criterion)).toBe("Monthly active users per seat at least 0.6");
    expect(checkCriterion(criterion, { mauOverSeats: 0.64 })).toEqual({
      status: "met",
      value: "0.64",
      reason: "Monthly active users per seat is 0.64; at least 0.6 is needed: met.",
    });
    expect(checkCriterion(criterion, { mauOverSeats: 0.42 })).toMatchObject({
      status: "unmet",
      value: "0.42",
    });
    // Exactly the threshold meets it.
    expect(checkCriterion(criterion, { mauOverSeats: 0.6 }).status).toBe("met");
    // No usage yet: neither met nor failed, and the page says what it waits for.
    expect(checkCriterion(criterion, {})).toEqual({
      status: "unknown",
      value: null,
      reason: "No figure for monthly active users per seat yet.",
    });
  });

  it("LH-2: at-most thresholds, health categories and yes/no measures", () => {
    const tickets = successCriterionSchema.parse({
      kind: "bound",
      measure: "defectTickets90d",
      comparison: "atMost",
      threshold: 3,
    });
    expect(checkCriterion(tickets, { defectTickets90d: 3 }).status).toBe("met");
    expect(checkCriterion(tickets, { defectTickets90d: 4 }).status).toBe("unmet");
    const health = successCriterionSchema.parse({
      kind: "bound",
      measure: "healthCategory",
      comparison: "atLeast",
      category: "yellow",
    });
    expect(describeCriterion(health)).toBe("Health yellow or better");
    expect(checkCriterion(health, { healthCategory: "green" }).status).toBe("met");
    expect(checkCriterion(health, { healthCategory: "yellow" }).status).toBe("met");
    expect(checkCriterion(health, { healthCategory: "red" }).status).toBe("unmet");
    expect(checkCriterion(health, { healthCategory: "unknown" }).status).toBe("unknown");
    const champion = successCriterionSchema.parse({
      kind: "bound",
      measure: "activeChampion",
      comparison: "is",
      value: true,
    });
    expect(describeCriterion(champion)).toBe("The account has an active champion");
    expect(checkCriterion(champion, { activeChampion: true }).status).toBe("met");
    expect(checkCriterion(champion, { activeChampion: false })).toMatchObject({
      status: "unmet",
      reason: "The account has no active champion; it should be that it has an active champion.",
    });
    expect(checkCriterion(champion, { activeChampion: null }).status).toBe("unknown");
  });

  it("LH-2: a manual criterion is met once someone records evidence and a date", () => {
    const manual = successCriterionSchema.parse({
      kind: "manual",
      description: "VP signs off the rollout plan",
    });
    expect(checkCriterion(manual, {}).status).toBe("unmet");
    expect(checkCriterion(manual, {}, { evidence: "Signed in the QBR", metOn: "2026-11-20" })).toEqual({
      status: "met",
      value: null,
      reason: "Marked met on 2026-11-20: Signed in the QBR",
    });
  });

  it("LH-2: an unknown measure or an impossible threshold is refused at its path", () => {
    expect(
      issuesOf(
        successCriterionSchema.safeParse({
          kind: "bound",
          measure: "nps",
          comparison: "atLeast",
          threshold: 1,
        }),
      ),
    ).toEqual(["measure"]);
    const impossible = successCriterionSchema.safeParse({
      kind: "bound",
      measure: "dauOverMau",
      comparison: "atLeast",
      threshold: 1.5,
    });
    expect(issuesOf(impossible)).toEqual(["threshold"]);
    expect(impossible.error?.issues[0]?.message).toMatch(/runs from 0 to 1: 1.5 can never be reached/);
    expect(
      issuesOf(
        successCriterionSchema.safeParse({
          kind: "bound",
          measure: "mauOverSeats",
          comparison: "atMost",
          threshold: -1,
        }),
      ),
    ).toEqual(["threshold"]);
    expect(
      issuesOf(
        successCriterionSchema.safeParse({
          kind: "bound",
          measure: "helpTickets90d",
          comparison: "atMost",
          threshold: 2.5,
        }),
      ),
    ).toEqual(["threshold"]);
    expect(
      issuesOf(
        successCriterionSchema.safeParse({
          kind: "bound",
          measure: "healthCategory",
          comparison: "atLeast",
          category: "red",
        }),
      ),
    ).toEqual(["category"]);
    expect(issuesOf(successCriterionSchema.safeParse({ kind: "manual", description: "   " }))).toEqual([
      "description",
    ]);
    expect(measureIds).toContain("mauOverSeats");
  });

  it("LH-2: a save plan states a problem, a goal and at least one criterion, each with its steps", () => {
    const plan = {
      problem: "Usage fell by half after the reorg.",
      goal: "Back to healthy usage before the renewal.",
      criteria: [
        {
          criterion: { kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold: 0.6 },
          steps: [{ title: "Team-by-team enablement", ownerId: "ta-1", dueOn: "2026-12-15" }],
        },
        { criterion: { kind: "manual", description: "New champion named" }, steps: [] },
      ],
    };
    expect(savePlanInputSchema.safeParse(plan).success).toBe(true);
    expect(issuesOf(savePlanInputSchema.safeParse({ ...plan, criteria: [] }))).toEqual(["criteria"]);
    expect(
      issuesOf(
        savePlanInputSchema.safeParse({
          ...plan,
          criteria: [{ ...plan.criteria[0], steps: [{ title: "x", ownerId: "ta-1", dueOn: "2026-13-01" }] }],
        }),
      ),
    ).toEqual(["criteria.0.steps.0.dueOn"]);
  });

  it("LH-5: criteria met n/m; the goals are reached only when every one of at least one is met", () => {
    expect(criteriaProgress(["met", "unmet", "unknown"])).toEqual({ met: 1, total: 3, allMet: false });
    expect(criteriaProgress(["met", "met"])).toEqual({ met: 2, total: 2, allMet: true });
    expect(criteriaProgress([])).toEqual({ met: 0, total: 0, allMet: false });
  });
});

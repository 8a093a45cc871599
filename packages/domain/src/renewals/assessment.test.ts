import { describe, expect, it } from "vitest";
import { approvalStatus, routeOfRating, savePlanState } from "./assessment.ts";
import { renewalPolicy } from "./policy.ts";

describe("health assessment routing", () => {
  it("R-2: red goes to Lighthouse, yellow needs a save plan, green is monitored", () => {
    expect(routeOfRating("red")).toMatchObject({ phase: "lighthouse", needs: "lighthouse_enrolment" });
    expect(routeOfRating("yellow")).toMatchObject({ phase: "save_plan", needs: "save_plan_document" });
    expect(routeOfRating("green")).toMatchObject({ phase: "monitor", needs: null });
    expect(routeOfRating("red").sentence).toMatch(/Lighthouse/);
  });
});

describe("health assessment approval", () => {
  it("R-2: the rating stands only when TS and Sales leadership have both approved", () => {
    expect(approvalStatus({ approvals: [] })).toEqual({
      ts: false,
      sales: false,
      complete: false,
      missing: ["ts", "sales"],
    });
    expect(approvalStatus({ approvals: [{ side: "sales" }] })).toEqual({
      ts: false,
      sales: true,
      complete: false,
      missing: ["ts"],
    });
    expect(approvalStatus({ approvals: [{ side: "sales" }, { side: "ts" }] })).toMatchObject({
      complete: true,
      missing: [],
    });
  });

  it("R-2: two approvals from the same side are still one side", () => {
    expect(approvalStatus({ approvals: [{ side: "ts" }, { side: "ts" }] })).toMatchObject({
      complete: false,
      missing: ["sales"],
    });
  });
});

describe("save plan state", () => {
  const today = "2026-03-10";
  const state = (rating: "green" | "yellow" | "red" | null, updatedAt: string | null) =>
    savePlanState({
      rating,
      savePlanDocument: updatedAt === null ? null : { updatedAt },
      today,
      policy: renewalPolicy,
    });

  it("R-2: only a yellow rating needs a save plan", () => {
    expect(state("green", null)).toBe("not_needed");
    expect(state("red", null)).toBe("not_needed");
    expect(state(null, null)).toBe("not_needed");
    expect(state("yellow", null)).toBe("missing");
  });

  it("X-6: a yellow save plan updated 7 days ago is current, 8 days ago stale", () => {
    expect(state("yellow", "2026-03-10")).toBe("current");
    expect(state("yellow", "2026-03-03")).toBe("current");
    expect(state("yellow", "2026-03-02")).toBe("stale");
    expect(state("yellow", "2026-03-02T23:59:00Z")).toBe("stale");
  });

  it("X-6: the staleness follows the policy", () => {
    expect(
      savePlanState({
        rating: "yellow",
        savePlanDocument: { updatedAt: "2026-03-05" },
        today,
        policy: { ...renewalPolicy, savePlanStaleDays: 3 },
      }),
    ).toBe("stale");
  });
});

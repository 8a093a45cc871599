import { describe, expect, it } from "vitest";
import {
  closedLostCategories,
  closedLostCategoryLabels,
  countOf,
  dollarsOfCents,
  isChurn,
  RENEWAL_TEXT_MAX,
  renewalAssessmentInputSchema,
  renewalForecastInputSchema,
  renewalOutcomeDirections,
  renewalOutcomeInputSchema,
  renewalOutcomeLabels,
  renewalOutcomes,
  renewalPhaseDescriptions,
  renewalPhaseLabels,
  renewalPhases,
  renewalPlanInputSchema,
  renewalRatingLabels,
  renewalRatings,
} from "./renewal.ts";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join("."));

describe("renewal vocabulary", () => {
  it("R-4: names the four outcomes in the handbook's words", () => {
    expect(renewalOutcomes.map((o) => renewalOutcomeLabels[o])).toEqual([
      "Full churn",
      "Partial churn",
      "Flat renewal",
      "Incremental",
    ]);
  });

  it("R-5: full and partial churn are negative, flat neutral, incremental positive", () => {
    expect(renewalOutcomeDirections).toEqual({
      full_churn: "negative",
      partial_churn: "negative",
      flat: "neutral",
      incremental: "positive",
    });
    expect(renewalOutcomes.filter(isChurn)).toEqual(["full_churn", "partial_churn"]);
  });

  it("R-2: rates green, yellow or red", () => {
    expect(renewalRatings.map((r) => renewalRatingLabels[r])).toEqual(["Green", "Yellow", "Red"]);
  });

  it("R-1: every phase has a label and a one-sentence description", () => {
    expect(renewalPhases.map((p) => renewalPhaseLabels[p])).toEqual([
      "Not started",
      "Health assessment",
      "Lighthouse",
      "Save plan",
      "Monitor",
      "Renewal plan",
      "Renewal forecast",
      "Processed",
    ]);
    for (const phase of renewalPhases) {
      expect(renewalPhaseDescriptions[phase]).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  it("R-7: every closed-lost category has a label", () => {
    expect(closedLostCategories).toContain("competitor");
    for (const category of closedLostCategories) expect(closedLostCategoryLabels[category]).not.toBe("");
  });

  it("writes dollars the same way on every machine", () => {
    expect(dollarsOfCents(15_000_001)).toBe("$150,000.01");
    expect(dollarsOfCents(0)).toBe("$0.00");
    expect(dollarsOfCents(-1_234_567_805)).toBe("-$12,345,678.05");
    expect(countOf(1, "day")).toBe("1 day");
    expect(countOf(-3, "day")).toBe("-3 days");
  });
});

describe("renewal input schemas", () => {
  it("R-2: an assessment is a rating and a trimmed summary of at most 5000 characters", () => {
    expect(renewalAssessmentInputSchema.parse({ rating: "yellow", summary: "  champion left  " })).toEqual({
      rating: "yellow",
      summary: "champion left",
    });
    expect(
      renewalAssessmentInputSchema.safeParse({ rating: "yellow", summary: "x".repeat(RENEWAL_TEXT_MAX) })
        .success,
    ).toBe(true);
    const tooLong = renewalAssessmentInputSchema.safeParse({
      rating: "yellow",
      summary: "x".repeat(RENEWAL_TEXT_MAX + 1),
    });
    expect(issuesOf(tooLong)).toEqual(["summary"]);
    expect(issuesOf(renewalAssessmentInputSchema.safeParse({ rating: "amber", summary: "   " }))).toEqual([
      "rating",
      "summary",
    ]);
    expect(
      issuesOf(renewalAssessmentInputSchema.safeParse({ rating: "red", summary: "s", by: "me" })),
    ).toEqual([""]);
  });

  it("R-4: a plan projects an outcome and ARR; a full churn projects no ARR", () => {
    expect(
      renewalPlanInputSchema.safeParse({ projectedOutcome: "flat", expectedArrCents: 10_000_000 }).success,
    ).toBe(true);
    expect(
      issuesOf(renewalPlanInputSchema.safeParse({ projectedOutcome: "full_churn", expectedArrCents: 100 })),
    ).toEqual(["expectedArrCents"]);
  });

  it("R-5: a forecast's ARR is whole cents from 0 to 1e13 and its seats a count", () => {
    const forecast = {
      outcome: "partial_churn",
      expectedArrCents: 5_000_000,
      expectedSeats: 80,
      note: " cut ",
    };
    expect(renewalForecastInputSchema.parse(forecast).note).toBe("cut");
    expect(renewalForecastInputSchema.safeParse({ ...forecast, expectedArrCents: 1e13 }).success).toBe(true);
    for (const [field, value] of [
      ["expectedArrCents", 1e13 + 1],
      ["expectedArrCents", -1],
      ["expectedArrCents", 10.5],
      ["expectedSeats", -1],
      ["expectedSeats", 2 ** 31],
    ] as const) {
      expect(issuesOf(renewalForecastInputSchema.safeParse({ ...forecast, [field]: value }))).toEqual([
        field,
      ]);
    }
  });

  it("R-6/R-7: an outcome carries a closed-lost category and reason only when it is a churn", () => {
    const churn = {
      outcome: "partial_churn",
      arrAfterCents: 1_000_000,
      seatsAfter: 40,
      closedLostCategory: "budget",
      churnReason: "Budget cut in the platform team",
    };
    expect(renewalOutcomeInputSchema.safeParse(churn).success).toBe(true);
    expect(issuesOf(renewalOutcomeInputSchema.safeParse({ ...churn, outcome: "flat" }))).toEqual([
      "closedLostCategory",
      "churnReason",
    ]);
    expect(issuesOf(renewalOutcomeInputSchema.safeParse({ ...churn, outcome: "full_churn" }))).toEqual([
      "arrAfterCents",
    ]);
    expect(
      issuesOf(renewalOutcomeInputSchema.safeParse({ ...churn, closedLostCategory: "weather" })),
    ).toEqual(["closedLostCategory"]);
  });
});

import { describe, expect, it } from "vitest";
import { weeksBefore } from "./accuracy.ts";
import {
  type ForecastRollUpRenewal,
  isoWeekOf,
  isoWeekSchema,
  mondayOfIsoWeek,
  quarterOf,
  rollUpForecast,
  type WeeklyForecastEntry,
  weeklyForecastSeries,
} from "./forecast.ts";
import { renewalPolicy } from "./policy.ts";

describe("ISO weeks", () => {
  it("R-5: names the ISO-8601 week of a day", () => {
    expect(isoWeekOf("2026-11-23")).toBe("2026-W48");
    expect(isoWeekOf("2026-11-29")).toBe("2026-W48");
    expect(isoWeekOf("2026-11-30")).toBe("2026-W49");
    expect(isoWeekOf("2026-11-23T23:30:00Z")).toBe("2026-W48");
  });

  it("R-5: 2026-12-31 and 2027-01-01 are both in 2026-W53; 2027 starts on 4 January", () => {
    expect(isoWeekOf("2026-12-28")).toBe("2026-W53");
    expect(isoWeekOf("2026-12-31")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-03")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-04")).toBe("2027-W01");
  });

  it("R-5: a late-December Monday can open the next year's week 1", () => {
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOf("2025-12-29")).toBe("2026-W01");
    expect(isoWeekOf("2025-12-28")).toBe("2025-W52");
  });

  it("R-5: a leap day is in its week like any other", () => {
    expect(isoWeekOf("2028-02-29")).toBe("2028-W09");
  });

  it("R-5: reads a week back to its Monday and refuses weeks that do not exist", () => {
    expect(mondayOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(mondayOfIsoWeek("2025-W01")).toBe("2024-12-30");
    expect(mondayOfIsoWeek("2027-W01")).toBe("2027-01-04");
    expect(() => mondayOfIsoWeek("2027-W53")).toThrow(RangeError);
    expect(() => mondayOfIsoWeek("2027-W00")).toThrow(RangeError);
    expect(isoWeekSchema.safeParse("2026-W53").success).toBe(true);
    expect(isoWeekSchema.safeParse("2027-W53").success).toBe(false);
    expect(isoWeekSchema.safeParse("2027-1").success).toBe(false);
  });

  it("R-5: counts whole weeks before the due date, negative after it", () => {
    expect(weeksBefore("2026-12-31", "2026-12-31")).toBe(0);
    expect(weeksBefore("2026-12-31", "2026-12-25")).toBe(0);
    expect(weeksBefore("2026-12-31", "2026-12-24")).toBe(1);
    expect(weeksBefore("2026-12-31", "2026-10-01")).toBe(13);
    expect(weeksBefore("2026-12-31", "2027-01-01")).toBe(-1);
  });
});

describe("weekly forecast series", () => {
  const entry = (week: string, enteredAt: string, expectedArrCents: number): WeeklyForecastEntry => ({
    week,
    enteredAt,
    outcome: expectedArrCents < 10_000_000 ? "partial_churn" : "flat",
    expectedArrCents,
    expectedSeats: 100,
  });

  it("R-5: one row per week with the latest forecast of the week, others carried forward", () => {
    const entries = [
      entry("2026-W52", "2026-12-21T09:00:00Z", 10_000_000),
      entry("2026-W52", "2026-12-23T09:00:00Z", 9_000_000),
      entry("2026-W52", "2026-12-22T09:00:00Z", 9_500_000),
      entry("2027-W02", "2027-01-12T09:00:00Z", 8_000_000),
    ];
    const rows = weeklyForecastSeries(entries, "2026-W51", "2027-W02");
    expect(
      rows.map((r) => [r.week, r.forecast?.expectedArrCents ?? null, r.carried, r.arrChangeCents]),
    ).toEqual([
      ["2026-W51", null, false, null],
      ["2026-W52", 9_000_000, false, null],
      ["2026-W53", 9_000_000, true, 0],
      ["2027-W01", 9_000_000, true, 0],
      ["2027-W02", 8_000_000, false, -1_000_000],
    ]);
  });

  it("R-5: a forecast from before the range carries into it and is the base of the first change", () => {
    const entries = [
      entry("2026-W40", "2026-10-01", 12_000_000),
      entry("2026-W45", "2026-11-05", 11_000_000),
    ];
    const rows = weeklyForecastSeries(entries, "2026-W44", "2026-W45");
    expect(rows).toEqual([
      { week: "2026-W44", forecast: entries[0], carried: true, arrChangeCents: 0 },
      { week: "2026-W45", forecast: entries[1], carried: false, arrChangeCents: -1_000_000 },
    ]);
  });

  it("R-5: two forecasts at the same instant: the one appended last stands", () => {
    const entries = [
      entry("2026-W45", "2026-11-05T10:00:00Z", 1),
      entry("2026-W45", "2026-11-05T11:00:00+01:00", 2),
    ];
    expect(weeklyForecastSeries(entries, "2026-W45", "2026-W45")[0]?.forecast?.expectedArrCents).toBe(2);
  });

  it("R-5: an empty range is empty", () => {
    expect(weeklyForecastSeries([], "2026-W45", "2026-W44")).toEqual([]);
  });
});

describe("fiscal quarters", () => {
  it("R-5: calendar quarters when the fiscal year starts in January", () => {
    expect(quarterOf("2027-01-01", renewalPolicy)).toBe("2027-Q1");
    expect(quarterOf("2026-12-31", renewalPolicy)).toBe("2026-Q4");
    expect(quarterOf("2028-02-29", renewalPolicy)).toBe("2028-Q1");
    expect(quarterOf("2026-07-01", renewalPolicy)).toBe("2026-Q3");
  });

  it("R-5: a fiscal year starting in February is named by the year it ends in", () => {
    const february = { ...renewalPolicy, fiscalYearStartMonth: 2 };
    expect(quarterOf("2026-01-31", february)).toBe("2026-Q4");
    expect(quarterOf("2026-02-01", february)).toBe("2027-Q1");
    expect(quarterOf("2026-04-30", february)).toBe("2027-Q1");
    expect(quarterOf("2026-05-01", february)).toBe("2027-Q2");
    expect(quarterOf("2026-12-31", february)).toBe("2027-Q4");
  });
});

describe("quarterly forecast roll-up", () => {
  const renewal = (changes: Partial<ForecastRollUpRenewal>): ForecastRollUpRenewal => ({
    dueDate: "2027-02-15",
    arrAtStakeCents: 10_000_000,
    latest: null,
    processed: null,
    ...changes,
  });

  it("R-5: sums expected ARR by quarter and outcome, with GRR and NRR", () => {
    const quarters = rollUpForecast(
      [
        renewal({ latest: { outcome: "flat", expectedArrCents: 10_000_000 } }),
        renewal({ dueDate: "2027-03-31", latest: { outcome: "partial_churn", expectedArrCents: 6_000_000 } }),
        renewal({ dueDate: "2027-01-01", latest: { outcome: "incremental", expectedArrCents: 14_000_000 } }),
        // Processed: the actual counts, not the last forecast.
        renewal({
          latest: { outcome: "flat", expectedArrCents: 10_000_000 },
          processed: { outcome: "full_churn", arrAfterCents: 0 },
        }),
        renewal({ arrAtStakeCents: 5_000_000 }),
        renewal({ dueDate: "2026-12-31", latest: { outcome: "flat", expectedArrCents: 10_000_000 } }),
      ],
      renewalPolicy,
    );
    expect(quarters.map((q) => q.quarter)).toEqual(["2026-Q4", "2027-Q1"]);
    const q1 = quarters[1];
    expect(q1?.byOutcome).toEqual({
      full_churn: { count: 1, arrAtStakeCents: 10_000_000, expectedArrCents: 0 },
      partial_churn: { count: 1, arrAtStakeCents: 10_000_000, expectedArrCents: 6_000_000 },
      flat: { count: 1, arrAtStakeCents: 10_000_000, expectedArrCents: 10_000_000 },
      incremental: { count: 1, arrAtStakeCents: 10_000_000, expectedArrCents: 14_000_000 },
      unforecast: { count: 1, arrAtStakeCents: 5_000_000, expectedArrCents: 5_000_000 },
    });
    expect(q1?.total).toEqual({ count: 5, arrAtStakeCents: 45_000_000, expectedArrCents: 35_000_000 });
    expect(q1?.processedCount).toBe(1);
    // GRR: (0 + 6 + 10 + 10 + 5) / 45; NRR: 35 / 45.
    expect(q1?.grr).toBeCloseTo(31 / 45, 10);
    expect(q1?.nrr).toBeCloseTo(35 / 45, 10);
    expect(quarters[0]).toMatchObject({ grr: 1, nrr: 1, total: { count: 1 } });
  });

  it("R-5: quarters follow the fiscal year of the policy", () => {
    const quarters = rollUpForecast(
      [renewal({ dueDate: "2027-01-31" }), renewal({ dueDate: "2027-02-01" })],
      {
        ...renewalPolicy,
        fiscalYearStartMonth: 2,
      },
    );
    expect(quarters.map((q) => q.quarter)).toEqual(["2027-Q4", "2028-Q1"]);
  });

  it("R-5: a quarter with nothing at stake has no retention; no renewals, no quarters", () => {
    expect(rollUpForecast([renewal({ arrAtStakeCents: 0 })], renewalPolicy)[0]).toMatchObject({
      grr: null,
      nrr: null,
    });
    expect(rollUpForecast([], renewalPolicy)).toEqual([]);
  });
});

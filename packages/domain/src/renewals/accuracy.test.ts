import { describe, expect, it } from "vitest";
import {
  type AccuracyRow,
  accuracyReport,
  arrAccuracy,
  biasOf,
  categoryAtWeeksOut,
  type DataForecastHistory,
  dataForecast,
  dataForecastFromSums,
  dataForecastModel,
  directionCorrect,
  outcomeCorrect,
  retention,
  weeksOutBucketOf,
} from "./accuracy.ts";

describe("forecast accuracy of one forecast", () => {
  it("X-5: ARR accuracy is 1 − |forecast − actual| / actual", () => {
    expect(arrAccuracy(9_000_000, 10_000_000)).toBeCloseTo(0.9, 10);
    expect(arrAccuracy(11_000_000, 10_000_000)).toBeCloseTo(0.9, 10);
    expect(arrAccuracy(10_000_000, 10_000_000)).toBe(1);
  });

  it("X-5: a forecast off by more than the actual scores 0, never below", () => {
    expect(arrAccuracy(25_000_000, 10_000_000)).toBe(0);
    expect(arrAccuracy(20_000_000, 10_000_000)).toBe(0);
  });

  it("X-5: with an actual of 0 (full churn) only a forecast of 0 is right", () => {
    expect(arrAccuracy(0, 0)).toBe(1);
    expect(arrAccuracy(1, 0)).toBe(0);
    expect(arrAccuracy(10_000_000, 0)).toBe(0);
  });

  it("X-5: bias is signed, positive when the forecast was optimistic", () => {
    expect(biasOf(12_000_000, 10_000_000)).toEqual({ cents: 2_000_000, relative: 0.2 });
    expect(biasOf(8_000_000, 10_000_000)).toEqual({ cents: -2_000_000, relative: -0.2 });
    expect(biasOf(5_000, 0)).toEqual({ cents: 5_000, relative: null });
  });

  it("X-5/R-5: outcome must match exactly; direction only by negative/neutral/positive", () => {
    expect(outcomeCorrect("partial_churn", "partial_churn")).toBe(true);
    expect(outcomeCorrect("partial_churn", "full_churn")).toBe(false);
    expect(directionCorrect("partial_churn", "full_churn")).toBe(true);
    expect(directionCorrect("flat", "incremental")).toBe(false);
    expect(directionCorrect("flat", "flat")).toBe(true);
  });
});

describe("forecast accuracy report", () => {
  const row = (changes: Partial<AccuracyRow> & Pick<AccuracyRow, "forecast">): AccuracyRow => ({
    renewalId: "r1",
    ae: "ae-ana",
    ta: "ta-tom",
    quarter: "2026-Q4",
    weeksOut: 1,
    actual: { outcome: "partial_churn", arrAfterCents: 10_000_000, arrBeforeCents: 20_000_000 },
    ...changes,
  });
  const rows: AccuracyRow[] = [
    // r1: actual $100k partial churn; forecasts 12, 6 and 1 week out.
    row({ weeksOut: 12, forecast: { outcome: "flat", expectedArrCents: 20_000_000 } }),
    row({ weeksOut: 6, forecast: { outcome: "partial_churn", expectedArrCents: 12_000_000 } }),
    row({ weeksOut: 1, forecast: { outcome: "partial_churn", expectedArrCents: 10_000_000 } }),
    // r2 (another AE): actual full churn, forecast flat 3 weeks out, then right at 0.
    row({
      renewalId: "r2",
      ae: "ae-bo",
      quarter: "2027-Q1",
      weeksOut: 3,
      forecast: { outcome: "flat", expectedArrCents: 5_000_000 },
      actual: { outcome: "full_churn", arrAfterCents: 0, arrBeforeCents: 5_000_000 },
    }),
    row({
      renewalId: "r2",
      ae: "ae-bo",
      quarter: "2027-Q1",
      weeksOut: 0,
      forecast: { outcome: "full_churn", expectedArrCents: 0 },
      actual: { outcome: "full_churn", arrAfterCents: 0, arrBeforeCents: 5_000_000 },
    }),
  ];

  it("X-5: per AE, counts forecasts and renewals and averages accuracy, bias and hits", () => {
    const [ana, bo] = accuracyReport(rows, "ae");
    expect(ana).toMatchObject({
      key: "ae-ana",
      forecastCount: 3,
      renewalCount: 1,
      arrBeforeCents: 20_000_000,
      medianArrAccuracy: 0.8,
      // (+10,000,000 + 2,000,000 + 0) / 3
      meanBiasCents: 4_000_000,
      outcomeHitRate: 2 / 3,
      directionHitRate: 2 / 3,
    });
    // accuracies 0, 0.8, 1
    expect(ana?.meanArrAccuracy).toBeCloseTo(0.6, 10);
    expect(bo).toMatchObject({
      key: "ae-bo",
      forecastCount: 2,
      renewalCount: 1,
      meanArrAccuracy: 0.5,
      medianArrAccuracy: 0.5,
      meanBiasCents: 2_500_000,
      outcomeHitRate: 0.5,
    });
  });

  it("X-5: per TA and per quarter", () => {
    expect(accuracyReport(rows, "ta").map((g) => [g.key, g.forecastCount, g.renewalCount])).toEqual([
      ["ta-tom", 5, 2],
    ]);
    expect(accuracyReport(rows, "quarter").map((g) => g.key)).toEqual(["2026-Q4", "2027-Q1"]);
  });

  it("X-5: per weeks-out band, nearest first", () => {
    expect(accuracyReport(rows, "weeks_out").map((g) => [g.key, g.forecastCount])).toEqual([
      ["0-1", 2],
      ["2-4", 1],
      ["5-8", 1],
      ["9-13", 1],
    ]);
  });

  it("X-5: weeks-out bands 0–1, 2–4, 5–8, 9–13, 14+ (a forecast after the due date is 0–1)", () => {
    expect([-2, 0, 1, 2, 4, 5, 8, 9, 13, 14, 52].map(weeksOutBucketOf)).toEqual([
      "0-1",
      "0-1",
      "0-1",
      "2-4",
      "2-4",
      "5-8",
      "5-8",
      "9-13",
      "9-13",
      "14+",
      "14+",
    ]);
  });

  it("X-5: no rows, no groups", () => {
    expect(accuracyReport([], "ae")).toEqual([]);
  });
});

describe("retention", () => {
  it("GRR caps each renewal at its ARR before; NRR counts expansion", () => {
    const rates = retention([
      { arrBeforeCents: 10_000_000, arrAfterCents: 15_000_000 },
      { arrBeforeCents: 10_000_000, arrAfterCents: 5_000_000 },
    ]);
    expect(rates).toEqual({ grr: 0.75, nrr: 1 });
  });

  it("is null with no ARR before to retain", () => {
    expect(retention([])).toBeNull();
    expect(retention([{ arrBeforeCents: 0, arrAfterCents: 100 }])).toBeNull();
  });
});

describe("data forecast", () => {
  const past = (
    categoryAtWeeksOut: DataForecastHistory["categoryAtWeeksOut"],
    arrBeforeCents: number,
    arrAfterCents: number,
  ): DataForecastHistory => ({ categoryAtWeeksOut, arrBeforeCents, arrAfterCents });
  const history = [
    past({ "5-8": "yellow", "0-1": "green" }, 10_000_000, 8_000_000),
    past({ "5-8": "yellow" }, 30_000_000, 24_000_000),
    past({ "14+": "red", "5-8": "green" }, 10_000_000, 0),
    past({ "5-8": "green" }, 50_000_000, 55_000_000),
  ];

  it("X-5: ARR at stake × retention of renewals in the same category the same weeks out", () => {
    expect(dataForecast({ category: "yellow", weeksOut: 6, arrAtStakeCents: 20_000_000 }, history)).toEqual({
      expectedArrCents: 16_000_000,
      retention: 0.8,
      basis: "2 past renewals yellow 5–8 weeks out kept 80% of their ARR.",
      sampleSize: 2,
    });
  });

  it("X-5: falls back to the same category at any time", () => {
    const forecast = dataForecast({ category: "red", weeksOut: 6, arrAtStakeCents: 20_000_000 }, history);
    expect(forecast).toMatchObject({ expectedArrCents: 0, retention: 0, sampleSize: 1 });
    expect(forecast.basis).toBe(
      "No past renewal was red 5–8 weeks out; 1 red at another time kept 0% of their ARR.",
    );
  });

  it("X-5: then to all history", () => {
    // (8 + 24 + 0 + 55) / (10 + 30 + 10 + 50) = 0.87
    expect(
      dataForecast({ category: "unknown", weeksOut: 20, arrAtStakeCents: 10_000_001 }, history),
    ).toMatchObject({
      expectedArrCents: 8_700_001,
      retention: 0.87,
      sampleSize: 4,
    });
  });

  it("X-5: with no history, the ARR at stake unchanged", () => {
    expect(dataForecast({ category: "green", weeksOut: 2, arrAtStakeCents: 7_500_000 }, [])).toEqual({
      expectedArrCents: 7_500_000,
      retention: 1,
      basis: "No processed renewals to learn from: the ARR at stake, unchanged.",
      sampleSize: 0,
    });
  });
});

describe("X-5: the data forecast model", () => {
  const history = [
    { categoryAtWeeksOut: { "0-1": "green" as const }, arrBeforeCents: 100, arrAfterCents: 110 },
    {
      categoryAtWeeksOut: { "0-1": "green" as const, "2-4": "yellow" as const },
      arrBeforeCents: 200,
      arrAfterCents: 100,
    },
    { categoryAtWeeksOut: { "5-8": "red" as const }, arrBeforeCents: 300, arrAfterCents: 0 },
  ];
  it("answers as dataForecast does, for every category and band", () => {
    const model = dataForecastModel(history);
    for (const category of ["green", "yellow", "red", "unknown"] as const) {
      for (const weeksOut of [0, 3, 6, 10, 20]) {
        const renewal = { category, weeksOut, arrAtStakeCents: 1_000 };
        expect(model.forecast(renewal)).toEqual(dataForecast(renewal, history));
      }
    }
  });
  it("leaves one renewal out as if it were not in the history", () => {
    const model = dataForecastModel(history);
    for (const [i, left] of history.entries()) {
      const others = history.filter((_, j) => j !== i);
      for (const category of ["green", "yellow", "red"] as const) {
        const renewal = { category, weeksOut: 1, arrAtStakeCents: 1_000 };
        expect(model.forecast(renewal, left)).toEqual(dataForecast(renewal, others));
      }
    }
  });
});

describe("X-5: the health category a renewal had at each weeks-out band", () => {
  it("takes the latest entry in a band; entries after the due date count as 0–1 weeks; none without a category", () => {
    expect(
      categoryAtWeeksOut("2026-06-30", [
        { enteredOn: "2026-03-01", category: "green" }, // 17 weeks out
        { enteredOn: "2026-05-20", category: "yellow" }, // 5 weeks
        { enteredOn: "2026-05-26", category: "red" }, // 5 weeks: the later entry stands
        { enteredOn: "2026-06-10", category: null }, // 2 weeks, no category
        { enteredOn: "2026-07-02", category: "green" }, // after the due date
      ]),
    ).toEqual({ "14+": "green", "5-8": "red", "0-1": "green" });
  });

  it("dataForecastFromSums reads as dataForecastModel does over the same history", () => {
    const history = [
      { categoryAtWeeksOut: { "5-8": "yellow" as const }, arrBeforeCents: 100, arrAfterCents: 50 },
      { categoryAtWeeksOut: { "0-1": "yellow" as const }, arrBeforeCents: 300, arrAfterCents: 300 },
    ];
    const renewal = { category: "yellow" as const, weeksOut: 6, arrAtStakeCents: 1_000 };
    expect(
      dataForecastFromSums(renewal, {
        band: { before: 100, after: 50, count: 1 },
        category: { before: 400, after: 350, count: 2 },
        all: { before: 400, after: 350, count: 2 },
      }),
    ).toEqual(dataForecastModel(history).forecast(renewal));
  });
});

import { renewalQueries } from "@keel/client";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInShell } from "../../test/render-app.tsx";
import { forecastCsv } from "./ForecastPage.tsx";

const cell = (count: number, atStake: number, expected: number) => ({
  count,
  arrAtStakeCents: atStake,
  expectedArrCents: expected,
});
const quarter = {
  quarter: "2027-Q1",
  byOutcome: {
    full_churn: cell(1, 20_000_000, 0),
    partial_churn: cell(0, 0, 0),
    flat: cell(2, 30_000_000, 30_000_000),
    incremental: cell(0, 0, 0),
    unforecast: cell(1, 10_000_000, 10_000_000),
  },
  total: cell(4, 60_000_000, 40_000_000),
  processedCount: 1,
  grr: 0.6667,
  nrr: 0.6667,
};

describe("Quarterly forecast (R-5)", () => {
  // ResizeObserver is what recharts' container measures with; jsdom has none.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;

  it("tables expected ARR by quarter and outcome, with GRR and NRR as percentages", () => {
    renderInShell("/renewals/forecast", (queryClient) =>
      queryClient.setQueryData(renewalQueries.forecast().queryKey, {
        today: "2026-12-01",
        quarters: [quarter],
      }),
    );

    const row = screen.getByRole("row", { name: /2027-Q1/ });
    expect(within(row).getAllByText("66.7%")).toHaveLength(2);
    expect(row.textContent).toContain("$400,000");
    expect(screen.getByRole("columnheader", { name: "Not forecast yet (assumed flat)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeTruthy();
  });

  it("exports the same numbers as CSV, in dollars", () => {
    const [header, line] = forecastCsv([quarter]).split("\r\n");
    expect(header).toContain("Quarter,Renewals,Processed,ARR at stake,Full churn: renewals");
    expect(line?.startsWith("2027-Q1,4,1,600000,1,200000,0,")).toBe(true);
    expect(line?.endsWith(",400000,66.7,66.7")).toBe(true);
  });
});

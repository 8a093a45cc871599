import { renewalQueries } from "@keel/client";
import type { QueryClient } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answer, renewalPage, renewalSummary } from "../../test/fixtures.ts";
import { renderInShell } from "../../test/render-app.tsx";
import { pipelineFiltersOf } from "./PipelinePage.tsx";

const acme = renewalSummary("Acme", {
  rating: "yellow",
  approvals: { ts: true, sales: true, complete: true, missing: [] },
  phase: "save_plan",
  latestForecast: {
    week: "2026-W48",
    outcome: "partial_churn",
    expectedArrCents: 9_000_000,
    expectedSeats: 80,
    enteredAt: "2026-11-27T10:00:00Z",
  },
});
const borealis = renewalSummary("Borealis", { overdue: true, daysLeft: -3, healthCategory: "red" });

function seedPipeline(search = "") {
  return (queryClient: QueryClient) => {
    queryClient.setQueryData(
      renewalQueries.list(pipelineFiltersOf(new URLSearchParams(search))).queryKey,
      renewalPage([acme, borealis], { overdue: 1 }),
    );
    queryClient.setQueryData(renewalQueries.forecast().queryKey, {
      today: "2026-12-01",
      quarters: [
        {
          quarter: "2026-Q4",
          byOutcome: {},
          total: { count: 0, arrAtStakeCents: 0, expectedArrCents: 0 },
          processedCount: 0,
          grr: null,
          nrr: null,
        },
        {
          quarter: "2027-Q1",
          byOutcome: {},
          total: { count: 0, arrAtStakeCents: 0, expectedArrCents: 0 },
          processedCount: 0,
          grr: null,
          nrr: null,
        },
      ],
    });
  };
}

const location = () => screen.getByRole("status", { name: "location" }).textContent;

describe("Pipeline (R-1)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists open renewals with their phase, rating, forecast and team, each linked to its detail", () => {
    renderInShell("/renewals", seedPipeline());

    expect(screen.getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["Acme", "Borealis"]);
    const acmeRow = screen.getByRole("row", { name: /Acme/ });
    expect(within(acmeRow).getByText("Save plan")).toBeTruthy();
    // Yellow health and a yellow rating.
    expect(within(acmeRow).getAllByText("Yellow")).toHaveLength(2);
    expect(acmeRow.textContent).toContain("Partial churn, $90,000");
    expect(acmeRow.textContent).toContain("Tess Advisor");
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/renewals/renewal-acme");
    expect(screen.getByRole("row", { name: /Borealis/ }).textContent).toContain("Overdue by 3 days");
  });

  it("shows each phase's count and ARR, and filters by phase through the URL", async () => {
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async () => answer(200, renewalPage([acme], { total: 1 })));
    const { user } = renderInShell("/renewals", seedPipeline());

    const chip = screen.getByRole("button", { name: /Renewal forecast/ });
    expect(chip.textContent).toContain("1");
    expect(chip.textContent).toContain("$50.0K");
    await user.click(chip);

    expect(location()).toBe("/renewals?phase=renewal_forecast");
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(String(fetch.mock.calls[0]?.[0])).toContain("phase=renewal_forecast");
    expect(screen.getByRole("button", { name: /Renewal forecast/ }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });

  it("R-1: shows the page as a board, a column per phase with its count, the view kept in the URL", async () => {
    const { user } = renderInShell("/renewals", seedPipeline());
    await user.click(screen.getByRole("button", { name: "Board" }));
    expect(location()).toBe("/renewals?view=board");
    // The same filters, so the board shows the page the table showed (no new request).
    const board = screen.getByRole("region", { name: "Pipeline board" });
    const assessment = within(board).getByRole("region", { name: "Health assessment" });
    expect(assessment.textContent).toContain("2");
    expect(within(assessment).getByRole("link", { name: "Borealis" })).toBeTruthy();
    expect(screen.queryByRole("table", { name: /Open renewals/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Table" }));
    expect(location()).toBe("/renewals");
  });

  it("puts the rating filter and Mine only in the URL and asks the server for them", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, renewalPage([])));
    const { user } = renderInShell("/renewals", seedPipeline());

    await user.selectOptions(screen.getByLabelText("Rating"), "red");
    expect(location()).toBe("/renewals?rating=red");
    await user.click(screen.getByLabelText("Mine only"));
    expect(location()).toBe("/renewals?rating=red&mine=1");

    await waitFor(() => expect(screen.getByText("No open renewal matches these filters")).toBeTruthy());
    const urls = fetch.mock.calls.map(([url]) => String(url));
    expect(urls.some((url) => url.includes("rating=red") && url.includes("owner=mine"))).toBe(true);
  });

  it("sorts on the server by ARR, from the column header", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, renewalPage([borealis, acme])));
    const { user } = renderInShell("/renewals", seedPipeline());

    await user.click(screen.getByRole("button", { name: /ARR at stake/ }));
    expect(location()).toBe("/renewals?sort=arr&dir=asc");
  });

  it("offers the quarters of the roll-up as a filter", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, renewalPage([])));
    const { user } = renderInShell("/renewals", seedPipeline());
    await user.selectOptions(screen.getByLabelText("Quarter"), "2027-Q1");
    expect(location()).toBe("/renewals?quarter=2027-Q1");
  });

  it("turns the old look-ahead window pages into the pipeline's filter", () => {
    renderInShell("/renewals/by-window/next-90", seedPipeline("within=90"));
    expect(location()).toBe("/renewals?within=90");
    expect((screen.getByLabelText("Renewing within") as HTMLSelectElement).value).toBe("90");
  });
});

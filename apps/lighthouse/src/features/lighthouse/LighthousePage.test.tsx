import { accountQueries } from "@keel/client";
import type { AccountSummary } from "@keel/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { LighthousePage, lighthouseBookFilters } from "./LighthousePage.tsx";

function account(name: string, redAccount: boolean): AccountSummary {
  // Asserted, not annotated: the summary is gaining fields (health) that this screen ignores.
  return {
    id: name.toLowerCase(),
    name,
    segment: "enterprise",
    lifecycleStage: "adopting",
    arrCents: 12_000_000,
    currency: "USD",
    seatsPurchased: 100,
    renewalDate: "2027-03-31",
    daysToRenewal: 120,
    supportLevel: "dedicated",
    redAccount,
    ta: null,
    healthScore: null,
    healthCategory: null,
  } as AccountSummary;
}

/** The book as the API would answer it, placed in the cache: no request is made. */
function renderWithBook(items: AccountSummary[], total = items.length) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(accountQueries.list(lighthouseBookFilters).queryKey, {
    items,
    total,
    page: 1,
    pageSize: 500,
  });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/lighthouse"]}>
        <Routes>
          <Route
            path="/lighthouse"
            element={<LighthousePage basePath="/lighthouse" accountHref={(id) => `/accounts/${id}`} />}
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("LighthousePage", () => {
  it("lists only the accounts flagged red, linked to their account pages", () => {
    renderWithBook([account("Acme", true), account("Borealis", false), account("Cobalt", true)]);

    expect(screen.getByRole("heading", { level: 1, name: "Lighthouse" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/accounts/acme");
    expect(screen.getByRole("link", { name: "Cobalt" })).toBeTruthy();
    expect(screen.queryByText("Borealis")).toBeNull();
    expect(screen.getByRole("link", { name: "Lighthouse view of Cobalt" }).getAttribute("href")).toBe(
      "/lighthouse/accounts/cobalt",
    );
  });

  it("explains an empty program instead of showing an empty table", () => {
    renderWithBook([account("Acme", false), account("Borealis", false)]);

    expect(screen.getByText("No accounts are flagged red")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says when the book was too large to check in full", () => {
    renderWithBook([account("Acme", true)], 700);

    expect(screen.getByRole("status").textContent).toContain("Only the first 1 of 700 accounts");
  });
});

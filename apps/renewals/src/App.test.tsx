import { accountQueries } from "@keel/client";
import type { AccountSummary } from "@keel/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import App from "./App.tsx";

function account(name: string, daysToRenewal: number): AccountSummary {
  return {
    id: name.toLowerCase(),
    name,
    segment: "enterprise",
    lifecycleStage: "renewing",
    arrCents: 10_000_000,
    currency: "USD",
    seatsPurchased: 100,
    renewalDate: "2027-01-15",
    daysToRenewal,
    supportLevel: "dedicated",
    redAccount: false,
    ta: null,
    healthScore: null,
    healthCategory: null,
  };
}

const listFilters = (days: number) =>
  ({ ta: undefined, renewalWithinDays: days, sort: "renewalDate", order: "asc", pageSize: 500 }) as const;

function Location() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

/** The app mounted as the shell mounts it: under /renewals/*, with the book in the cache. */
function renderInShell(path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  const page = (items: AccountSummary[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
  queryClient.setQueryData(
    accountQueries.list(listFilters(180)).queryKey,
    page([account("Acme", 12), account("Borealis", 75)]),
  );
  queryClient.setQueryData(accountQueries.list(listFilters(30)).queryKey, page([account("Acme", 12)]));
  queryClient.setQueryData(
    accountQueries.list(listFilters(90)).queryKey,
    page([account("Acme", 12), account("Borealis", 75)]),
  );
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/renewals/*"
            element={<App basePath="/renewals" accountHref={(id) => `/accounts/${id}`} />}
          />
          <Route path="/accounts/:id" element={<h1>Account page</h1>} />
        </Routes>
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("Renewals routes", () => {
  it("opens a window page from its URL, with its sort and filter from the search params", () => {
    renderInShell("/renewals/by-window/next-90?q=bor");

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Renewing in the next 90 days");
    expect(screen.getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["Borealis"]);
    expect(screen.getByRole("link", { name: "Next 90 days" }).getAttribute("aria-current")).toBe("page");
  });

  it("links between its pages with real hrefs under the mount path", async () => {
    renderInShell("/renewals");

    expect(screen.getByRole("link", { name: "Next 30 days" }).getAttribute("href")).toBe(
      "/renewals/by-window/next-30",
    );
    await userEvent.click(screen.getByRole("link", { name: "Next 30 days" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Renewing in the next 30 days");
    expect(screen.getByRole("link", { name: "Pipeline" }).getAttribute("href")).toBe("/renewals");
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/accounts/acme");

    await userEvent.click(screen.getByRole("link", { name: "Acme" }));
    expect(screen.getByRole("status", { name: "location" }).textContent).toBe("/accounts/acme");
  });

  it("says so for a window it does not offer", () => {
    renderInShell("/renewals/by-window/next-45");
    expect(screen.getByText("Renewals has no page at this address")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to Renewals" }).getAttribute("href")).toBe("/renewals");
  });
});

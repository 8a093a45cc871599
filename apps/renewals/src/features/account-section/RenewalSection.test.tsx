import { accountQueries, renewalQueries } from "@keel/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { renewalPage, renewalSummary } from "../../test/fixtures.ts";
import { accountRenewalFilters, RenewalSection } from "./RenewalSection.tsx";

describe("RenewalSection (the account page's renewal card)", () => {
  it("shows the account's open renewal (asked for by its id), linked to its detail", () => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
    });
    queryClient.setQueryData(accountQueries.detail("account-acme").queryKey, {
      account: { name: "Acme", renewalDate: "2027-02-15" },
    } as never);
    queryClient.setQueryData(
      renewalQueries.list(accountRenewalFilters("account-acme")).queryKey,
      renewalPage([renewalSummary("Acme", { phase: "renewal_plan", rating: "green" })]),
    );
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <RenewalSection accountId="account-acme" />
        </MemoryRouter>
      </QueryClientProvider>,
    );

    expect(screen.getByText("Renewal plan")).toBeTruthy();
    expect(screen.getByText("Green")).toBeTruthy();
    expect(screen.getByText("76 days")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open the renewal" }).getAttribute("href")).toBe(
      "/renewals/renewal-acme",
    );
  });
});

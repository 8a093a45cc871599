import { accountQueries } from "@keel/client";
import type { AccountSummary } from "@keel/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useParams } from "react-router";
import { describe, expect, it } from "vitest";
import { AccountSearch, isSearchShortcut } from "./AccountSearch.tsx";

function account(id: string, name: string): AccountSummary {
  return {
    id,
    name,
    segment: "enterprise",
    lifecycleStage: "adopting",
    arrCents: 1,
    currency: "USD",
    seatsPurchased: 1,
    renewalDate: null,
    daysToRenewal: null,
    supportLevel: "dedicated",
    redAccount: false,
    ta: null,
    healthScore: null,
    healthCategory: null,
  };
}

function AccountHeading() {
  return <h1>Account {useParams().id}</h1>;
}

function renderSearch() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  // What the accounts list answers for "acme": the dialog asks with exactly these filters.
  queryClient.setQueryData(
    accountQueries.list({ q: "acme", sort: "name", order: "asc", pageSize: 8 }).queryKey,
    {
      items: [account("a1", "Acme Robotics"), account("a2", "Acme Shipping")],
      total: 2,
      page: 1,
      pageSize: 8,
    },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/tasks"]}>
        <AccountSearch />
        <Routes>
          <Route path="/tasks" element={<h1>My tasks</h1>} />
          <Route path="/accounts/:id" element={<AccountHeading />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("AccountSearch", () => {
  it("knows Ctrl-K and Cmd-K, and nothing else", () => {
    expect(isSearchShortcut({ key: "k", ctrlKey: true, metaKey: false, altKey: false })).toBe(true);
    expect(isSearchShortcut({ key: "K", ctrlKey: false, metaKey: true, altKey: false })).toBe(true);
    expect(isSearchShortcut({ key: "k", ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
    expect(isSearchShortcut({ key: "k", ctrlKey: true, metaKey: false, altKey: true })).toBe(false);
  });

  it("opens on Ctrl-K, finds accounts by name, and opens the chosen one with the keyboard", async () => {
    renderSearch();
    await userEvent.keyboard("{Control>}k{/Control}");
    const field = screen.getByRole("combobox", { name: "Account name" });
    expect(document.activeElement).toBe(field);

    await userEvent.type(field, "acme");
    expect(await screen.findByRole("option", { name: /Acme Robotics/ })).toBeTruthy();
    expect(screen.getByRole("option", { name: /Acme Robotics/ }).getAttribute("aria-selected")).toBe("true");

    await userEvent.keyboard("{ArrowDown}");
    expect(field.getAttribute("aria-activedescendant")).toBe(
      screen.getByRole("option", { name: /Acme Shipping/ }).id,
    );
    await userEvent.keyboard("{Enter}");

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Account a2");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("closes on Escape and gives focus back to the search button", async () => {
    renderSearch();
    const button = screen.getByRole("button", { name: /Search accounts/ });
    await userEvent.click(button);
    expect(screen.getByRole("dialog", { name: "Find an account" })).toBeTruthy();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});

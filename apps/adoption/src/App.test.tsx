import { accountQueries } from "@keel/client";
import { lifecycleStages } from "@keel/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import App from "./App.tsx";

function Location() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname}</output>;
}

/** The app as the shell mounts it, with empty stage lists in the cache: no request is made. */
function renderInShell(path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  const empty = { items: [], total: 0, page: 1, pageSize: 500 };
  for (const stage of lifecycleStages) {
    queryClient.setQueryData(accountQueries.list({ stage, pageSize: 1 }).queryKey, empty);
    queryClient.setQueryData(
      accountQueries.list({ stage, sort: "name", order: "asc", pageSize: 500 }).queryKey,
      empty,
    );
  }
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/adoption/*"
            element={<App basePath="/adoption" accountHref={(id) => `/accounts/${id}`} />}
          />
        </Routes>
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("Adoption routes", () => {
  it("takes the stage from the path, and picking a stage moves to its path", async () => {
    renderInShell("/adoption/stages/adopting");
    expect(screen.getByRole("table", { name: /Accounts in 2\. Adopting/ })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: /in 3\. Nurturing/ }));
    expect(screen.getByRole("status", { name: "location" }).textContent).toBe("/adoption/stages/nurturing");
    expect(screen.getByRole("table", { name: /Accounts in 3\. Nurturing/ })).toBeTruthy();
  });

  it("says so for a stage that does not exist", () => {
    renderInShell("/adoption/stages/sleeping");
    expect(screen.getByText("Adoption has no page at this address")).toBeTruthy();
  });
});

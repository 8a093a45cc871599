import { accountQueries, contactQueries } from "@keel/client";
import type { Contact, ContactListItem } from "@keel/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import AccountSection from "./AccountSection.tsx";
import App from "./App.tsx";
import { taggingBacklogFilters } from "./features/contacts/ContactTaggingPage.tsx";
import { contactBookFilters } from "./features/contacts/MissingEmailPage.tsx";

function contact(name: string, email: string | null, roles: Contact["roles"] = []): ContactListItem {
  return {
    id: name.toLowerCase(),
    accountId: "acme",
    accountName: "Acme",
    name,
    title: null,
    email,
    roles,
    instanceAdmin: false,
    instanceAdminAgrees: true,
    version: 1,
  };
}

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });

function renderWith(path: string, element: React.ReactNode, fill: (client: QueryClient) => void) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  fill(queryClient);
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/contacts/*" element={element} />
          <Route path="/accounts/:id" element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const app = <App basePath="/contacts" accountHref={(id) => `/accounts/${id}`} />;

describe("Contacts routes", () => {
  it("opens the missing-email list from its URL and links back to the backlog", async () => {
    renderWith("/contacts/missing-email", app, (client) => {
      client.setQueryData(
        contactQueries.list(contactBookFilters(false)).queryKey,
        page([contact("Ada", "ada@acme.test", ["champion"]), contact("Bo", null, ["end-user"])]),
      );
      client.setQueryData(
        contactQueries.list(taggingBacklogFilters(false)).queryKey,
        page([contact("Cy", null)]),
      );
    });

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Contacts without an email");
    expect(screen.getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["Bo"]);
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/accounts/acme");

    const backlog = screen.getByRole("link", { name: "Missing roles" });
    expect(backlog.getAttribute("href")).toBe("/contacts");
    await userEvent.click(backlog);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Contact tagging");
    expect(screen.getByRole("link", { name: "Missing email" }).getAttribute("href")).toBe(
      "/contacts/missing-email",
    );
  });

  it("sums up an account's role coverage (C-4) in its section", () => {
    renderWith("/accounts/acme", <AccountSection accountId="acme" />, (client) => {
      client.setQueryData(
        accountQueries.contacts("acme").queryKey,
        // The section reads only the contacts' roles.
        { items: [contact("Ada", "ada@acme.test", ["champion"]), contact("Bo", null)] } as never,
      );
    });

    expect(screen.getByText("1 of 2 contacts")).toBeTruthy();
    expect(screen.getByText("Economic Buyer, Instance Admin")).toBeTruthy();
  });
});

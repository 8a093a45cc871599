import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PageHeader } from "./PageHeader.tsx";

describe("PageHeader", () => {
  it("gives the page its one h1, its description and its actions", () => {
    render(
      <PageHeader
        title="Health policies"
        description="Drafts are previewed before publishing."
        actions={<button type="button">New draft</button>}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Health policies" })).toBeTruthy();
    expect(screen.getByText("Drafts are previewed before publishing.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "New draft" })).toBeTruthy();
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("links the crumbs above the page and marks the page itself as current", () => {
    render(
      <PageHeader
        title="QBR"
        breadcrumb={[
          { label: "Accounts", href: "/" },
          { label: "Acme", href: "/accounts/acme" },
          { label: "QBR" },
        ]}
      />,
    );
    const nav = screen.getByRole("navigation", { name: "Breadcrumb" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(["/", "/accounts/acme"]);
    expect(within(nav).getByText("QBR").getAttribute("aria-current")).toBe("page");
  });

  it("renders crumbs through the router's link when given one", () => {
    render(
      <PageHeader
        title="Document"
        breadcrumb={[{ label: "Acme", href: "/accounts/acme" }]}
        renderLink={(item, className) => (
          <a className={className} href={item.href} data-router-link="">
            {item.label}
          </a>
        )}
      />,
    );
    expect(screen.getByRole("link", { name: "Acme" }).hasAttribute("data-router-link")).toBe(true);
  });
});

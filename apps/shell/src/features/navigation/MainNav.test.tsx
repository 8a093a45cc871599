import { type Session, SessionContext } from "@keel/app-kit";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { MainNav } from "./MainNav.tsx";

function renderNav(permissions: string[], path = "/") {
  const session = {
    user: { id: "u1", name: "Ada Admin", email: "admin@keel.test", roles: ["admin"] },
    permissions,
  } as unknown as Session;
  render(
    <SessionContext.Provider value={session}>
      <MemoryRouter initialEntries={[path]}>
        <MainNav />
        <p>Page</p>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

const groupButtons = () =>
  screen.getAllByRole("button", { expanded: false }).filter((b) => b.hasAttribute("data-group"));

describe("MainNav", () => {
  it("shows four groups, each a disclosure of real links", async () => {
    renderNav(["report.viewTeam", "policy.editDraft"]);
    expect(groupButtons().map((button) => button.textContent?.replace("▾", ""))).toEqual([
      "My work (current section)",
      "Teams",
      "Insights",
      "Admin",
    ]);
    expect(screen.queryByRole("link", { name: "Renewals" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Teams" }));
    expect(screen.getByRole("button", { name: "Teams" }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("link", { name: "Renewals" }).getAttribute("href")).toBe("/renewals");

    await userEvent.click(screen.getByRole("button", { name: "Admin" }));
    expect(screen.queryByRole("link", { name: "Renewals" })).toBeNull();
    expect(screen.getByRole("link", { name: "Health policy" })).toBeTruthy();
  });

  it("leaves out what the user may not use (SPEC §1)", async () => {
    renderNav([]);
    await userEvent.click(screen.getByRole("button", { name: "Insights" }));
    expect(screen.getByRole("link", { name: "Health changes" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Compliance" })).toBeNull();
  });

  it("closes on Escape, back on its button, and when a link is followed", async () => {
    renderNav([], "/renewals/by-window/next-30");
    const teams = screen.getByRole("button", { name: /Teams/ });
    expect(teams.textContent).toContain("(current section)");

    await userEvent.click(teams);
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe("Renewals");
    await userEvent.keyboard("{Escape}");
    expect(teams.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(teams);

    await userEvent.click(teams);
    await userEvent.click(screen.getByRole("link", { name: "Contacts" }));
    expect(teams.getAttribute("aria-expanded")).toBe("false");
  });
});

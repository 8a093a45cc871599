import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { recommendationFixtures } from "./fixtures.tsx";
import { RecommendationList, type RecommendationListProps } from "./RecommendationList.tsx";

const links: Pick<RecommendationListProps, "renderAccountLink" | "renderActionLink"> = {
  renderAccountLink: (accountId, accountName) => <a href={`/accounts/${accountId}`}>{accountName}</a>,
  renderActionLink: (recommendation, linkProps) => (
    <a href={`/accounts/${recommendation.link.accountId}#${recommendation.link.section}`} {...linkProps} />
  ),
};

describe("RecommendationList (SPEC §10)", () => {
  it("groups recommendations under a linked heading per account", () => {
    render(<RecommendationList groups={recommendationFixtures} {...links} />);
    const headings = screen.getAllByRole("heading", { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual(["Acme Robotics", "Borealis Freight"]);
    const borealis = screen.getByRole("region", { name: "Borealis Freight" });
    expect(within(borealis).getByRole("link", { name: "Borealis Freight" }).getAttribute("href")).toBe(
      "/accounts/a2",
    );
    expect(within(borealis).getByText("W-2")).toBeTruthy();
    expect(within(borealis).getByText("P-1")).toBeTruthy();
    const go = within(borealis).getByRole("link", { name: "Go: Run the kickoff call (Borealis Freight)" });
    expect(go.getAttribute("href")).toBe("/accounts/a2#tasks");
    expect(go.textContent).toBe("Go");
  });

  it("shows `limit` per account and toggles the rest with Show N more", async () => {
    const user = userEvent.setup();
    render(<RecommendationList groups={recommendationFixtures} limit={3} {...links} />);
    const acme = screen.getByRole("region", { name: "Acme Robotics" });
    expect(within(acme).getAllByRole("listitem")).toHaveLength(3);
    const more = within(acme).getByRole("button", { name: "Show 2 more for Acme Robotics" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    await user.click(more);
    expect(within(acme).getAllByRole("listitem")).toHaveLength(5);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    expect(more.textContent).toContain("Show fewer");
    // The one-recommendation account has nothing to expand.
    expect(within(screen.getByRole("region", { name: "Borealis Freight" })).queryByRole("button")).toBeNull();
  });

  it("shows an empty state when there is nothing to do", () => {
    render(
      <RecommendationList groups={[{ accountId: "a", accountName: "A", recommendations: [] }]} {...links} />,
    );
    expect(screen.getByText("Nothing to recommend right now")).toBeTruthy();
    expect(screen.queryByRole("heading")).toBeNull();
  });
});

import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stageChangeFixtures } from "./fixtures.tsx";
import { StageTimeline } from "./StageTimeline.tsx";

describe("StageTimeline (L-6)", () => {
  it("lists changes newest first with stages, date, cause and reason", () => {
    render(<StageTimeline changes={stageChangeFixtures} timeZone="UTC" />);
    const items = within(screen.getByRole("list", { name: "Stage history" })).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    const [newest, middle, oldest] = items;
    expect(newest?.textContent).toContain("2. Adopting");
    expect(newest?.textContent).toContain("4. Renewing");
    expect(newest?.textContent).toContain("Set by Dana Scott");
    expect(newest?.textContent).toContain("Mar 2, 2026");
    expect(middle?.textContent).toContain("Rule L-2 · lifecycle policy v4");
    expect(middle?.textContent).toContain("MAU reached 42% of seats");
    expect(oldest?.textContent).toContain("Start");
    expect(oldest?.textContent).toContain("Rule L-1 · lifecycle policy v3");
  });

  it("says so when nothing is recorded", () => {
    render(<StageTimeline changes={[]} />);
    expect(screen.getByText("No stage changes recorded yet")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});

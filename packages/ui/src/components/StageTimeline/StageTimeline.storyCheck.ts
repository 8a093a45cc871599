import { screen, within } from "@testing-library/react";
import { expect } from "vitest";
import type { StageChangeItem } from "./StageTimeline.tsx";

/** For stories.test.tsx: what every "Work/StageTimeline" story must show. */
export function checkStageTimelineStory({ args }: { name: string; args: Record<string, unknown> }): void {
  const changes = (args.changes as StageChangeItem[] | undefined) ?? [];
  if (args.loading) {
    expect(screen.getByRole("status").textContent).toBe("Loading stage history…");
    return;
  }
  if (args.error) {
    expect(screen.getByRole("alert").textContent).toContain("Could not load stage history");
    return;
  }
  if (changes.length === 0) {
    expect(screen.getByText("No stage changes recorded yet")).toBeTruthy();
    return;
  }
  const items = within(screen.getByRole("list", { name: "Stage history" })).getAllByRole("listitem");
  expect(items).toHaveLength(changes.length);
  for (const item of items) {
    expect(
      item.querySelectorAll(".keel-stage").length + item.querySelectorAll(".keel-timeline__start").length,
    ).toBe(2);
    expect(item.querySelector(".keel-timeline__cause")?.textContent).toMatch(/^(Rule [A-Z]-\d+|Set by )/);
  }
}

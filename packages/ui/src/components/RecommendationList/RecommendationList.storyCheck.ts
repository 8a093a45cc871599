import { screen, within } from "@testing-library/react";
import { expect } from "vitest";
import type { RecommendationGroup } from "./RecommendationList.tsx";

/** For stories.test.tsx: what every "Work/RecommendationList" story must show. */
export function checkRecommendationListStory({
  name,
  args,
}: {
  name: string;
  args: Record<string, unknown>;
}): void {
  const groups = ((args.groups as RecommendationGroup[] | undefined) ?? []).filter(
    (group) => group.recommendations.length > 0,
  );
  if (args.loading) {
    expect(screen.getByRole("status").textContent).toBe("Loading recommendations…");
    return;
  }
  if (args.error) {
    expect(screen.getByRole("alert").textContent).toContain("Could not load recommendations");
    return;
  }
  if (groups.length === 0) {
    expect(screen.getByText("Nothing to recommend right now")).toBeTruthy();
    return;
  }
  const limit = Number(args.limit ?? 3);
  for (const group of groups) {
    const region = screen.getByRole("region", { name: group.accountName });
    expect(within(region).getByRole("link", { name: group.accountName })).toBeTruthy();
    const expanded = name === "ShowMore";
    const shown = expanded ? group.recommendations.length : Math.min(limit, group.recommendations.length);
    expect(within(region).getAllByRole("listitem")).toHaveLength(shown);
    expect(within(region).getAllByRole("link", { name: /^Go: / })).toHaveLength(shown);
  }
}

import { screen } from "@testing-library/react";
import { expect } from "vitest";
import { type SourceOrigin, sourceLabel } from "./SourceTag.tsx";

/** For stories.test.tsx: what every "Work/SourceTag" story must show. */
export function checkSourceTagStory({ args }: { name: string; args: Record<string, unknown> }): void {
  const origin = args.origin as SourceOrigin;
  expect(screen.getByText(sourceLabel(origin))).toBeTruthy();
  const why = screen.queryByText("Why?");
  expect(Boolean(why)).toBe(origin.kind === "playbook" && args.showReason !== false);
}

import { screen } from "@testing-library/react";
import { expect } from "vitest";

/** For stories.test.tsx: what every "Feedback/ProgressBar" story must show. */
export function checkProgressBarStory({ args }: { name: string; args: Record<string, unknown> }): void {
  const bar = screen.getByRole("progressbar", { name: String(args.label) });
  expect(bar.getAttribute("aria-valuenow")).toBe(String(args.done));
  expect(bar.getAttribute("aria-valuemax")).toBe(String(args.total));
}

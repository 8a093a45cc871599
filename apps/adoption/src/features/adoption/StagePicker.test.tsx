import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { StagePicker } from "./StagePicker.tsx";

describe("StagePicker", () => {
  it("shows the five stages with their counts and marks the selected one", () => {
    render(
      <StagePicker
        selected="adopting"
        onSelect={() => {}}
        counts={{ prospect: 3, onboarding: 1, adopting: 40, nurturing: 120 }}
      />,
    );
    const buttons = screen.getAllByRole("button");
    expect(buttons).toHaveLength(5);
    expect(buttons.map((b) => b.getAttribute("aria-pressed"))).toEqual([
      "false",
      "false",
      "true",
      "false",
      "false",
    ]);
    expect(buttons[1]?.textContent).toContain("1account");
    expect(buttons[2]?.textContent).toContain("40accounts");
    // Renewing's count has not arrived yet.
    expect(buttons[4]?.textContent).toContain("Loading");
  });

  it("selects a stage by keyboard", async () => {
    const onSelect = vi.fn();
    render(<StagePicker selected="prospect" onSelect={onSelect} counts={{}} />);

    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard("{Enter}");

    expect(onSelect).toHaveBeenCalledWith("onboarding");
  });
});

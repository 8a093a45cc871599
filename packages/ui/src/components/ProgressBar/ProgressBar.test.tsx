import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "./ProgressBar.tsx";

describe("ProgressBar", () => {
  it("is a labelled progressbar that says done of total", () => {
    const { container } = render(<ProgressBar done={3} total={8} label="Onboarding" />);
    const bar = screen.getByRole("progressbar", { name: "Onboarding" });
    expect(bar.getAttribute("aria-valuenow")).toBe("3");
    expect(bar.getAttribute("aria-valuemax")).toBe("8");
    expect(bar.getAttribute("aria-valuetext")).toBe("3 of 8 done");
    expect(container.textContent).toBe("3 of 8");
    expect(container.querySelector<HTMLElement>(".keel-progress__fill")?.style.width).toBe("38%");
  });

  it("clamps a stale count and handles an empty project", () => {
    const { rerender } = render(<ProgressBar done={9} total={8} label="P" />);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("8");
    rerender(<ProgressBar done={0} total={0} label="P" />);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuetext")).toBe("Nothing to do yet");
  });
});

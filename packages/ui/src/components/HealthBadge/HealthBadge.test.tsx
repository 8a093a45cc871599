import type { HealthCategory } from "@keel/domain";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HealthBadge } from "./HealthBadge.tsx";

describe("HealthBadge", () => {
  const cases: Array<[HealthCategory, string]> = [
    ["green", "Green"],
    ["yellow", "Yellow"],
    ["red", "Red"],
    ["unknown", "No data"],
  ];

  it.each(cases)("writes out the %s category as text, not only colour", (category, label) => {
    const { container } = render(<HealthBadge category={category} />);
    expect(screen.getByText(label)).toBeTruthy();
    expect(container.textContent).toBe(label);
  });

  it("shows the score rounded, after the label", () => {
    const { container } = render(<HealthBadge category="yellow" score={61.6} />);
    expect(screen.getByText("Yellow")).toBeTruthy();
    expect(container.textContent).toBe("Yellow, score 62");
  });

  it("reads 'No data' and never a score for unknown health (H-3: no data is not 0)", () => {
    const { container } = render(<HealthBadge category="unknown" score={0} />);
    expect(container.textContent).toBe("No data");
  });

  it("omits a missing or non-finite score", () => {
    const { container, rerender } = render(<HealthBadge category="green" score={null} />);
    expect(container.textContent).toBe("Green");
    rerender(<HealthBadge category="green" score={Number.NaN} />);
    expect(container.textContent).toBe("Green");
  });
});

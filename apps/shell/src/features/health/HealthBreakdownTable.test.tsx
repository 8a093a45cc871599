import type { HealthBreakdown } from "@keel/domain";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HealthBreakdownTable } from "./HealthBreakdownTable.tsx";

// Default policy (H-1), Technical without data: weights 5/25/55 renormalised over 85.
const breakdown: HealthBreakdown = {
  categories: [
    { id: "taPulse", label: "TA Pulse", weight: 5, effectiveWeight: 5.88, score: 50, contribution: 2.94 },
    {
      id: "technical",
      label: "Technical Health",
      weight: 15,
      effectiveWeight: 0,
      score: null,
      contribution: 0,
    },
    {
      id: "relationships",
      label: "Relationships & Engagement",
      weight: 25,
      effectiveWeight: 29.41,
      score: 66.67,
      contribution: 19.61,
    },
    {
      id: "utilization",
      label: "Utilization",
      weight: 55,
      effectiveWeight: 64.71,
      score: 100,
      contribution: 64.71,
    },
  ],
  traits: [
    trait("taPulse", "taPulse", "concerning", 50, 2.94, { stale: true, setAt: "2026-08-01T10:00:00Z" }),
    trait("versionsBehind", "technical", null, null, 0, { missing: true }),
    trait("activeChampion", "relationships", true, 100, 9.8),
    trait("buyerAccess", "relationships", false, 0, 0),
    trait("daysSinceLastActivity", "relationships", 3, 100, 9.81, { evidence: "last call 2026-11-19" }),
    trait("dauOverMau", "utilization", 0.41, 100, 32.35),
    trait("mauOverSeats", "utilization", 0.92, 100, 32.36),
  ],
};

function trait(
  id: HealthBreakdown["traits"][number]["id"],
  category: HealthBreakdown["categories"][number]["id"],
  value: HealthBreakdown["traits"][number]["value"],
  grade: number | null,
  contribution: number,
  extra: Partial<HealthBreakdown["traits"][number]> = {},
): HealthBreakdown["traits"][number] {
  return {
    id,
    category,
    label: id,
    value,
    grade,
    contribution,
    missing: false,
    stale: false,
    setAt: null,
    evidence: null,
    ...extra,
  };
}

const score = 87.26;

describe("HealthBreakdownTable (H-4)", () => {
  it("shows points that add up to the score in the total row", () => {
    const { container } = render(<HealthBreakdownTable breakdown={breakdown} score={score} />);
    const points = Array.from(container.querySelectorAll(".breakdown__points"))
      .map((cell) => cell.textContent ?? "")
      .filter((text) => text !== "—")
      .map(Number);
    const sum = points.reduce((a, b) => a + b, 0);
    const total = container.querySelector("tfoot td")?.textContent;
    expect(total).toBe("87.26");
    expect(sum.toFixed(2)).toBe(total);
    // Category subtotals add up too.
    const subtotals = Array.from(container.querySelectorAll(".breakdown__subtotal"), (cell) =>
      Number(cell.textContent),
    );
    expect(subtotals.reduce((a, b) => a + b, 0).toFixed(2)).toBe(total);
  });

  it("marks missing traits 'No data' and stale manual traits with their set date (H-3, H-6)", () => {
    render(<HealthBreakdownTable breakdown={breakdown} score={score} />);
    const missingRow = screen.getByRole("rowheader", { name: "versionsBehind" }).closest("tr") as HTMLElement;
    expect(within(missingRow).getByText("No data")).toBeTruthy();
    const staleRow = screen.getByRole("rowheader", { name: "taPulse" }).closest("tr") as HTMLElement;
    expect(staleRow.textContent).toContain("Concerning");
    expect(staleRow.textContent).toContain("Stale set Aug 1, 2026");
  });

  it("shows each category's weight and effective weight, and the evidence per trait (X-1)", () => {
    const { container } = render(<HealthBreakdownTable breakdown={breakdown} score={score} />);
    const utilization = container.querySelector('[data-category="utilization"]');
    expect(utilization?.textContent).toContain("weight 55% · effective 64.71%");
    const technical = container.querySelector('[data-category="technical"]');
    expect(technical?.textContent).toContain("no data");
    expect(screen.getByText("last call 2026-11-19")).toBeTruthy();
  });
});

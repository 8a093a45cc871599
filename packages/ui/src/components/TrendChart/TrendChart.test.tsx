import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { summarizeTrend, TrendChart } from "./TrendChart.tsx";

const points = [
  { at: "2026-08-31", score: 48, category: "red" as const },
  { at: "2026-09-30", score: 62, category: "yellow" as const, marker: "Policy v2" },
  { at: "2026-10-31", score: 80, category: "green" as const },
];

describe("TrendChart", () => {
  it("is an image whose label summarises the trend and names policy changes (X-3)", () => {
    render(<TrendChart points={points} />);
    const image = screen.getByRole("img");
    const label = image.getAttribute("aria-label") ?? "";
    expect(label).toContain("from 48 on Aug 31, 2026 to 80 on Oct 31, 2026");
    expect(label).toContain("Policy v2 on Sep 30, 2026");
  });

  it("draws one marker, labelled, where the policy changed", () => {
    const { container } = render(<TrendChart points={points} />);
    const markers = container.querySelectorAll(".keel-trend__marker");
    expect(markers).toHaveLength(1);
    expect(markers[0]?.textContent).toBe("Policy v2");
  });

  it("lists every point in a table for screen readers", () => {
    render(<TrendChart points={points} />);
    const table = screen.getByRole("table", { name: /by date/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "Aug 31, 202648",
      "Sep 30, 202662Policy v2",
      "Oct 31, 202680",
    ]);
  });

  it("breaks the line at a point without a score instead of drawing 0 (H-3)", () => {
    const { container } = render(
      <TrendChart
        points={[
          { at: "2026-07-31", score: 70 },
          { at: "2026-08-31", score: 72 },
          { at: "2026-09-30", score: null },
          { at: "2026-10-31", score: 75 },
          { at: "2026-11-30", score: 77 },
        ]}
      />,
    );
    expect(container.querySelectorAll(".keel-trend__line")).toHaveLength(2);
    expect(container.querySelectorAll(".keel-trend__point")).toHaveLength(4);
  });

  it("draws the category bands of the policy it is given (H-3)", () => {
    const { container } = render(<TrendChart points={points} bands={{ green: 80, yellow: 60 }} />);
    const bands = container.querySelectorAll(".keel-trend__band");
    expect(Array.from(bands, (band) => band.getAttribute("class"))).toEqual([
      "keel-trend__band keel-trend__band--green",
      "keel-trend__band keel-trend__band--yellow",
      "keel-trend__band keel-trend__band--red",
    ]);
    expect(
      Array.from(container.querySelectorAll(".keel-trend__tick text"), (tick) => tick.textContent),
    ).toEqual(["0", "60", "80", "100"]);
  });

  it("draws no bands of its own while no policy is given", () => {
    const { container } = render(<TrendChart points={points} />);
    expect(container.querySelectorAll(".keel-trend__band")).toHaveLength(0);
    expect(screen.getByRole("img")).toBeTruthy();
  });

  it("says so when there is no history", () => {
    render(<TrendChart points={[]} emptyMessage="No scores yet" />);
    expect(screen.getByText("No scores yet")).toBeTruthy();
    expect(summarizeTrend([])).toBe("Health score: no history yet");
  });
});

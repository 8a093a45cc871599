import type { Meta, StoryObj } from "@storybook/react-vite";
import { TrendChart, type TrendPoint } from "./TrendChart.tsx";

const meta = {
  title: "Data display/TrendChart",
  component: TrendChart,
  parameters: { layout: "padded" },
  // The H-1 default policy's bands; the app passes the policy in force's.
  args: { bands: { green: 75, yellow: 50 } },
} satisfies Meta<typeof TrendChart>;

export default meta;
type Story = StoryObj<typeof meta>;

const monthEnds = [
  "2025-11-30",
  "2025-12-31",
  "2026-01-31",
  "2026-02-28",
  "2026-03-31",
  "2026-04-30",
  "2026-05-31",
  "2026-06-30",
  "2026-07-31",
  "2026-08-31",
  "2026-09-30",
  "2026-10-31",
];
const scores = [82, 78, 71, 64, 58, 47, 44, 52, 61, 66, 73, 79];

function category(score: number) {
  return score >= 75 ? "green" : score >= 50 ? "yellow" : "red";
}

const declining: TrendPoint[] = monthEnds.map((at, i) => ({
  at,
  score: scores[i] ?? null,
  category: category(scores[i] ?? 0),
}));

/** A year of month-end scores dipping into red and recovering. */
export const YearOfScores: Story = { args: { points: declining } };

/** the policy changed in April; the chart marks it. */
export const WithPolicyChange: Story = {
  args: {
    points: declining.map((point) => (point.at === "2026-04-30" ? { ...point, marker: "Policy v2" } : point)),
  },
};

/** A month without data breaks the line instead of dropping to 0 (H-3). */
export const WithGap: Story = {
  args: {
    points: declining.map((point) =>
      point.at === "2026-06-30" ? { ...point, score: null, category: "unknown" } : point,
    ),
  },
};

export const SinglePoint: Story = { args: { points: [{ at: "2026-10-31", score: 64, category: "yellow" }] } };

/** A policy with stricter bands draws them where it puts them. */
export const StricterPolicy: Story = { args: { points: declining, bands: { green: 85, yellow: 65 } } };

/** While the policy is loading the chart draws the line on a plain scale, no bands. */
export const WithoutBands: Story = { args: { points: declining, bands: undefined } };

export const Empty: Story = { args: { points: [], emptyMessage: "No scores stored yet" } };

import type { HealthCategory } from "@keel/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { HealthBadge } from "./HealthBadge.tsx";

const meta = {
  title: "Data display/HealthBadge",
  component: HealthBadge,
  argTypes: {
    category: { control: "inline-radio", options: ["green", "yellow", "red", "unknown"] },
    score: { control: { type: "number", min: 0, max: 100 } },
  },
} satisfies Meta<typeof HealthBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Green: Story = { args: { category: "green", score: 86 } };
export const Yellow: Story = { args: { category: "yellow", score: 61 } };
export const Red: Story = { args: { category: "red", score: 38 } };

/** No trait has data: "No data", and no score even if one is passed (SPEC H-3). */
export const Unknown: Story = { args: { category: "unknown", score: 0 } };

export const WithoutScore: Story = { args: { category: "green" } };

const categories: HealthCategory[] = ["green", "yellow", "red", "unknown"];

export const AllCategories: Story = {
  args: { category: "green" },
  render: () => (
    <div style={{ display: "flex", gap: "0.5rem" }}>
      {categories.map((category) => (
        <HealthBadge key={category} category={category} score={category === "unknown" ? null : 72} />
      ))}
    </div>
  ),
};

import type { Meta, StoryObj } from "@storybook/react-vite";
import { Card } from "../Card/Card.tsx";
import { Skeleton } from "./Skeleton.tsx";

const meta = {
  title: "Feedback/Skeleton",
  component: Skeleton,
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Lines: Story = { args: { lines: 3 } };

export const Block: Story = { args: { variant: "block", height: "8rem" } };

export const InACard: Story = {
  args: { lines: 4, label: "Loading health breakdown" },
  render: (args) => (
    <Card title="Health breakdown">
      <Skeleton {...args} />
    </Card>
  ),
};

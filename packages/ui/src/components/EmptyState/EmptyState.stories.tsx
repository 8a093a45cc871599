import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../Button/Button.tsx";
import { EmptyState } from "./EmptyState.tsx";

const meta = {
  title: "Feedback/EmptyState",
  component: EmptyState,
  args: { title: "No open tasks" },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithMessageAndAction: Story = {
  args: {
    title: "No save plans yet",
    message: "Save plans for accounts in Lighthouse will be listed here.",
    action: (
      <Button size="sm" variant="primary">
        Create save plan
      </Button>
    ),
    icon: "∅",
  },
};

import type { Meta, StoryObj } from "@storybook/react-vite";
import { ProgressBar } from "./ProgressBar.tsx";

const meta = {
  title: "Feedback/ProgressBar",
  component: ProgressBar,
  args: { done: 3, total: 8, label: "Onboarding project progress" },
} satisfies Meta<typeof ProgressBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Partway: Story = {};
export const NotStarted: Story = { args: { done: 0 } };
export const Complete: Story = { args: { done: 8 } };
export const NoTasks: Story = { args: { done: 0, total: 0 } };
export const WithoutCount: Story = { args: { showCount: false } };
export const LongLabel: Story = {
  args: {
    label: "Cloud migration wave 3 (EMEA and APAC) for Juniper Retail Group International Holdings",
    done: 17,
    total: 23,
  },
};

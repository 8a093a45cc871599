import type { Meta, StoryObj } from "@storybook/react-vite";
import { Spinner } from "./Spinner.tsx";

const meta = {
  title: "Feedback/Spinner",
  component: Spinner,
} satisfies Meta<typeof Spinner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Announced to screen readers; use when nothing else says that work is in progress. */
export const WithLabel: Story = { args: { label: "Syncing usage data" } };

/** Decorative: inside a control that already sets aria-busy. */
export const Decorative: Story = {};

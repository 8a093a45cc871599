import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { ErrorState } from "./ErrorState.tsx";

const meta = {
  title: "Feedback/ErrorState",
  component: ErrorState,
  args: { message: "The renewals service is unavailable. Your changes are safe." },
} satisfies Meta<typeof ErrorState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithRetry: Story = {
  args: { onRetry: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const Retrying: Story = { args: { onRetry: fn(), retrying: true } };

/** Without `onRetry` there is nothing to click: for errors a retry cannot fix. */
export const WithoutRetry: Story = {
  args: { title: "You do not have access to this account", message: "Ask an admin to add you to its team." },
};

export const Compact: Story = { args: { compact: true, onRetry: fn(), title: "Could not load tasks" } };

import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { Button } from "./Button.tsx";

const meta = {
  title: "Actions/Button",
  component: Button,
  args: { children: "Save changes", onClick: fn() },
  argTypes: {
    variant: { control: "inline-radio", options: ["primary", "secondary", "danger", "ghost"] },
    size: { control: "inline-radio", options: ["sm", "md"] },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  args: { variant: "primary" },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};

export const Secondary: Story = { args: { variant: "secondary", children: "Cancel" } };

export const Danger: Story = { args: { variant: "danger", children: "Exit from Lighthouse" } };

export const Ghost: Story = { args: { variant: "ghost", children: "View breakdown" } };

export const Small: Story = { args: { size: "sm", children: "Add task" } };

/** A long action: the label stays, a spinner shows progress, and clicks are ignored until it ends. */
export const Loading: Story = {
  args: { variant: "primary", loading: true, children: "Recomputing health…" },
  play: async ({ canvas, args }) => {
    const button = canvas.getByRole("button", { name: "Recomputing health…" });
    await expect(button).toHaveAttribute("aria-busy", "true");
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};

export const Disabled: Story = { args: { disabled: true, children: "Submit assessment" } };

export const AllVariants: Story = {
  render: (args) => (
    <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
      <Button {...args} variant="primary">
        Primary
      </Button>
      <Button {...args} variant="secondary">
        Secondary
      </Button>
      <Button {...args} variant="danger">
        Danger
      </Button>
      <Button {...args} variant="ghost">
        Ghost
      </Button>
      <Button {...args} variant="primary" loading>
        Saving…
      </Button>
      <Button {...args} disabled>
        Disabled
      </Button>
    </div>
  ),
};

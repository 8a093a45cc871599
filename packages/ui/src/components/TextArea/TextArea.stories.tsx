import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { TextArea } from "./TextArea.tsx";

const meta = {
  title: "Forms/TextArea",
  component: TextArea,
  args: { label: "Lessons learned", placeholder: "What would we do differently next time?" },
} satisfies Meta<typeof TextArea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const area = canvas.getByLabelText("Lessons learned");
    await userEvent.type(area, "Multi-thread earlier.{enter}Meet the buyer before T-120.");
    await expect(area).toHaveValue("Multi-thread earlier.\nMeet the buyer before T-120.");
  },
};

export const WithHint: Story = {
  args: { label: "Summary", hint: "One or two sentences the managers read before approving.", rows: 3 },
};

export const WithError: Story = {
  args: { label: "Reason for the churn", defaultValue: "", error: "Say why the customer left." },
};

export const Required: Story = { args: { required: true } };

export const Disabled: Story = { args: { disabled: true, defaultValue: "Closed retro: read only." } };

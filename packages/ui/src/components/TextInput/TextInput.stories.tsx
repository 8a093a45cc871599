import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { TextInput } from "./TextInput.tsx";

const meta = {
  title: "Forms/TextInput",
  component: TextInput,
  args: { label: "Account name", placeholder: "e.g. Acme Robotics" },
} satisfies Meta<typeof TextInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText("Account name");
    await userEvent.type(input, "Borealis");
    await expect(input).toHaveValue("Borealis");
  },
};

export const WithHint: Story = {
  args: { label: "CRM ID", hint: "The opportunity ID from the CRM, 18 characters." },
};

export const WithError: Story = {
  args: { label: "Seats purchased", type: "number", defaultValue: "-3", error: "Seats cannot be negative." },
};

export const Required: Story = { args: { required: true } };

export const Disabled: Story = { args: { disabled: true, defaultValue: "Acme Robotics" } };

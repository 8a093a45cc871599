import type { Meta, StoryObj } from "@storybook/react-vite";
import { Field } from "./Field.tsx";

const meta = {
  title: "Forms/Field",
  component: Field,
  args: {
    label: "Exit notes",
    hint: "Why the account left Lighthouse; shown on the master list.",
    children: (control) => (
      <textarea {...control} className="keel-input" rows={3} style={{ height: "auto" }} />
    ),
  },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Wraps any control (here a <textarea>) with a visible label, hint and error wired for screen readers. */
export const CustomControl: Story = {};

export const WithError: Story = { args: { error: "Notes are required to exit.", required: true } };

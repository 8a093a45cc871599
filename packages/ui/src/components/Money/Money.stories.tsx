import type { Meta, StoryObj } from "@storybook/react-vite";
import { Money } from "./Money.tsx";

const meta = {
  title: "Format/Money",
  component: Money,
  args: { cents: 12_000_000, currency: "USD" },
} satisfies Meta<typeof Money>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WholeAmount: Story = {};
export const WithCents: Story = { args: { cents: 9_950 } };
export const Compact: Story = { args: { cents: 123_456_789, compact: true } };
export const Euro: Story = { args: { cents: 4_500_000, currency: "EUR" } };
export const PoundSterling: Story = { args: { cents: 7_800_050, currency: "GBP" } };
export const Missing: Story = { args: { cents: null } };

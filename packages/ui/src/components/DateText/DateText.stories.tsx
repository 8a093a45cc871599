import type { Meta, StoryObj } from "@storybook/react-vite";
import { DateText } from "./DateText.tsx";

const meta = {
  title: "Format/DateText",
  component: DateText,
  args: { value: "2026-03-31" },
} satisfies Meta<typeof DateText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A calendar date prints as the same day in every time zone. */
export const CalendarDate: Story = {};
export const Short: Story = { args: { style: "short" } };
export const Long: Story = { args: { style: "long" } };
export const Timestamp: Story = { args: { value: "2025-07-14T15:30:00Z", timeZone: "UTC" } };
export const NotSet: Story = { args: { value: null, fallback: "Not set" } };

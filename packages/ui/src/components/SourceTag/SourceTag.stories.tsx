import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { SourceTag } from "./SourceTag.tsx";

const meta = {
  title: "Work/SourceTag",
  component: SourceTag,
  args: {
    origin: {
      kind: "playbook",
      playbookId: "onboarding",
      playbookVersion: 3,
      ruleId: "P-1",
      reason: "Acme Robotics entered 1. Onboarding on Mar 10, 2026; kickoff is due within 3 days.",
    },
  },
} satisfies Meta<typeof SourceTag>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playbook: Story = {};

export const PlaybookReasonOpen: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByText("Why?"));
    await expect(canvas.getByText(/kickoff is due within 3 days/)).toBeVisible();
  },
};

export const PlaybookWithoutWhy: Story = { args: { showReason: false } };

export const Person: Story = {
  args: { origin: { kind: "person", createdBy: { id: "u-dana", name: "Dana Scott" } } },
};

export const PersonUnknown: Story = { args: { origin: { kind: "person", createdBy: null } } };

export const LongText: Story = {
  args: {
    origin: {
      kind: "playbook",
      playbookId: "enterprise-renewal-with-executive-sponsor-review",
      playbookVersion: 27,
      ruleId: "R-3",
      reason:
        "Renewal on Jun 14, 2026 is 90 days away, the account is Strategic, health is 48 (red) after a 24-point drop since Mar 1, 2026, and no executive sponsor meeting has been logged in the last two quarters.",
    },
  },
};

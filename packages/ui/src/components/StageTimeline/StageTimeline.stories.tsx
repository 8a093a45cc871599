import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { stageChangeFixtures } from "./fixtures.tsx";
import { StageTimeline } from "./StageTimeline.tsx";

const meta = {
  title: "Work/StageTimeline",
  component: StageTimeline,
  args: { changes: stageChangeFixtures, timeZone: "UTC" },
} satisfies Meta<typeof StageTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Empty: Story = { args: { changes: [] } };

export const Loading: Story = { args: { changes: [], loading: true } };

export const LoadError: Story = {
  args: { changes: [], error: "The stage history could not be loaded.", onRetry: fn() },
};

export const RuleWithoutPolicyVersionAndDeletedUser: Story = {
  args: {
    changes: [
      {
        id: "a",
        fromStage: "nurturing",
        toStage: "renewing",
        at: "2026-02-01T00:00:00Z",
        cause: { kind: "rule", ruleId: "L-5", policyVersion: null },
        reason: "Renewal date within 120 days.",
      },
      {
        id: "b",
        fromStage: "adopting",
        toStage: "nurturing",
        at: "2025-12-01T00:00:00Z",
        cause: { kind: "person", user: null },
        reason: "Moved by a user who has since left.",
      },
    ],
  },
};

export const LongText: Story = {
  args: {
    changes: [
      {
        id: 9,
        fromStage: "onboarding",
        toStage: "adopting",
        at: "2026-01-12T06:00:00Z",
        cause: { kind: "rule", ruleId: "L-2", policyVersion: 14 },
        reason:
          "MAU reached 42% of seats (threshold 30%) for 14 consecutive days, the kickoff, the admin training and the SSO rollout tasks are done, and no open P1 support tickets remain; the onboarding project was closed automatically with 23 of 23 tasks complete.",
      },
    ],
  },
};

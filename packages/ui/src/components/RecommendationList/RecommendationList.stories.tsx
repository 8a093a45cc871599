import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { recommendationFixtures } from "./fixtures.tsx";
import { RecommendationList } from "./RecommendationList.tsx";

const meta = {
  title: "Work/RecommendationList",
  component: RecommendationList,
  args: {
    groups: recommendationFixtures,
    renderAccountLink: (accountId, accountName) => <a href={`#/accounts/${accountId}`}>{accountName}</a>,
    renderActionLink: (recommendation, linkProps) => (
      <a href={`#/accounts/${recommendation.link.accountId}/${recommendation.link.section}`} {...linkProps} />
    ),
  },
} satisfies Meta<typeof RecommendationList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const ShowMore: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: /Show 2 more/ }));
    await expect(canvas.getByText("Log the last call")).toBeVisible();
  },
};

export const AllShown: Story = { args: { limit: 10 } };

export const Empty: Story = { args: { groups: [] } };

export const Loading: Story = { args: { groups: [], loading: true } };

export const LoadError: Story = {
  args: { groups: [], error: "Recommendations are unavailable.", onRetry: fn() },
};

export const LongText: Story = {
  args: {
    groups: [
      {
        accountId: "a9",
        accountName: "Juniper Retail Group International Holdings (EMEA and APAC subsidiaries)",
        recommendations: [
          {
            ruleId: "W-3",
            relatedRuleIds: ["R-3", "R-4", "A-3", "H-3"],
            action:
              "Agree the support level for the renewal with leadership and confirm the economic buyer before the quarter closes",
            reason:
              "Renewal on Jun 14, 2026 is 45 days away, the support level has not been set, health is 48 (red) after a 24-point drop since Mar 1, 2026, and the last recorded contact with the economic buyer was on Oct 2, 2025.",
            link: { accountId: "a9", section: "renewal" },
          },
        ],
      },
    ],
  },
};

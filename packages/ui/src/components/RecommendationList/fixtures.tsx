import type { RecommendationGroup } from "./RecommendationList.tsx";

export const recommendationFixtures: RecommendationGroup[] = [
  {
    accountId: "a1",
    accountName: "Acme Robotics",
    recommendations: [
      {
        ruleId: "W-3",
        relatedRuleIds: ["R-3"],
        action: "Confirm the renewal contacts",
        reason: "Renewal on Jun 14, 2026 (90 days); no economic buyer recorded.",
        link: { accountId: "a1", section: "contacts" },
      },
      {
        ruleId: "W-1",
        relatedRuleIds: ["H-3"],
        action: "Review the health drop",
        reason: "Health fell from 72 to 48 (red) since Mar 1, 2026.",
        link: { accountId: "a1", section: "health" },
      },
      {
        ruleId: "W-4",
        relatedRuleIds: [],
        action: "Finish the onboarding project",
        reason: "3 of 8 tasks done; 2 overdue.",
        link: { accountId: "a1", section: "projects" },
      },
      {
        ruleId: "W-5",
        relatedRuleIds: ["L-2"],
        action: "Check adoption blockers",
        reason: "MAU is 18% of seats, below the 30% adopting threshold.",
        link: { accountId: "a1", section: "usage" },
      },
      {
        ruleId: "W-6",
        relatedRuleIds: [],
        action: "Log the last call",
        reason: "No activity logged for 35 days.",
        link: { accountId: "a1", section: "activity" },
      },
    ],
  },
  {
    accountId: "a2",
    accountName: "Borealis Freight",
    recommendations: [
      {
        ruleId: "W-2",
        relatedRuleIds: ["P-1"],
        action: "Run the kickoff call",
        reason: "Entered 1. Onboarding on Mar 10, 2026; kickoff overdue by 3 days.",
        link: { accountId: "a2", section: "tasks" },
      },
    ],
  },
];

import type { StageChangeItem } from "./StageTimeline.tsx";

export const stageChangeFixtures: StageChangeItem[] = [
  {
    id: 1,
    fromStage: null,
    toStage: "onboarding",
    at: "2025-11-03T09:00:00Z",
    cause: { kind: "rule", ruleId: "L-1", policyVersion: 3 },
    reason: "Contract signed on Nov 1, 2025.",
  },
  {
    id: 2,
    fromStage: "onboarding",
    toStage: "adopting",
    at: "2026-01-12T06:00:00Z",
    cause: { kind: "rule", ruleId: "L-2", policyVersion: 4 },
    reason: "MAU reached 42% of seats (threshold 30%) after the kickoff was completed.",
  },
  {
    id: 3,
    fromStage: "adopting",
    toStage: "renewing",
    at: "2026-03-02T14:20:00Z",
    cause: { kind: "person", user: { id: "u-dana", name: "Dana Scott" } },
    reason: "Early renewal talks started with procurement.",
  },
];

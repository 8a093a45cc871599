import type { NotificationItem } from "./NotificationBell.tsx";

export const fixtureNow = "2026-03-16T12:00:00Z";

export const notificationFixtures: NotificationItem[] = [
  {
    id: 3,
    message: "Acme Robotics moved to 2. Adopting",
    accountId: "a1",
    accountName: "Acme Robotics",
    ruleId: "L-2",
    reason: "MAU reached 42% of seats (threshold 30%).",
    createdAt: "2026-03-16T11:55:00Z",
    readAt: null,
  },
  {
    id: 2,
    message: "Kickoff call is overdue",
    accountId: "a2",
    accountName: "Borealis Freight",
    ruleId: "P-1",
    reason: "Due Mar 13, 2026; still open.",
    createdAt: "2026-03-16T08:00:00Z",
    readAt: null,
  },
  {
    id: 1,
    message: "Dana Scott assigned you a task",
    accountId: null,
    accountName: null,
    ruleId: null,
    reason: null,
    createdAt: "2026-03-02T10:00:00Z",
    readAt: "2026-03-03T09:00:00Z",
  },
];

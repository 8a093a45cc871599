import type { TaskListItem } from "./TaskList.tsx";

export const fixtureToday = "2026-03-16";

const dana = { id: "u-dana", name: "Dana Scott" };
const lee = { id: "u-lee", name: "Lee Okafor" };

export const taskFixtures: TaskListItem[] = [
  {
    id: "t1",
    title: "Run the kickoff call",
    accountId: "a1",
    accountName: "Acme Robotics",
    dueDate: "2026-03-13",
    status: "open",
    overdue: true,
    assignee: dana,
    role: "TA",
    source: "playbook",
    origin: {
      kind: "playbook",
      playbookId: "onboarding",
      playbookVersion: 3,
      ruleId: "P-1",
      reason: "Acme Robotics entered 1. Onboarding on Mar 10, 2026; kickoff is due within 3 days.",
    },
    projectName: "Onboarding",
  },
  {
    id: "t2",
    title: "Confirm renewal contacts",
    notes: "Ask procurement who signs this year.",
    accountId: "a2",
    accountName: "Borealis Freight",
    dueDate: fixtureToday,
    status: "open",
    overdue: false,
    assignee: lee,
    role: "TPM",
    source: "template",
    origin: {
      kind: "playbook",
      playbookId: "renewal",
      playbookVersion: 1,
      ruleId: "R-3",
      reason: "Renewal on Jun 14, 2026 is 90 days away.",
    },
    projectName: "Renewal prep",
    documentId: "doc-health-assessment",
  },
  {
    id: "t3",
    title: "Send the adoption report",
    accountId: "a1",
    accountName: "Acme Robotics",
    dueDate: "2026-03-20",
    status: "open",
    overdue: false,
    assignee: null,
    source: "person",
    origin: { kind: "person", createdBy: dana },
  },
  {
    id: "t4",
    title: "Review the health dip",
    accountId: "a3",
    accountName: "Cobalt Health",
    dueDate: "2026-03-01",
    status: "done",
    overdue: false,
    assignee: dana,
    role: "TA",
    source: "person",
    origin: { kind: "person", createdBy: lee },
  },
];

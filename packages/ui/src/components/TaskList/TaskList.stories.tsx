import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent } from "storybook/test";
import { fixtureToday, taskFixtures } from "./fixtures.tsx";
import { TaskList, type TaskListItem } from "./TaskList.tsx";

const meta = {
  title: "Work/TaskList",
  component: TaskList,
  args: {
    tasks: taskFixtures,
    today: fixtureToday,
    emptyMessage: "No open tasks",
    onToggle: fn(),
    renderAccountLink: (task: TaskListItem) => (
      <a href={`#/accounts/${task.accountId}`}>{task.accountName}</a>
    ),
  },
} satisfies Meta<typeof TaskList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("checkbox", { name: /Run the kickoff call/ }));
    await expect(args.onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: "t1" }));
  },
};

export const GroupedByAccount: Story = { args: { groupBy: "account" } };

/** t2 is being saved; Lee's tasks may not be changed by this user. */
export const PendingAndReadOnly: Story = {
  args: { pendingIds: ["t2"], canEdit: (task) => task.assignee?.id !== "u-lee" },
};

export const Empty: Story = { args: { tasks: [] } };

export const Loading: Story = { args: { tasks: [], loading: true } };

export const LoadError: Story = {
  args: { tasks: [], error: new Error("The tasks service did not answer."), onRetry: fn() },
};

export const LongText: Story = {
  args: {
    tasks: [
      {
        id: "long",
        title:
          "Walk the customer's platform team through the migration of every self-hosted runner to the cloud fleet before the change freeze, including the ones in the isolated network segment",
        notes:
          "They asked for a written plan first. Include the rollback steps, the maintenance windows for each region and who to page if the health checks fail during the cutover.",
        accountId: "a9",
        accountName: "Juniper Retail Group International Holdings (EMEA and APAC subsidiaries)",
        dueDate: "2026-02-01",
        status: "open",
        overdue: true,
        assignee: { id: "u-x", name: "Maximiliane Featherstonehaugh-Montgomery" },
        role: "TA",
        source: "playbook",
        origin: {
          kind: "playbook",
          playbookId: "cloud-migration",
          playbookVersion: 12,
          ruleId: "P-7",
          reason:
            "Juniper Retail Group has 14 self-hosted runners, the cloud fleet has capacity since Jan 15, 2026, and the account's deployment was switched to cloud on Jan 20, 2026 by the renewal terms.",
        },
        projectName: "Cloud migration wave 3 (EMEA and APAC)",
      },
    ],
  },
};

function InteractiveDemo() {
  const [tasks, setTasks] = useState(taskFixtures);
  return (
    <TaskList
      tasks={tasks}
      today={fixtureToday}
      onToggle={(task) =>
        setTasks((all) =>
          all.map((t) => (t.id === task.id ? { ...t, status: t.status === "done" ? "open" : "done" } : t)),
        )
      }
    />
  );
}

export const Interactive: Story = {
  render: () => <InteractiveDemo />,
  play: async ({ canvas }) => {
    const box = canvas.getByRole("checkbox", { name: /Send the adoption report/ });
    await userEvent.click(box);
    await expect(box).toBeChecked();
  },
};

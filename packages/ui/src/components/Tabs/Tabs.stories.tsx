import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { Tabs } from "./Tabs.tsx";

const meta = {
  title: "Layout/Tabs",
  component: Tabs,
  args: {
    label: "Account sections",
    tabs: [
      { id: "overview", label: "Overview", panel: <p>Header facts, health and renewal at a glance.</p> },
      { id: "tasks", label: "Tasks", count: 3, panel: <p>Three open tasks from the Renewal Playbook.</p> },
      { id: "contacts", label: "Contacts", panel: <EmptyState title="No contacts tagged yet" compact /> },
      { id: "history", label: "History", disabled: true, panel: <p>Stage history.</p> },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("tab", { name: "Overview" }));
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("tab", { name: /Tasks/ })).toHaveAttribute("aria-selected", "true");
    await expect(canvas.getByRole("tabpanel")).toHaveTextContent("Three open tasks");
  },
};

export const StartOnTasks: Story = { args: { defaultSelectedId: "tasks" } };

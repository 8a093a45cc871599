import { screen, within } from "@testing-library/react";
import { expect } from "vitest";
import type { TaskListItem } from "./TaskList.tsx";

/** For stories.test.tsx: what every "Work/TaskList" story must show. */
export function checkTaskListStory({ name, args }: { name: string; args: Record<string, unknown> }): void {
  const tasks = (args.tasks as TaskListItem[] | undefined) ?? [];
  if (args.loading) {
    expect(screen.getByRole("status").textContent).toBe("Loading tasks…");
    return;
  }
  if (args.error) {
    expect(screen.getByRole("alert").textContent).toContain("Could not load tasks");
    return;
  }
  if (tasks.length === 0) {
    expect(screen.getByText(String(args.emptyMessage ?? "No tasks"))).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
    return;
  }
  expect(screen.getAllByRole("checkbox")).toHaveLength(tasks.length);
  expect(document.querySelectorAll(".keel-source__tag")).toHaveLength(tasks.length);
  if (args.groupBy === "account") {
    const accounts = new Set(tasks.map((task) => task.accountId));
    expect(screen.getAllByRole("region")).toHaveLength(accounts.size);
  }
  for (const task of tasks) {
    const box = screen.getByRole("checkbox", { name: new RegExp(`^${task.title.slice(0, 20)}`) });
    // The Interactive story keeps its own state, toggled by its play function.
    if (name !== "Interactive") expect((box as HTMLInputElement).checked).toBe(task.status === "done");
    const row = box.closest("li");
    if (row && task.origin.kind === "playbook") expect(within(row).getByText("Why?")).toBeTruthy();
  }
}

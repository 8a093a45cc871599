import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { dueStatus } from "./dueStatus.ts";
import { fixtureToday, taskFixtures } from "./fixtures.tsx";
import { TaskList, type TaskListItem } from "./TaskList.tsx";

function rowOf(title: string): HTMLElement {
  const row = screen.getByText(title).closest("li");
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

describe("TaskList", () => {
  it("calls onToggle with the task when its checkbox is clicked or toggled from the keyboard", async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn<(task: TaskListItem) => void>();
    render(<TaskList tasks={taskFixtures} today={fixtureToday} onToggle={onToggle} />);
    await user.click(screen.getByRole("checkbox", { name: "Run the kickoff call" }));
    expect(onToggle).toHaveBeenLastCalledWith(expect.objectContaining({ id: "t1" }));

    const done = screen.getByRole("checkbox", { name: /Review the health dip/ }) as HTMLInputElement;
    expect(done.checked).toBe(true);
    done.focus();
    await user.keyboard(" ");
    expect(onToggle).toHaveBeenLastCalledWith(expect.objectContaining({ id: "t4" }));
  });

  it("links a task to its document (R-2: the Health Assessment) only when it has one", () => {
    render(
      <TaskList
        tasks={taskFixtures}
        today={fixtureToday}
        renderDocumentLink={(_task, id) => <a href={`/documents/${id}`}>Open the document</a>}
      />,
    );
    const links = screen.getAllByRole("link", { name: "Open the document" });
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/documents/doc-health-assessment"]);
  });

  it("disables the checkbox while the toggle is pending or when the user may not edit the task", () => {
    render(
      <TaskList
        tasks={taskFixtures}
        today={fixtureToday}
        onToggle={vi.fn()}
        pendingIds={new Set(["t2"])}
        canEdit={(task) => task.id !== "t3"}
      />,
    );
    expect(
      (screen.getByRole("checkbox", { name: "Confirm renewal contacts" }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(
      (screen.getByRole("checkbox", { name: "Send the adoption report" }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(
      (screen.getByRole("checkbox", { name: "Run the kickoff call" }) as HTMLInputElement).disabled,
    ).toBe(false);
    expect(within(rowOf("Confirm renewal contacts")).getByRole("status").textContent).toBe("Saving…");
  });

  it("marks overdue and due-today tasks, but not done ones", () => {
    render(<TaskList tasks={taskFixtures} today={fixtureToday} />);
    expect(within(rowOf("Run the kickoff call")).getByText("Overdue by 3 days")).toBeTruthy();
    expect(within(rowOf("Confirm renewal contacts")).getByText("Due today")).toBeTruthy();
    expect(rowOf("Send the adoption report").textContent).not.toMatch(/Overdue|Due today/);
    expect(rowOf("Review the health dip").textContent).not.toMatch(/Overdue/);
    // The marker is part of the checkbox's description, not only its colour.
    const box = screen.getByRole("checkbox", { name: "Run the kickoff call" });
    expect(document.getElementById(box.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Overdue by 3 days",
    );
  });

  it("counts overdue days by calendar date", () => {
    expect(dueStatus("2026-03-15", "2026-03-16")).toEqual({ kind: "overdue", days: 1 });
    expect(dueStatus("2026-03-16", "2026-03-16")).toEqual({ kind: "today" });
    expect(dueStatus("2026-03-29", "2026-03-30")).toEqual({ kind: "overdue", days: 1 });
    expect(dueStatus(null, "2026-03-16")).toEqual({ kind: "none" });
  });

  it("says where each task came from, with the playbook's reason behind Why?", async () => {
    const user = userEvent.setup();
    render(<TaskList tasks={taskFixtures} today={fixtureToday} />);
    const playbookRow = rowOf("Run the kickoff call");
    expect(within(playbookRow).getByText("Playbook · P-1")).toBeTruthy();
    const details = within(playbookRow).getByText("Why?").closest("details");
    expect(details?.open).toBe(false);
    await user.click(within(playbookRow).getByText("Why?"));
    expect(details?.open).toBe(true);
    expect(details?.textContent).toContain("kickoff is due within 3 days");
    expect(within(rowOf("Send the adoption report")).getByText("Added by Dana Scott")).toBeTruthy();
  });

  it("groups tasks under a heading per account, with the account link", () => {
    render(
      <TaskList
        tasks={taskFixtures}
        today={fixtureToday}
        groupBy="account"
        renderAccountLink={(task) => <a href={`/accounts/${task.accountId}`}>{task.accountName}</a>}
      />,
    );
    const headings = screen.getAllByRole("heading", { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual([
      "Acme Robotics2 tasks",
      "Borealis Freight1 task",
      "Cobalt Health1 task",
    ]);
    const acme = screen.getByRole("region", { name: "Tasks: Acme Robotics" });
    expect(within(acme).getByRole("link", { name: "Acme Robotics" }).getAttribute("href")).toBe(
      "/accounts/a1",
    );
    expect(within(acme).getAllByRole("checkbox")).toHaveLength(2);
  });

  it("shows the empty message when there are no tasks", () => {
    render(<TaskList tasks={[]} today={fixtureToday} emptyMessage="Nothing due this week" />);
    expect(screen.getByText("Nothing due this week")).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});

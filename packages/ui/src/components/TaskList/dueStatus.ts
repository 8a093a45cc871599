const DAY_MS = 86_400_000;

function calendarDay(isoDate: string): number | null {
  const day = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(day) ? null : day / DAY_MS;
}

export type DueStatus =
  | { kind: "overdue"; days: number }
  | { kind: "today" }
  | { kind: "upcoming"; days: number }
  | { kind: "none" };

/**
 * Where a due date stands relative to `today` (both ISO calendar dates, compared as days so
 * the answer does not move with the viewer's time zone).
 */
export function dueStatus(dueDate: string | null | undefined, today: string): DueStatus {
  if (!dueDate) return { kind: "none" };
  const due = calendarDay(dueDate);
  const now = calendarDay(today);
  if (due === null || now === null) return { kind: "none" };
  const days = Math.round(due - now);
  if (days < 0) return { kind: "overdue", days: -days };
  if (days === 0) return { kind: "today" };
  return { kind: "upcoming", days };
}

export function dueStatusLabel(status: DueStatus): string | null {
  if (status.kind === "overdue") return `Overdue by ${status.days} ${status.days === 1 ? "day" : "days"}`;
  if (status.kind === "today") return "Due today";
  return null;
}

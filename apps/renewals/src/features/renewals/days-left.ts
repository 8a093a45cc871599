/** "Today", "1 day", "12 days"; overdue renewals read "Today" until they are processed. */
export function daysLeftLabel(days: number | null): string {
  if (days === null) return "—";
  if (days <= 0) return "Today";
  return days === 1 ? "1 day" : `${days} days`;
}

import { screen, within } from "@testing-library/react";
import { expect } from "vitest";
import { type NotificationItem, unreadBadgeText } from "./NotificationBell.tsx";

/** For stories.test.tsx: what every "Work/NotificationBell" story must show. */
export function checkNotificationBellStory({ args }: { name: string; args: Record<string, unknown> }): void {
  const unread = Number(args.unread ?? 0);
  const items = (args.items as NotificationItem[] | undefined) ?? [];
  const bell = screen.getByRole("button", {
    name: unread > 0 ? `Notifications, ${unread} unread` : "Notifications",
  });
  expect(bell.textContent).toBe(unreadBadgeText(unread) ?? "");
  const dialog = screen.queryByRole("dialog", { name: "Notifications" });
  expect(bell.getAttribute("aria-expanded")).toBe(dialog ? "true" : "false");
  if (!dialog) return;
  if (args.loading) expect(within(dialog).getByRole("status").textContent).toBe("Loading notifications…");
  else if (args.error) expect(within(dialog).getByRole("alert")).toBeTruthy();
  else if (items.length === 0) expect(within(dialog).getByText("You're all caught up")).toBeTruthy();
  else expect(within(dialog).getAllByRole("listitem")).toHaveLength(items.length);
}

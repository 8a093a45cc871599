import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fixtureNow, notificationFixtures } from "./fixtures.tsx";
import { NotificationBell, type NotificationItem, unreadBadgeText } from "./NotificationBell.tsx";
import { relativeTime } from "./relativeTime.ts";

function renderBell(props: Partial<Parameters<typeof NotificationBell>[0]> = {}) {
  const user = userEvent.setup();
  const view = render(
    <div>
      <p>Elsewhere on the page</p>
      <NotificationBell unread={2} items={notificationFixtures} now={fixtureNow} {...props} />
    </div>,
  );
  return { user, ...view };
}

describe("NotificationBell", () => {
  it("labels the bell with the unread count and caps the badge at 99+", () => {
    const { rerender } = renderBell({ unread: 3 });
    const bell = screen.getByRole("button", { name: "Notifications, 3 unread" });
    expect(bell.textContent).toBe("3");
    rerender(<NotificationBell unread={0} items={[]} />);
    expect(screen.getByRole("button", { name: "Notifications" }).textContent).toBe("");
    expect(unreadBadgeText(100)).toBe("99+");
    expect(unreadBadgeText(99)).toBe("99");
  });

  it("opens on click, closes on Escape and returns focus to the bell", async () => {
    const onOpenChange = vi.fn<(open: boolean) => void>();
    const { user } = renderBell({ onOpenChange });
    const bell = screen.getByRole("button", { name: "Notifications, 2 unread" });
    await user.click(bell);
    expect(bell.getAttribute("aria-expanded")).toBe("true");
    const panel = screen.getByRole("dialog", { name: "Notifications" });
    expect(document.activeElement).toBe(panel);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(bell);
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it("closes on a click outside", async () => {
    const { user } = renderBell({ defaultOpen: true });
    expect(screen.getByRole("dialog")).toBeTruthy();
    await user.click(screen.getByText("Elsewhere on the page"));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("lists messages with account, relative time, unread state and the reason", async () => {
    const onOpen = vi.fn<(item: NotificationItem) => void>();
    const { user } = renderBell({ defaultOpen: true, onOpen });
    const dialog = screen.getByRole("dialog");
    const first = within(dialog).getByRole("button", { name: /Acme Robotics moved to 2\. Adopting/ });
    expect(first.textContent).toContain("Unread: ");
    expect(first.textContent).toContain("5 minutes ago");
    const read = within(dialog).getByRole("button", { name: /Dana Scott assigned you a task/ });
    expect(read.textContent).not.toContain("Unread");
    expect(read.textContent).toContain("Mar 2, 2026");
    expect(within(dialog).getAllByText("Why?")).toHaveLength(2);
    expect(dialog.textContent).toContain("MAU reached 42% of seats");

    await user.click(first);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("marks all read, and offers nothing to mark when all is read", async () => {
    const onMarkAllRead = vi.fn();
    const { user, rerender } = renderBell({ defaultOpen: true, onMarkAllRead });
    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    expect(onMarkAllRead).toHaveBeenCalledTimes(1);
    rerender(<NotificationBell unread={0} items={[]} defaultOpen onMarkAllRead={onMarkAllRead} />);
    expect((screen.getByRole("button", { name: "Mark all read" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("You're all caught up")).toBeTruthy();
  });

  it("says how long ago in words", () => {
    expect(relativeTime("2026-03-16T11:59:50Z", fixtureNow)).toBe("just now");
    expect(relativeTime("2026-03-16T09:00:00Z", fixtureNow)).toBe("3 hours ago");
    expect(relativeTime("2026-03-15T09:00:00Z", fixtureNow)).toBe("yesterday");
    expect(relativeTime("2026-01-15T09:00:00Z", fixtureNow)).toBe("Jan 15, 2026");
  });
});

import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { fixtureNow, notificationFixtures } from "./fixtures.tsx";
import { NotificationBell } from "./NotificationBell.tsx";

const meta = {
  title: "Work/NotificationBell",
  component: NotificationBell,
  args: {
    unread: 2,
    items: notificationFixtures,
    now: fixtureNow,
    onOpenChange: fn(),
    onMarkAllRead: fn(),
    onOpen: fn(),
  },
  // Room for the popover below the bell.
  decorators: [
    (Story) => (
      <div style={{ minHeight: "26rem", display: "flex", justifyContent: "flex-end" }}>{Story()}</div>
    ),
  ],
} satisfies Meta<typeof NotificationBell>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

export const Open: Story = { args: { defaultOpen: true } };

export const NoUnread: Story = {
  args: {
    unread: 0,
    items: notificationFixtures.map((item) => ({ ...item, readAt: item.readAt ?? fixtureNow })),
  },
};

export const ManyUnread: Story = { args: { unread: 240 } };

export const Empty: Story = { args: { unread: 0, items: [], defaultOpen: true } };

export const Loading: Story = { args: { items: [], loading: true, defaultOpen: true } };

export const LoadError: Story = {
  args: { items: [], error: "Notifications are unavailable.", onRetry: fn(), defaultOpen: true },
};

export const LongText: Story = {
  args: {
    unread: 1,
    defaultOpen: true,
    items: [
      {
        id: 9,
        message:
          "Juniper Retail Group International Holdings (EMEA and APAC subsidiaries) has a renewal in 45 days without an agreed support level, an economic buyer or a completed renewal prep project",
        accountId: "a9",
        accountName: "Juniper Retail Group International Holdings (EMEA and APAC subsidiaries)",
        ruleId: "R-3",
        reason:
          "Renewal on Jun 14, 2026 is 45 days away; the support level (A-3) is not set; the renewal prep project has 4 of 11 tasks done, 3 of them overdue by more than a week.",
        createdAt: "2026-03-15T12:00:00Z",
        readAt: null,
      },
    ],
  },
};

/** Open with the button, then Escape: the panel closes and focus is back on the bell. */
export const KeyboardOpenAndEscape: Story = {
  play: async ({ canvas, args }) => {
    const bell = canvas.getByRole("button", { name: "Notifications, 2 unread" });
    await userEvent.click(bell);
    await expect(canvas.getByRole("dialog", { name: "Notifications" })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(bell).toHaveFocus();
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
  },
};

import { notificationMutations, notificationQueries } from "@keel/client";
import { NotificationBell } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";

/** The in-product feed in the nav (SPEC §12): unread count always, the list when opened. */
export function NotificationsMenu() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ ...notificationQueries.unreadCount(), refetchInterval: 60_000 });
  const list = useQuery({ ...notificationQueries.list({ pageSize: 20 }), enabled: open });
  const read = useMutation(notificationMutations.read(queryClient));
  const readAll = useMutation(notificationMutations.readAll(queryClient));
  return (
    <NotificationBell
      unread={unread.data?.unread ?? 0}
      items={list.data?.items ?? []}
      loading={open && list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      open={open}
      onOpenChange={setOpen}
      onMarkAllRead={() => readAll.mutate()}
      markingAllRead={readAll.isPending}
      onOpen={(item) => {
        if (!item.readAt) read.mutate(item.id);
        if (item.accountId) navigate(`/accounts/${item.accountId}`);
      }}
    />
  );
}

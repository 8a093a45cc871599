import { taskMutations } from "@keel/client";
import type { TaskListItem } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

type ToggleableTask = TaskListItem & { version: number };

/**
 * M-1: complete or reopen a task (If-Match on its version); every task list refreshes after.
 * `tasks` are the API's tasks the list shows: the list hands back its own item, the version is
 * looked up here.
 */
export function useToggleTask(tasks: readonly ToggleableTask[] | undefined) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const update = taskMutations.update(queryClient);
  // Hook-level callbacks, not mutate()'s: several tasks may be in flight at once, and mutate()'s
  // callbacks only fire for the latest call. The factory's invalidation runs first.
  const toggle = useMutation({
    ...update,
    onMutate: ({ id }) => setPending((ids) => new Set(ids).add(id)),
    onSettled: async (...settled) => {
      await update.onSettled?.(...settled);
      const { id } = settled[2];
      setPending((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    },
  });
  const onToggle = (item: TaskListItem) => {
    const task = tasks?.find((t) => t.id === item.id);
    if (task) {
      toggle.mutate({
        id: task.id,
        accountId: task.accountId,
        version: task.version,
        patch: { status: task.status === "open" ? "done" : "open" },
      });
    }
  };
  return { onToggle, pending, error: toggle.error };
}

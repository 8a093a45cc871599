import { taskMutations, workQueryKeys } from "@keel/client";
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
  const toggle = useMutation({
    mutationFn: (task: ToggleableTask) =>
      taskMutations.update({
        id: task.id,
        version: task.version,
        patch: { status: task.status === "open" ? "done" : "open" },
      }),
    onMutate: (task) => setPending((ids) => new Set(ids).add(task.id)),
    onSettled: async (_answer, _error, task) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workQueryKeys.tasks.all }),
        queryClient.invalidateQueries({ queryKey: ["accounts", "detail", task.accountId] }),
      ]);
      setPending((ids) => {
        const next = new Set(ids);
        next.delete(task.id);
        return next;
      });
    },
  });
  const onToggle = (item: TaskListItem) => {
    const task = tasks?.find((t) => t.id === item.id);
    if (task) toggle.mutate(task);
  };
  return { onToggle, pending, error: toggle.error };
}

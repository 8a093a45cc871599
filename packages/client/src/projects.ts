import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, unwrap } from "./http.ts";
import { taskKeys } from "./tasks.ts";

/** An account's projects sit under the account; the templates to start one from have their own root. */
export const projectKeys = {
  account: (accountId: string) => [...accountKeys.detail(accountId), "projects"] as const,
  templates: ["project-templates"] as const,
};

export const projectQueries = {
  account: (accountId: string) =>
    queryOptions({
      queryKey: projectKeys.account(accountId),
      queryFn: async () => unwrap(await api.accounts[":id"].projects.$get({ param: { id: accountId } })),
    }),
  templates: () =>
    queryOptions({
      queryKey: projectKeys.templates,
      queryFn: async () => unwrap(await api["project-templates"].$get()),
      staleTime: 5 * 60_000,
    }),
};

export const projectMutations = {
  /** M-2: a project from a template, with its tasks; invalidates the account and every task list. */
  create: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        accountId,
        templateId,
        startDate,
      }: {
        accountId: string;
        templateId: string;
        startDate?: string;
      }) =>
        unwrap(
          await api.accounts[":id"].projects.$post({
            param: { id: accountId },
            json: startDate === undefined ? { templateId } : { templateId, startDate },
          }),
        ),
      onSuccess: (_project, { accountId }) =>
        invalidate(queryClient, [accountKeys.detail(accountId), taskKeys.all]),
    }),
};

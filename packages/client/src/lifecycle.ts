import type { SupportLevel, TeamRole } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, ifMatch, unwrap } from "./http.ts";

/** An account's stage history (L-6) sits under the account. */
export const lifecycleKeys = {
  stageHistory: (accountId: string) => [...accountKeys.detail(accountId), "stage-history"] as const,
};

export const lifecycleQueries = {
  stageHistory: (accountId: string) =>
    queryOptions({
      queryKey: lifecycleKeys.stageHistory(accountId),
      queryFn: async () =>
        unwrap(await api.accounts[":id"]["stage-history"].$get({ param: { id: accountId } })),
    }),
};

/** Both edit the account (If-Match on its version): they invalidate the account and every account list. */
export const lifecycleMutations = {
  /** A-3 T-45: leadership sets the support level. */
  setSupportLevel: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        accountId,
        version,
        supportLevel,
      }: {
        accountId: string;
        version: number;
        supportLevel: SupportLevel;
      }) =>
        unwrap(
          await api.accounts[":id"]["support-level"].$put({
            param: { id: accountId },
            header: ifMatch(version),
            json: { supportLevel },
          }),
        ),
      onSuccess: (_account, { accountId }) =>
        invalidate(queryClient, [accountKeys.detail(accountId), accountKeys.lists()]),
    }),
  /** assign or empty a team seat. */
  assignSeat: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        accountId,
        version,
        role,
        userId,
      }: {
        accountId: string;
        version: number;
        role: TeamRole;
        userId: string | null;
      }) =>
        unwrap(
          await api.accounts[":id"].team[":role"].$put({
            param: { id: accountId, role },
            header: ifMatch(version),
            json: { userId },
          }),
        ),
      onSuccess: (_account, { accountId }) =>
        invalidate(queryClient, [accountKeys.detail(accountId), accountKeys.lists()]),
    }),
};

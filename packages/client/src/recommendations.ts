import { queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { api, unwrap } from "./http.ts";

/** SPEC §10 recommendations: a TA's list has its own root, one account's sits under the account. */
export const recommendationKeys = {
  all: ["recommendations"] as const,
  lists: () => [...recommendationKeys.all, "list"] as const,
  list: (ta: string) => [...recommendationKeys.lists(), ta] as const,
  account: (accountId: string) => [...accountKeys.detail(accountId), "recommendations"] as const,
};

export const recommendationQueries = {
  /** `ta` is "me" or a user id. */
  mine: (ta = "me") =>
    queryOptions({
      queryKey: recommendationKeys.list(ta),
      queryFn: async () => unwrap(await api.recommendations.$get({ query: { ta } })),
    }),
  account: (accountId: string) =>
    queryOptions({
      queryKey: recommendationKeys.account(accountId),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].recommendations.$get({ param: { id: accountId } })),
    }),
};

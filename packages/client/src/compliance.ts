import { queryOptions } from "@tanstack/react-query";
import { api, toQuery, unwrap } from "./http.ts";

/** X-6 compliance lists: one TA's, or the whole book's when no TA is named. */
export const complianceKeys = {
  all: ["compliance"] as const,
  list: (ta?: string) => [...complianceKeys.all, ta ?? "book"] as const,
};

export const complianceQueries = {
  list: (ta?: string) =>
    queryOptions({
      queryKey: complianceKeys.list(ta),
      queryFn: async () => unwrap(await api.compliance.$get({ query: toQuery({ ta }) })),
    }),
};

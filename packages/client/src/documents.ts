import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, ifMatch, unwrap } from "./http.ts";

export type DocumentSectionInput = { id: string; heading: string; body: string };

/** An account's document list sits under the account; a document has its own root. */
export const documentKeys = {
  all: ["documents"] as const,
  account: (accountId: string) => [...accountKeys.detail(accountId), "documents"] as const,
  detail: (id: string) => [...documentKeys.all, "detail", id] as const,
  version: (id: string, version: number) => [...documentKeys.detail(id), "version", version] as const,
};

export const documentQueries = {
  account: (accountId: string) =>
    queryOptions({
      queryKey: documentKeys.account(accountId),
      queryFn: async () => unwrap(await api.accounts[":id"].documents.$get({ param: { id: accountId } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: documentKeys.detail(id),
      queryFn: async () => unwrap(await api.documents[":id"].$get({ param: { id } })),
    }),
  /** A kept version never changes. */
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: documentKeys.version(id, version),
      queryFn: async () =>
        unwrap(
          await api.documents[":id"].versions[":version"].$get({ param: { id, version: String(version) } }),
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export const documentMutations = {
  /** A document from a template; invalidates the account's document list. */
  create: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ accountId, templateId }: { accountId: string; templateId: string }) =>
        unwrap(await api.accounts[":id"].documents.$post({ param: { id: accountId }, json: { templateId } })),
      onSuccess: (_document, { accountId }) => invalidate(queryClient, [documentKeys.account(accountId)]),
    }),
  /**
   * Saves a new version; `version` is the document's `version` (If-Match). The answer goes into
   * the document's detail, then its account (the document list) is invalidated.
   */
  save: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        version,
        document,
      }: {
        id: string;
        version: number;
        document: { title: string; sections: DocumentSectionInput[] };
      }) =>
        unwrap(await api.documents[":id"].$put({ param: { id }, header: ifMatch(version), json: document })),
      onSuccess: (saved) => {
        queryClient.setQueryData(documentKeys.detail(saved.id), saved);
        return invalidate(queryClient, [accountKeys.detail(saved.accountId)]);
      },
    }),
};

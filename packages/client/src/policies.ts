import type { HealthPolicyDocument, HealthPolicyDraft } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { healthKeys } from "./health.ts";
import { api, ifMatch, unwrap } from "./http.ts";

/** Health policies (H-1, X-2, X-3, X-8). */
export const policyKeys = {
  all: ["health-policies"] as const,
  /** Every version, drafts included: one list, no filters. */
  list: () => [...policyKeys.all, "list"] as const,
  detail: (version: number) => [...policyKeys.all, "detail", version] as const,
};

const listPolicies = () =>
  queryOptions({
    queryKey: policyKeys.list(),
    queryFn: async () => unwrap(await api.health.policies.$get()),
  });

export const policyQueries = {
  list: listPolicies,
  /**
   * The policy scoring accounts today (H-3 bands, weights), or null before the first publish.
   * The list's key with a `select`: one request serves the list page and every health card.
   */
  inForce: () =>
    queryOptions({
      ...listPolicies(),
      select: (answer) => answer.items.find((item) => item.inForce) ?? null,
    }),
  detail: (version: number) =>
    queryOptions({
      queryKey: policyKeys.detail(version),
      queryFn: async () =>
        unwrap(await api.health.policies[":version"].$get({ param: { version: String(version) } })),
    }),
};

export const policyMutations = {
  /** A new draft; invalidates the policy list. */
  createDraft: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (draft: HealthPolicyDraft) =>
        unwrap(await api.health.policies.$post({ json: draft })),
      onSuccess: () => invalidate(queryClient, [policyKeys.all]),
    }),
  /**
   * Save a draft; `revision` is the draft's `revision` (If-Match). The answer goes into the
   * draft's detail, then the policy list is invalidated.
   */
  updateDraft: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        version,
        revision,
        draft,
      }: {
        version: number;
        revision: number;
        draft: HealthPolicyDraft;
      }) =>
        unwrap(
          await api.health.policies[":version"].$put({
            param: { version: String(version) },
            header: ifMatch(revision),
            json: draft,
          }),
        ),
      onSuccess: (saved) => {
        queryClient.setQueryData(policyKeys.detail(saved.version), saved);
        return invalidate(queryClient, [policyKeys.all]);
      },
    }),
  /** What-if over the whole book; pass `draft` to preview unsaved edits. Writes nothing, invalidates nothing. */
  preview: () =>
    mutationOptions({
      mutationFn: async ({
        version,
        draft,
        limit,
      }: {
        version: number;
        draft?: HealthPolicyDraft;
        limit?: number;
      }) =>
        unwrap(
          await api.health.policies[":version"].preview.$post({
            param: { version: String(version) },
            query: limit === undefined ? {} : { limit: String(limit) },
            json: draft ? { policy: draft } : {},
          }),
        ),
    }),
  /**
   * Publish (admin): in force from today and the whole book is rescored (see
   * `recompute.status`), so policies, every account and book-wide health are invalidated.
   */
  publish: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (version: number) =>
        unwrap(await api.health.policies[":version"].publish.$post({ param: { version: String(version) } })),
      onSuccess: () => invalidate(queryClient, [policyKeys.all, accountKeys.all, healthKeys.all]),
    }),
  /** X-8 config as code: the policy as a file. Reads only, invalidates nothing. */
  export: () =>
    mutationOptions({
      mutationFn: async (version: number) =>
        unwrap(await api.health.policies[":version"].export.$get({ param: { version: String(version) } })),
    }),
  /** a policy file becomes a new draft; invalidates the policy list. */
  import: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (document: HealthPolicyDocument) =>
        unwrap(await api.health.policies.import.$post({ json: document })),
      onSuccess: () => invalidate(queryClient, [policyKeys.all]),
    }),
};

import type { SupportLevel, TeamRole } from "@keel/domain";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./http.ts";
import { queryKeys } from "./queries.ts";

/** Issue 4: lifecycle (L-6), playbooks, §10 recommendations and X-6 lists. */
export const automationKeys = {
  stageHistory: (accountId: string) => [...queryKeys.accounts.detail(accountId), "stage-history"] as const,
  accountRecommendations: (accountId: string) =>
    [...queryKeys.accounts.detail(accountId), "recommendations"] as const,
  recommendations: (ta: string) => ["recommendations", ta] as const,
  compliance: (ta?: string) => ["compliance", ta ?? "book"] as const,
  playbooks: {
    all: ["playbooks"] as const,
    list: () => [...automationKeys.playbooks.all, "list"] as const,
    detail: (id: string, version?: number) =>
      [...automationKeys.playbooks.all, "detail", id, version ?? "newest"] as const,
    dryRun: (filters: DryRunFilters) => [...automationKeys.playbooks.all, "dry-run", filters] as const,
    firings: (filters: FiringFilters) => [...automationKeys.playbooks.all, "firings", filters] as const,
  },
};

export type DryRunFilters = {
  accountId?: string;
  scope?: "mine" | "book";
  date?: string;
  includeFired?: boolean;
};
export type FiringFilters = { accountId?: string; playbookId?: string; limit?: number };

const defined = (values: Record<string, string | number | boolean | undefined>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );

export const lifecycleQueries = {
  stageHistory: (accountId: string) =>
    queryOptions({
      queryKey: automationKeys.stageHistory(accountId),
      queryFn: async () =>
        unwrap(await api.accounts[":id"]["stage-history"].$get({ param: { id: accountId } })),
    }),
};

export const lifecycleMutations = {
  /** A-3 T-45; `version` is the account's version (If-Match). */
  setSupportLevel: async ({
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
        header: { "if-match": `"${version}"` },
        json: { supportLevel },
      }),
    ),
  /** assign or empty a team seat. */
  assignSeat: async ({
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
        header: { "if-match": `"${version}"` },
        json: { userId },
      }),
    ),
};

export const recommendationQueries = {
  mine: (ta = "me") =>
    queryOptions({
      queryKey: automationKeys.recommendations(ta),
      queryFn: async () => unwrap(await api.recommendations.$get({ query: { ta } })),
    }),
  account: (accountId: string) =>
    queryOptions({
      queryKey: automationKeys.accountRecommendations(accountId),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].recommendations.$get({ param: { id: accountId } })),
    }),
  compliance: (ta?: string) =>
    queryOptions({
      queryKey: automationKeys.compliance(ta),
      queryFn: async () => unwrap(await api.compliance.$get({ query: defined({ ta }) })),
    }),
};

export const playbookQueries = {
  list: () =>
    queryOptions({
      queryKey: automationKeys.playbooks.list(),
      queryFn: async () => unwrap(await api.playbooks.$get()),
    }),
  detail: (id: string, version?: number) =>
    queryOptions({
      queryKey: automationKeys.playbooks.detail(id, version),
      queryFn: async () =>
        unwrap(await api.playbooks[":id"].$get({ param: { id }, query: defined({ version }) })),
    }),
  dryRun: (filters: DryRunFilters) =>
    queryOptions({
      queryKey: automationKeys.playbooks.dryRun(filters),
      queryFn: async () => unwrap(await api.playbooks["dry-run"].$get({ query: defined(filters) })),
    }),
  firings: (filters: FiringFilters) =>
    queryOptions({
      queryKey: automationKeys.playbooks.firings(filters),
      queryFn: async () => unwrap(await api.playbooks.firings.$get({ query: defined(filters) })),
    }),
};

export const playbookMutations = {
  export: async () => unwrap(await api.playbooks.export.$get()),
  import: async (file: Record<string, unknown>) => unwrap(await api.playbooks.import.$post({ json: file })),
};

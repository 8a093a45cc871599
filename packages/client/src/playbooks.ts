import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { invalidate } from "./cache.ts";
import { api, toQuery, unwrap } from "./http.ts";
import { projectKeys } from "./projects.ts";
import { templateKeys } from "./templates.ts";

export type DryRunFilters = {
  accountId?: string;
  scope?: "mine" | "book";
  date?: string;
  includeFired?: boolean;
};
export type FiringFilters = { accountId?: string; playbookId?: string; limit?: number };

/** Playbooks, their dry runs and their firings, under one root. */
export const playbookKeys = {
  all: ["playbooks"] as const,
  list: () => [...playbookKeys.all, "list"] as const,
  detail: (id: string, version?: number) => [...playbookKeys.all, "detail", id, version ?? "newest"] as const,
  dryRun: (filters: DryRunFilters) => [...playbookKeys.all, "dry-run", filters] as const,
  firings: (filters: FiringFilters) => [...playbookKeys.all, "firings", filters] as const,
};

export const playbookQueries = {
  list: () =>
    queryOptions({
      queryKey: playbookKeys.list(),
      queryFn: async () => unwrap(await api.playbooks.$get()),
    }),
  detail: (id: string, version?: number) =>
    queryOptions({
      queryKey: playbookKeys.detail(id, version),
      queryFn: async () =>
        unwrap(await api.playbooks[":id"].$get({ param: { id }, query: toQuery({ version }) })),
    }),
  dryRun: (filters: DryRunFilters) =>
    queryOptions({
      queryKey: playbookKeys.dryRun(filters),
      queryFn: async () => unwrap(await api.playbooks["dry-run"].$get({ query: toQuery(filters) })),
    }),
  firings: (filters: FiringFilters) =>
    queryOptions({
      queryKey: playbookKeys.firings(filters),
      queryFn: async () => unwrap(await api.playbooks.firings.$get({ query: toQuery(filters) })),
    }),
};

export const playbookMutations = {
  /** X-8 config as code: every playbook as one file. Reads only, invalidates nothing. */
  export: () =>
    mutationOptions({
      mutationFn: async () => unwrap(await api.playbooks.export.$get()),
    }),
  /**
   * a playbooks file saved as new versions, with the document and project templates it
   * carries; invalidates every playbook and both kinds of template.
   */
  import: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (file: Record<string, unknown>) =>
        unwrap(await api.playbooks.import.$post({ json: file })),
      onSuccess: () => invalidate(queryClient, [playbookKeys.all, templateKeys.all, projectKeys.templates]),
    }),
};

import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { invalidate } from "./cache.ts";
import type { DocumentSectionInput } from "./documents.ts";
import { api, unwrap } from "./http.ts";

export type DocumentTemplateInput = {
  id: string;
  name: string;
  source: string;
  title: string;
  sections: DocumentSectionInput[];
};

/** Document templates (SPEC §12) and the variables they may use. */
export const templateKeys = {
  all: ["templates"] as const,
  list: () => [...templateKeys.all, "list"] as const,
  detail: (id: string) => [...templateKeys.all, "detail", id] as const,
  version: (id: string, version: number) => [...templateKeys.detail(id), "version", version] as const,
  variables: ["template-variables"] as const,
};

export const templateQueries = {
  list: () =>
    queryOptions({
      queryKey: templateKeys.list(),
      queryFn: async () => unwrap(await api.templates.$get()),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: templateKeys.detail(id),
      queryFn: async () => unwrap(await api.templates[":id"].$get({ param: { id } })),
    }),
  /** A kept version never changes. */
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: templateKeys.version(id, version),
      queryFn: async () =>
        unwrap(
          await api.templates[":id"].versions[":version"].$get({ param: { id, version: String(version) } }),
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  variables: () =>
    queryOptions({
      queryKey: templateKeys.variables,
      queryFn: async () => unwrap(await api["template-variables"].$get()),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export const templateMutations = {
  /**
   * Admin: saved as the next version; unknown variables answer 422 with `details[].path`.
   * Invalidates every template.
   */
  save: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (template: DocumentTemplateInput) =>
        unwrap(await api.templates[":id"].$put({ param: { id: template.id }, json: template })),
      onSuccess: () => invalidate(queryClient, [templateKeys.all]),
    }),
};

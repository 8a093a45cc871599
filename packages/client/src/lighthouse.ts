import type { EnrolmentSource, EnrolmentState, ManualEvidence, SavePlanInput } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate, type QueryData } from "./cache.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";
import { taskKeys } from "./tasks.ts";

export type EnrolmentSort = "enteredAt" | "account" | "lastUpdate" | "arr" | "renewalDate" | "criteria";

/** The master list's filters (GET /lighthouse/enrolments). */
export type EnrolmentListFilters = {
  status?: "open" | "exited" | "all";
  state?: EnrolmentState;
  source?: EnrolmentSource;
  /** "mine": accounts where you hold a seat or that you sponsor. */
  owner?: string;
  q?: string;
  accountId?: string;
  sort?: EnrolmentSort;
  order?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

export const lighthouseKeys = {
  all: ["lighthouse"] as const,
  lists: () => [...lighthouseKeys.all, "list"] as const,
  list: (filters: EnrolmentListFilters) => [...lighthouseKeys.lists(), filters] as const,
  detail: (id: string) => [...lighthouseKeys.all, "detail", id] as const,
  agendas: () => [...lighthouseKeys.all, "agenda"] as const,
  agenda: (date: string) => [...lighthouseKeys.agendas(), date] as const,
  syncs: () => [...lighthouseKeys.all, "syncs"] as const,
  metrics: () => [...lighthouseKeys.all, "metrics"] as const,
};

export const lighthouseQueries = {
  list: (filters: EnrolmentListFilters) =>
    queryOptions({
      queryKey: lighthouseKeys.list(filters),
      queryFn: async () => unwrap(await api.lighthouse.enrolments.$get({ query: toQuery(filters) })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: lighthouseKeys.detail(id),
      queryFn: async () => unwrap(await api.lighthouse.enrolments[":id"].$get({ param: { id } })),
    }),
  /** LH-4: the sync's agenda for a day (JSON; the Markdown is in it). */
  agenda: (date: string) =>
    queryOptions({
      queryKey: lighthouseKeys.agenda(date),
      queryFn: async () => unwrap(await api.lighthouse.agenda.$get({ query: { date } })),
    }),
  syncs: () =>
    queryOptions({
      queryKey: lighthouseKeys.syncs(),
      queryFn: async () => unwrap(await api.lighthouse.syncs.$get()),
    }),
  metrics: () =>
    queryOptions({
      queryKey: lighthouseKeys.metrics(),
      queryFn: async () => unwrap(await api.lighthouse.metrics.$get()),
    }),
};

export type EnrolmentDetail = QueryData<ReturnType<typeof lighthouseQueries.detail>>;
export type EnrolmentPage = QueryData<ReturnType<typeof lighthouseQueries.list>>;
export type EnrolmentSummary = EnrolmentPage["items"][number];
export type LighthouseAgenda = QueryData<ReturnType<typeof lighthouseQueries.agenda>>;

/** Every write answers the enrolment: it goes into the detail; lists, agenda and metrics refresh. */
function enrolmentSaved(queryClient: QueryClient) {
  return (enrolment: EnrolmentDetail) => {
    queryClient.setQueryData(lighthouseKeys.detail(enrolment.id), enrolment);
    return invalidate(queryClient, [
      lighthouseKeys.lists(),
      lighthouseKeys.agendas(),
      lighthouseKeys.metrics(),
      accountKeys.detail(enrolment.accountId),
      taskKeys.all,
    ]);
  };
}

type VersionedWrite<Body> = { id: string; version: number; body: Body };

export const lighthouseMutations = {
  /** LH-1: enter an account by hand, with a reason. */
  enter: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (body: { accountId: string; reason: string }) =>
        unwrap(await api.lighthouse.enrolments.$post({ json: body })),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-2: the save plan (If-Match). */
  savePlan: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, body }: VersionedWrite<SavePlanInput>) =>
        unwrap(
          await api.lighthouse.enrolments[":id"]["save-plan"].$put({
            param: { id },
            header: ifMatch(version),
            json: body,
          }),
        ),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-2: a manual criterion marked met (If-Match). */
  evidence: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        criterionId,
        version,
        body,
      }: VersionedWrite<ManualEvidence> & { criterionId: string }) =>
        unwrap(
          await api.lighthouse.enrolments[":id"].criteria[":criterionId"].evidence.$put({
            param: { id, criterionId },
            header: ifMatch(version),
            json: body,
          }),
        ),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-4: the weekly update (appended). */
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        body,
      }: {
        id: string;
        body: { progress: string; blockers?: string; risks?: string; asks?: string };
      }) => unwrap(await api.lighthouse.enrolments[":id"].updates.$post({ param: { id }, json: body })),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-3: the exec sponsor (If-Match). */
  sponsor: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, body }: VersionedWrite<{ sponsorId: string }>) =>
        unwrap(
          await api.lighthouse.enrolments[":id"].$patch({
            param: { id },
            header: ifMatch(version),
            json: body,
          }),
        ),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-5: approve the exit for your leadership (If-Match). */
  approveExit: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version }: { id: string; version: number }) =>
        unwrap(
          await api.lighthouse.enrolments[":id"]["exit-approvals"].$post({
            param: { id },
            header: ifMatch(version),
          }),
        ),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-5: end a stay that was not a save — churned or withdrawn — with a note (If-Match). */
  close: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        version,
        body,
      }: VersionedWrite<{ outcome: "churned" | "withdrawn"; note: string }>) =>
        unwrap(
          await api.lighthouse.enrolments[":id"].exit.$post({
            param: { id },
            header: ifMatch(version),
            json: body,
          }),
        ),
      onSuccess: enrolmentSaved(queryClient),
    }),
  /** LH-4: record a sync held (its agenda is kept; new plans count as presented). */
  recordSync: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (body: { heldOn: string; attendeeIds: string[]; post: boolean }) =>
        unwrap(await api.lighthouse.syncs.$post({ json: body })),
      onSuccess: () => invalidate(queryClient, [lighthouseKeys.all]),
    }),
};

// The typed API client and its TanStack Query factories: one file per resource, each with
//   - `<resource>Keys`: the key hierarchy `all → lists → list(filters) → detail(id)` (what a
//     resource needs of it). Whatever belongs to one account sits under `accountKeys.detail(id)`,
//     so invalidating an account refreshes every card of its page.
//   - `<resource>Queries`: `queryOptions` factories, for `useQuery`, `fetchQuery`, loaders.
//   - `<resource>Mutations`: `mutationOptions` factories that take the `QueryClient` and whose
//     `onSuccess` (or `onSettled`, where a failure may mean stale data) invalidates the keys
//     named in their doc comment and returns that promise:
//       const save = useMutation(contactMutations.update(queryClient));
//       save.mutate(input, { onSuccess: () => showNotice() });
//     Screen effects (notices, navigation) go in `mutate()`'s callbacks, which run once the
//     invalidated queries are refetched. Spreading a factory and replacing its `onSuccess`
//     drops the invalidation: call the factory's own from yours if you must (use-toggle-task).
// Components never write a key array: they take keys from here.
//
// Writes to editable records send `ifMatch(version)`; list filters become the query string
// through `toQuery` (and `searchString` for links).

import { accountKeys } from "./accounts.ts";
import { churnRetroKeys } from "./churn-retros.ts";
import { complianceKeys } from "./compliance.ts";
import { contactKeys } from "./contacts.ts";
import { documentKeys } from "./documents.ts";
import { healthKeys } from "./health.ts";
import { lifecycleKeys } from "./lifecycle.ts";
import { lighthouseKeys } from "./lighthouse.ts";
import { notificationKeys } from "./notifications.ts";
import { playbookKeys } from "./playbooks.ts";
import { policyKeys } from "./policies.ts";
import { projectKeys } from "./projects.ts";
import { recommendationKeys } from "./recommendations.ts";
import { renewalKeys } from "./renewals.ts";
import { sessionKeys } from "./session.ts";
import { taskKeys } from "./tasks.ts";
import { templateKeys } from "./templates.ts";
import { userKeys } from "./users.ts";

export * from "./accounts.ts";
export { invalidate, type MutationData, type QueryData } from "./cache.ts";
export * from "./churn-retros.ts";
export * from "./compliance.ts";
export * from "./contacts.ts";
export * from "./documents.ts";
export * from "./health.ts";
export {
  ApiRequestError,
  api,
  authApi,
  ifMatch,
  isApiRequestError,
  searchString,
  setApiBaseUrl,
  toQuery,
  unwrap,
} from "./http.ts";
export * from "./lifecycle.ts";
export * from "./lighthouse.ts";
export * from "./notifications.ts";
export * from "./playbooks.ts";
export * from "./policies.ts";
export * from "./projects.ts";
export * from "./recommendations.ts";
export * from "./renewals.ts";
export * from "./session.ts";
export * from "./tasks.ts";
export * from "./templates.ts";
export * from "./users.ts";

/** Every resource's keys in one tree, for code that spans resources (sign-out, the session guard). */
export const queryKeys = {
  me: sessionKeys.me,
  users: userKeys,
  accounts: accountKeys,
  contacts: contactKeys,
  health: healthKeys,
  policies: policyKeys,
  tasks: taskKeys,
  projects: projectKeys,
  documents: documentKeys,
  templates: templateKeys,
  notifications: notificationKeys,
  lifecycle: lifecycleKeys,
  recommendations: recommendationKeys,
  compliance: complianceKeys,
  playbooks: playbookKeys,
  renewals: renewalKeys,
  churnRetros: churnRetroKeys,
  lighthouse: lighthouseKeys,
};

// The package's surface: the service verbs (one per file, `verbEntity(ctx, input)`), the context
// and error every verb shares, the authorization helpers routes check reads with, and the entry
// points of system work (sweeps, the lease they run under, webhook delivery). Helpers that only
// verbs use (views, audit, engine internals) are not listed.
export * from "./accounts/assign-team-seat.ts";
export * from "./accounts/get-account.ts";
export * from "./accounts/list-accounts.ts";
export * from "./accounts/set-support-level.ts";
export { generateApiKey } from "./api-keys/api-key-secret.ts";
export * from "./api-keys/authenticate-api-key.ts";
export * from "./api-keys/create-api-key.ts";
export * from "./api-keys/list-api-keys.ts";
export * from "./api-keys/revoke-api-key.ts";
export * from "./authorization/authorize.ts";
export { loadAccountStates } from "./automation/account-state.ts";
export { ensureBuiltinPlaybooks } from "./automation/catalog.ts";
export {
  type AccountPlan,
  type EvaluateResult,
  evaluateAccounts,
  planAutomation,
} from "./automation/engine.ts";
export * from "./automation/run-playbook-sweep.ts";
export { notifyUsers } from "./automation/work.ts";
export * from "./compliance/list-compliance-lists.ts";
export * from "./contacts/list-account-contacts.ts";
export * from "./contacts/list-contacts.ts";
export * from "./contacts/update-contact.ts";
export * from "./context.ts";
export * from "./documents/create-document.ts";
export * from "./documents/get-document.ts";
export * from "./documents/get-document-version.ts";
export * from "./documents/list-account-documents.ts";
export * from "./documents/save-document.ts";
export * from "./errors.ts";
export * from "./health/ensure-health-policies.ts";
export * from "./health/get-account-health.ts";
export * from "./health/get-health-as-of.ts";
export * from "./health/get-health-history.ts";
export * from "./health/list-category-changes.ts";
export * from "./health/recompute-all-health.ts";
export { recomputeHealth, scoreFacts, writeHealthScores } from "./health/scores.ts";
export * from "./health/set-manual-traits.ts";
export * from "./ingestion/ingest-batch.ts";
export * from "./ingestion/purge-idempotency-records.ts";
export { requestHashOf } from "./ingestion/request-hash.ts";
export * from "./jobs/lease.ts";
export * from "./lifecycle/get-stage-history.ts";
export * from "./notifications/count-unread-notifications.ts";
export * from "./notifications/list-notifications.ts";
export * from "./notifications/mark-all-notifications-read.ts";
export * from "./notifications/mark-notification-read.ts";
export * from "./playbooks/dry-run-playbooks.ts";
export * from "./playbooks/export-playbook-catalog.ts";
export * from "./playbooks/get-playbook.ts";
export * from "./playbooks/import-playbooks.ts";
export * from "./playbooks/list-playbook-firings.ts";
export * from "./playbooks/list-playbooks.ts";
export * from "./playbooks/save-playbook.ts";
export * from "./policies/create-policy-draft.ts";
export * from "./policies/export-policy.ts";
export * from "./policies/get-policy.ts";
export * from "./policies/import-policy.ts";
export * from "./policies/list-policies.ts";
export * from "./policies/preview-policy.ts";
export * from "./policies/publish-policy.ts";
export * from "./policies/update-policy-draft.ts";
export * from "./projects/create-project.ts";
export * from "./projects/list-account-projects.ts";
export * from "./projects/list-project-templates.ts";
export * from "./recommendations/get-account-recommendations.ts";
export * from "./recommendations/list-ta-recommendations.ts";
export * from "./tasks/create-task.ts";
export * from "./tasks/list-tasks.ts";
export * from "./tasks/update-task.ts";
export * from "./templates/get-template.ts";
export * from "./templates/get-template-version.ts";
export * from "./templates/list-templates.ts";
export * from "./templates/save-template.ts";
export * from "./users/list-users.ts";
export * from "./webhooks/create-webhook-subscription.ts";
export * from "./webhooks/delete-webhook-subscription.ts";
export * from "./webhooks/deliver-due-webhooks.ts";
export * from "./webhooks/list-webhook-deliveries.ts";
export * from "./webhooks/list-webhook-subscriptions.ts";
export { enqueueWebhook } from "./webhooks/outbox.ts";
export * from "./webhooks/retry-backoff.ts";
export * from "./webhooks/retry-webhook-delivery.ts";
export * from "./webhooks/update-webhook-subscription.ts";
export type { HostLookup, ResolvedAddress, WebhookTargetPolicy } from "./webhooks/webhook-target.ts";

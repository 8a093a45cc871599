import {
  type AccountAction,
  type AccountAssignments,
  type Actor,
  type ApiKeyScope,
  can,
  type GlobalAction,
} from "@keel/domain";

/**
 * Who may call each operation of /api/v1, in SPEC §1's words (the grants themselves are the
 * domain's `can`). The authorization matrix test (authorization-matrix.test.ts) calls every
 * operation of the OpenAPI document as every role, on an account they are assigned to and one
 * they are not, anonymously and with an API key, and compares the answers with this table: a new
 * route without an entry here fails it.
 *
 * Keys are "METHOD /path" as the OpenAPI document writes them under /api/v1. A key with a
 * parenthesised suffix is a variant of the same operation whose rule depends on its input
 * (another person's list needs the team view).
 */
export type Access =
  /** Any signed-in person: SPEC §1 "read all", or what is their own (notifications, "me"). */
  | { who: "signed-in" }
  /** An action on the account the operation targets; some writes also let the task's assignee
   *  or the document's owner in, or hand-off fillers for hand-off documents. */
  | {
      who: "account";
      action: AccountAction;
      orAssignee?: boolean;
      orOwner?: boolean;
      orHandoffFiller?: boolean;
    }
  /** An action outside any one account (policies, playbooks, API keys, team views). */
  | { who: "global"; action: GlobalAction }
  /** Machines: an API key with this scope, never a session (SPEC §12). */
  | { who: "api-key"; scope: ApiKeyScope };

const signedIn: Access = { who: "signed-in" };
const onAccount = (
  action: AccountAction,
  extra: Omit<Extract<Access, { who: "account" }>, "who" | "action"> = {},
) => ({ who: "account", action, ...extra }) satisfies Access;
const global = (action: GlobalAction) => ({ who: "global", action }) satisfies Access;
const apiKey = (scope: ApiKeyScope) => ({ who: "api-key", scope }) satisfies Access;

export const operationAccess = {
  // People
  "GET /me": signedIn,
  "GET /users": signedIn,
  // Accounts and contacts: every role reads every account (SPEC §1)
  "GET /accounts": signedIn,
  "GET /accounts/{id}": onAccount("account.read"),
  "GET /accounts/{id}/contacts": onAccount("account.read"),
  "GET /contacts": signedIn,
  "PATCH /contacts/{id}": onAccount("account.tagContacts"),
  // Health
  "GET /accounts/{id}/health": onAccount("account.read"),
  "GET /accounts/{id}/health/history": onAccount("account.read"),
  "GET /accounts/{id}/health/as-of": onAccount("account.read"),
  "PUT /accounts/{id}/traits": onAccount("account.editTraits"),
  "GET /health/category-changes": signedIn,
  "GET /health/policies": signedIn,
  "POST /health/policies": global("policy.editDraft"),
  "POST /health/policies/import": global("policy.editDraft"),
  "GET /health/policies/{version}": signedIn,
  "PUT /health/policies/{version}": global("policy.editDraft"),
  "POST /health/policies/{version}/preview": global("policy.editDraft"),
  "POST /health/policies/{version}/publish": global("policy.publish"),
  "GET /health/policies/{version}/export": signedIn,
  // Work: tasks, projects, documents, templates
  "GET /tasks": signedIn,
  "GET /tasks (another person's)": global("report.viewTeam"),
  "GET /accounts/{id}/tasks": onAccount("account.read"),
  "POST /accounts/{id}/tasks": onAccount("account.editTasks"),
  "PATCH /tasks/{id}": onAccount("account.editTasks", { orAssignee: true }),
  "GET /accounts/{id}/projects": onAccount("account.read"),
  "POST /accounts/{id}/projects": onAccount("account.editTasks"),
  "GET /project-templates": signedIn,
  "GET /accounts/{id}/documents": onAccount("account.read"),
  "POST /accounts/{id}/documents": onAccount("account.editDocs"),
  "POST /accounts/{id}/documents (a hand-off)": onAccount("account.editDocs", { orHandoffFiller: true }),
  "GET /documents/{id}": onAccount("account.read"),
  "PUT /documents/{id}": onAccount("account.editDocs", { orOwner: true }),
  "GET /documents/{id}/versions/{version}": onAccount("account.read"),
  "GET /templates": signedIn,
  "GET /templates/{id}": signedIn,
  "PUT /templates/{id}": global("template.manage"),
  "GET /templates/{id}/versions/{version}": signedIn,
  "GET /template-variables": signedIn,
  // Notifications: one's own only (another person's answers 404, as if it did not exist)
  "GET /notifications": signedIn,
  "GET /notifications/unread-count": signedIn,
  "POST /notifications/{id}/read": signedIn,
  "POST /notifications/read-all": signedIn,
  // Webhooks: operations (admin)
  "GET /webhooks": global("playbook.manage"),
  "POST /webhooks": global("playbook.manage"),
  "PATCH /webhooks/{id}": global("playbook.manage"),
  "DELETE /webhooks/{id}": global("playbook.manage"),
  "GET /webhooks/deliveries": global("playbook.manage"),
  "POST /webhooks/deliveries/{id}/retry": global("playbook.manage"),
  // Playbooks
  "GET /playbooks": signedIn,
  "GET /playbooks/dry-run": signedIn,
  "GET /playbooks/dry-run (the whole book)": global("report.viewTeam"),
  "GET /playbooks/firings": onAccount("account.read"),
  "GET /playbooks/firings (the whole book)": global("report.viewTeam"),
  "GET /playbooks/export": signedIn,
  "POST /playbooks/import": global("playbook.manage"),
  "GET /playbooks/{id}": signedIn,
  "PUT /playbooks/{id}": global("playbook.manage"),
  // Lifecycle and the account team
  "GET /accounts/{id}/stage-history": onAccount("account.read"),
  "PUT /accounts/{id}/support-level": onAccount("account.setSupportLevel"),
  "PUT /accounts/{id}/team/{role}": onAccount("account.assignTeam"),
  // "What should I be doing?" and compliance
  "GET /recommendations": signedIn,
  "GET /recommendations (another person's)": global("report.viewTeam"),
  "GET /accounts/{id}/recommendations": onAccount("account.read"),
  "GET /compliance": global("report.viewTeam"),
  // Renewals (SPEC §5): everyone reads; the TA assesses, managers approve, the AE plans,
  // forecasts and processes (SPEC §1 "renewal plan/forecast fields")
  "GET /renewals": signedIn,
  "GET /renewals/review-list": signedIn,
  "GET /renewals/forecast": signedIn,
  "GET /renewals/accuracy": signedIn,
  "GET /renewals/{id}": signedIn,
  "PUT /renewals/{id}/assessment": onAccount("account.assessRenewal"),
  "POST /renewals/{id}/assessment/approvals": onAccount("account.approveRenewalAssessment"),
  "PUT /renewals/{id}/plan": onAccount("account.editRenewalPlan"),
  "POST /renewals/{id}/forecasts": onAccount("account.editRenewalPlan"),
  "POST /renewals/{id}/process": onAccount("account.editRenewalPlan"),
  // Lighthouse (SPEC §6): everyone reads; the account's TA or AE and leadership enter (LH-1); the
  // TA keeps the plan and its updates (LH-2, LH-4); leadership sponsors, approves exits (LH-5)
  // and records the program sync.
  "GET /lighthouse/enrolments": signedIn,
  "POST /lighthouse/enrolments": onAccount("account.enterLighthouse"),
  "GET /lighthouse/enrolments/{id}": signedIn,
  "PATCH /lighthouse/enrolments/{id}": onAccount("account.approveLighthouseExit"),
  "PUT /lighthouse/enrolments/{id}/save-plan": onAccount("account.updateLighthouse"),
  "PUT /lighthouse/enrolments/{id}/criteria/{criterionId}/evidence": onAccount("account.updateLighthouse"),
  "POST /lighthouse/enrolments/{id}/updates": onAccount("account.updateLighthouse"),
  "POST /lighthouse/enrolments/{id}/exit-approvals": onAccount("account.approveLighthouseExit"),
  "POST /lighthouse/enrolments/{id}/exit": onAccount("account.approveLighthouseExit"),
  "GET /lighthouse/agenda": signedIn,
  "GET /lighthouse/agenda/markdown": signedIn,
  "GET /lighthouse/syncs": signedIn,
  "POST /lighthouse/syncs": global("lighthouse.recordSync"),
  "GET /lighthouse/metrics": signedIn,
  "GET /churn-retros": signedIn,
  "GET /churn-retros/{id}": signedIn,
  "PATCH /churn-retros/{id}": onAccount("account.editChurnRetro"),
  "POST /churn-retros/{id}/actions": onAccount("account.editChurnRetro"),
  "PATCH /churn-retros/{id}/actions/{actionId}": onAccount("account.editChurnRetro"),
  // API keys (admin) and the feeds they open
  "POST /api-keys": global("apiKey.manage"),
  "GET /api-keys": global("apiKey.manage"),
  "DELETE /api-keys/{id}": global("apiKey.manage"),
  "POST /ingest/usage": apiKey("ingest:usage"),
  "POST /ingest/tickets": apiKey("ingest:tickets"),
  "POST /ingest/activities": apiKey("ingest:activities"),
} as const satisfies Record<string, Access>;

export type OperationKey = keyof typeof operationAccess;

/** What the rule needs to know of the thing an operation touches. */
export type AccessFacts = {
  /** The team of the account the operation targets (account rules). */
  account?: AccountAssignments;
  /** The task's assignee (`orAssignee`). */
  assigneeId?: string | null;
  /** The document's owner (`orOwner`). */
  ownerId?: string | null;
};

/** May a signed-in person call an operation with this rule? (API keys and anonymous never may.) */
export function personMay(access: Access, actor: Actor, facts: AccessFacts = {}): boolean {
  switch (access.who) {
    case "signed-in":
      return true;
    case "global":
      return can(actor, access.action);
    case "api-key":
      return false;
    case "account": {
      const team = facts.account ?? {};
      return (
        can(actor, access.action, team) ||
        (access.orAssignee === true && facts.assigneeId != null && facts.assigneeId === actor.id) ||
        (access.orOwner === true && facts.ownerId != null && facts.ownerId === actor.id) ||
        (access.orHandoffFiller === true && can(actor, "account.fillHandoff", team))
      );
    }
  }
}

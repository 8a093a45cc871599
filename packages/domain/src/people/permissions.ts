import type { TeamRole } from "../accounts/account.ts";
import type { UserRole } from "./roles.ts";

/**
 * Everything a person can do, in SPEC §1's words. Account-scoped actions need an account;
 * global ones (policies, users, imports) do not.
 */
export const accountActions = [
  "account.read",
  "account.editTraits",
  "account.editTasks",
  "account.editDocs",
  "account.editPlans",
  "account.tagContacts",
  "account.fillHandoff",
  "account.updateLighthouse",
  "account.enterLighthouse",
  "account.editRenewalPlan",
  "account.editOpportunities",
  "account.assignTeam",
  "account.setSupportLevel",
  "account.approveLighthouseExit",
  "account.comment",
  "account.assessRenewal",
  "account.approveRenewalAssessment",
  "account.editChurnRetro",
] as const;
export type AccountAction = (typeof accountActions)[number];

export const globalActions = [
  "policy.editDraft",
  "policy.publish",
  "playbook.manage",
  "template.manage",
  "user.manage",
  "data.import",
  "apiKey.manage",
  "report.viewTeam",
  "lighthouse.recordSync",
] as const;
export type GlobalAction = (typeof globalActions)[number];
export type Action = AccountAction | GlobalAction;

/** Who is on an account's team: user ids by team role. */
export type AccountAssignments = Partial<Record<TeamRole, string | null>>;

export type Actor = { id: string; roles: readonly UserRole[] };

/**
 * How a role may perform an account action:
 * - "any": on every account;
 * - a team role: only on accounts where the actor holds that seat on the team.
 */
type Grant = "any" | TeamRole;

const accountGrants: Record<UserRole, Partial<Record<AccountAction, Grant>>> = {
  // TA: read all; write the accounts they are assigned to.
  ta: {
    "account.read": "any",
    "account.comment": "any",
    "account.editTraits": "ta",
    "account.editTasks": "ta",
    "account.editDocs": "ta",
    "account.editPlans": "ta",
    "account.tagContacts": "ta",
    "account.fillHandoff": "ta",
    "account.updateLighthouse": "ta",
    // LH-1: the AE, the TA or leadership enters an account at risk, with a reason.
    "account.enterLighthouse": "ta",
    // the TA completes the Health Assessment (with the AE); R-7: and writes the churn retro.
    "account.assessRenewal": "ta",
    "account.editChurnRetro": "ta",
  },
  // Manager: all a TA may, on every account; assign TA and support level; approve Lighthouse exit.
  manager: {
    "account.read": "any",
    "account.comment": "any",
    "account.editTraits": "any",
    "account.editTasks": "any",
    "account.editDocs": "any",
    "account.editPlans": "any",
    "account.tagContacts": "any",
    "account.fillHandoff": "any",
    "account.updateLighthouse": "any",
    "account.enterLighthouse": "any",
    "account.assignTeam": "any",
    "account.setSupportLevel": "any",
    "account.approveLighthouseExit": "any",
    "account.assessRenewal": "any",
    // TA and AE managers review and approve the rating, each for their side.
    "account.approveRenewalAssessment": "any",
    "account.editChurnRetro": "any",
  },
  // AE: read all; renewal plan/forecast and opportunities on their accounts.
  ae: {
    "account.read": "any",
    "account.comment": "any",
    "account.editRenewalPlan": "ae",
    "account.editOpportunities": "ae",
    "account.enterLighthouse": "ae",
  },
  // CE: read all; fill hand-off docs; tag contacts on their accounts.
  ce: {
    "account.read": "any",
    "account.comment": "any",
    "account.fillHandoff": "ce",
    "account.tagContacts": "ce",
  },
  // Exec: read all; comment; approve Lighthouse exit.
  exec: {
    "account.read": "any",
    "account.comment": "any",
    "account.approveLighthouseExit": "any",
    "account.enterLighthouse": "any",
  },
  admin: Object.fromEntries(accountActions.map((action) => [action, "any"])),
};

const globalGrants: Record<UserRole, readonly GlobalAction[]> = {
  ta: [],
  // LH-4: leadership runs the Lighthouse program sync.
  manager: ["policy.editDraft", "report.viewTeam", "lighthouse.recordSync"],
  ae: [],
  ce: [],
  exec: ["report.viewTeam", "lighthouse.recordSync"],
  admin: globalActions,
};

/** SPEC §1 as one pure decision: may `actor` do `action` (on `account`, for account actions)? */
export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: AccountAction, account: AccountAssignments): boolean;
export function can(actor: Actor, action: Action, account?: AccountAssignments): boolean {
  if (isGlobalAction(action)) {
    return actor.roles.some((role) => globalGrants[role].includes(action));
  }
  if (!account) return false;
  return actor.roles.some((role) => {
    const grant = accountGrants[role][action];
    if (grant === undefined) return false;
    if (grant === "any") return true;
    return account[grant] === actor.id;
  });
}

/** Every account action the actor may perform on this account: what the UI offers. */
export function allowedAccountActions(actor: Actor, account: AccountAssignments): AccountAction[] {
  return accountActions.filter((action) => can(actor, action, account));
}

function isGlobalAction(action: Action): action is GlobalAction {
  return (globalActions as readonly string[]).includes(action);
}

import { type Executor, queryRows } from "@keel/db";
import type { PlaybookAction } from "@keel/domain";
import { sql } from "drizzle-orm";

export type DryRunItem = {
  accountId: string;
  accountName: string;
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  occurrence: string;
  occurrenceKey: string;
  action: PlaybookAction;
  summary: string;
  reason: string;
  /** Already done for this occurrence: running now would not do it again. */
  alreadyFired: boolean;
};

export type DryRunStageChange = {
  accountId: string;
  accountName: string;
  from: string;
  to: string;
  ruleId: string;
  reason: string;
};

export function describeAction(action: PlaybookAction): string {
  switch (action.type) {
    case "createTask":
      return `task for the ${action.role.toUpperCase()}: ${action.title} (due in ${action.dueInDays} days)`;
    case "createDocument":
      return `document from the ${action.templateId} template (owner: ${action.ownerRole.toUpperCase()})`;
    case "createProject":
      return `project from the ${action.templateId} template (owner: ${action.ownerRole.toUpperCase()})`;
    case "setFlag":
      return `flag the account: ${action.flag}`;
    case "notify":
      return `notify ${action.to === "leadership" ? "leadership" : `the ${action.to.toUpperCase()}`}: ${action.message}`;
    case "webhook":
      return `webhook ${action.eventType}`;
    case "assignSegment":
      return "assign segment and pooled/scaled flags (A-2)";
  }
}

export type FiringView = {
  occurrenceKey: string;
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  accountId: string;
  accountName: string;
  occurrence: string;
  action: PlaybookAction;
  summary: string;
  reason: string;
  outcome: Record<string, unknown>;
  firedAt: string;
};

/** The accounts where a person holds any seat on the team ("mine"). */
export async function accountsWithSeat(db: Executor, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct account_id::text as id from account_team where user_id = ${userId}`,
  );
  return rows.map((r) => r.id);
}

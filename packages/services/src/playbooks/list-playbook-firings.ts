import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { describeAction, type FiringView } from "./playbook-plans.ts";

/** What playbooks did, newest first: the audit trail of automation. */
export async function listPlaybookFirings(
  { db }: ServiceContext,
  { accountId, playbookId, limit }: { accountId?: string; playbookId?: string; limit: number },
): Promise<FiringView[]> {
  const rows = await queryRows<Omit<FiringView, "summary">>(
    db,
    sql`select f.occurrence_key as "occurrenceKey", f.playbook_id as "playbookId",
        f.playbook_version as "playbookVersion", f.rule_id as "ruleId", f.account_id::text as "accountId",
        a.name as "accountName", f.occurrence, f.action, f.reason, f.outcome,
        to_char(f.fired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firedAt"
      from playbook_firings f join accounts a on a.id = f.account_id
      where (${accountId ?? null}::uuid is null or f.account_id = ${accountId ?? null}::uuid)
        and (${playbookId ?? null}::text is null or f.playbook_id = ${playbookId ?? null}::text)
      order by f.fired_at desc, f.occurrence_key
      limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, summary: describeAction(r.action) }));
}

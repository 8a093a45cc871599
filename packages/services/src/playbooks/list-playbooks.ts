import { queryRows } from "@keel/db";
import type { Playbook } from "@keel/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import type { PlaybookSummary } from "./playbook-versions.ts";

/** The newest version of every playbook, with how many versions it has. */
export async function listPlaybooks({ db }: ServiceContext): Promise<PlaybookSummary[]> {
  const rows = await queryRows<{ body: Playbook; versions: number; updated_at: string }>(
    db,
    sql`select distinct on (id) body, count(*) over (partition by id)::int as versions,
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
      from playbooks order by id, version desc`,
  );
  return rows.map((r) => ({ ...r.body, versions: r.versions, updatedAt: r.updated_at }));
}

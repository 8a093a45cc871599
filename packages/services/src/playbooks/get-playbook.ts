import { queryRows } from "@keel/db";
import type { Playbook } from "@keel/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import type { PlaybookVersionInfo } from "./playbook-versions.ts";

export async function getPlaybook(
  { db }: ServiceContext,
  { id, version }: { id: string; version?: number },
): Promise<{ playbook: Playbook; versions: PlaybookVersionInfo[] }> {
  const versions = await queryRows<PlaybookVersionInfo & { body: Playbook }>(
    db,
    sql`select p.version, p.body, u.name as "createdBy",
        to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
      from playbooks p left join "user" u on u.id = p.created_by
      where p.id = ${id} order by p.version desc`,
  );
  if (versions.length === 0) throw new ServiceError("not_found", `Playbook ${id} does not exist`);
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen) throw new ServiceError("not_found", `Playbook ${id} has no version ${version}`);
  return {
    playbook: chosen.body,
    versions: versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy })),
  };
}

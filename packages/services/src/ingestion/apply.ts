import { type Executor, queryRows } from "@keel/db";
import {
  type ActivityRecord,
  instantOf,
  parseMajorMinor,
  type TicketRecord,
  type UsageRecord,
} from "@keel/domain";
import { sql } from "drizzle-orm";

/**
 * Bulk upserts of validated records (SPEC §12): each feed in a few statements whatever the
 * batch size (records travel as one JSON parameter). Each returns the accounts whose inputs
 * changed, to recompute in the same transaction.
 */

export async function upsertUsage(tx: Executor, records: readonly UsageRecord[]): Promise<string[]> {
  const rows = records.map((r) => ({
    account_id: r.accountId,
    day: r.day,
    dau: r.dau,
    mau: r.mau,
    seats: r.seats ?? null,
    instance_version: r.instanceVersion ?? null,
    precise_intel_active: r.preciseIntelActive ?? null,
  }));
  await tx.execute(sql`insert into usage_daily (account_id, day, dau, mau, seats, instance_version, precise_intel_active)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(account_id uuid, day date, dau int,
      mau int, seats int, instance_version text, precise_intel_active boolean)
    on conflict (account_id, day) do update set dau = excluded.dau, mau = excluded.mau, seats = excluded.seats,
      instance_version = excluded.instance_version, precise_intel_active = excluded.precise_intel_active,
      received_at = now()`);

  // H-2 versions behind counts the releases the feed has seen: remember when each first appeared.
  const firstSeen = new Map<string, { major: number; minor: number; first_seen: string }>();
  for (const r of records) {
    const release = r.instanceVersion ? parseMajorMinor(r.instanceVersion) : null;
    if (!release) continue;
    const key = `${release.major}.${release.minor}`;
    const known = firstSeen.get(key);
    if (!known || r.day < known.first_seen) firstSeen.set(key, { ...release, first_seen: r.day });
  }
  if (firstSeen.size > 0) {
    await tx.execute(sql`insert into instance_releases (major, minor, first_seen)
      select * from jsonb_to_recordset(${JSON.stringify([...firstSeen.values()])}::jsonb)
        as r(major smallint, minor smallint, first_seen date)
      on conflict (major, minor) do update set first_seen = least(instance_releases.first_seen, excluded.first_seen)`);
  }
  return [...new Set(records.map((r) => r.accountId))];
}

export async function upsertTickets(tx: Executor, records: readonly TicketRecord[]): Promise<string[]> {
  const rows = records.map((r) => ({
    account_id: r.accountId,
    external_id: r.externalId,
    type: r.type,
    opened_at: instantOf(r.openedAt).toISOString(),
  }));
  const json = JSON.stringify(rows);
  // A ticket re-sent under another account leaves its old account: recompute that one too.
  const moved = await queryRows<{ account_id: string }>(
    tx,
    sql`select distinct t.account_id::text as account_id from support_tickets t
      join jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, external_id text)
        on r.external_id = t.external_id and r.account_id <> t.account_id`,
  );
  await tx.execute(sql`insert into support_tickets (account_id, external_id, type, opened_at)
    select * from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, external_id text, type text, opened_at timestamptz)
    on conflict (external_id) do update set account_id = excluded.account_id, type = excluded.type,
      opened_at = excluded.opened_at, received_at = now()`);
  return [...new Set([...records.map((r) => r.accountId), ...moved.map((m) => m.account_id)])];
}

export async function upsertActivities(tx: Executor, records: readonly ActivityRecord[]): Promise<string[]> {
  const rows = records.map((r) => ({
    account_id: r.accountId,
    type: r.type,
    at: instantOf(r.at).toISOString(),
    contact_id: r.contactId ?? null,
    external_id: r.externalId ?? null,
  }));
  const json = JSON.stringify(rows);
  const moved = await queryRows<{ account_id: string }>(
    tx,
    sql`select distinct a.account_id::text as account_id from activities a
      join jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, external_id text)
        on r.external_id = a.external_id and r.account_id <> a.account_id`,
  );
  // Without an external id an activity is simply added (NULLs never conflict).
  await tx.execute(sql`insert into activities (account_id, type, at, contact_id, external_id)
    select * from jsonb_to_recordset(${json}::jsonb)
      as r(account_id uuid, type text, at timestamptz, contact_id uuid, external_id text)
    on conflict (external_id) do update set account_id = excluded.account_id, type = excluded.type,
      at = excluded.at, contact_id = excluded.contact_id, received_at = now()`);
  return [...new Set([...records.map((r) => r.accountId), ...moved.map((m) => m.account_id)])];
}

import {
  type AccountHealthFacts,
  type Executor,
  loadHealthFacts,
  loadPolicyInForce,
  loadReleasesSeen,
  queryRows,
} from "@keel/db";
import {
  computeHealth,
  deriveHealthInputs,
  type HealthCategory,
  type HealthPolicy,
  type StoredHealthBreakdown,
  type StoredHealthInputs,
  storeBreakdown,
  storedFacts,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";

/** One account's computed score, ready to store. */
export type ComputedHealth = {
  accountId: string;
  score: number | null;
  category: HealthCategory;
  policyVersion: number;
  breakdown: StoredHealthBreakdown;
  /** Trait values and the facts behind them, stored with the score. */
  inputs: StoredHealthInputs;
  /** The stored score's revision when its inputs were read. */
  revision: number;
};

/** H-2…H-4 for many accounts at once: facts → trait values → score and breakdown, in memory. */
export function scoreFacts(rows: readonly AccountHealthFacts[], policy: HealthPolicy): ComputedHealth[] {
  return rows.map(({ accountId, facts, revision }) => {
    const { inputs, notes } = deriveHealthInputs(facts, policy);
    const result = computeHealth(inputs, policy);
    return {
      accountId,
      revision,
      score: result.score,
      category: result.category,
      policyVersion: result.policyVersion,
      breakdown: storeBreakdown(result, notes),
      inputs: { asOf: facts.asOf, values: inputs, facts: storedFacts(facts) },
    };
  });
}

export type WriteHealthOptions = {
  /** When the scores were computed (snapshots and category changes carry it). */
  at: Date;
  /** Why: "ingest:usage", "traits", "daily sweep", "policy v3 published" … */
  cause: string;
  /**
   * H-5: a snapshot only when score, category or policy changed (default), or for every scored
   * account (monthly backfill of the trend chart).
   */
  snapshots?: "changed" | "always";
};

export type WriteHealthResult = { written: number; snapshots: number; categoryChanges: number };

/**
 * Stores scores in one statement: the current score of each account (multi-row UPDATE from a
 * JSON record set, INSERT for first scores), a snapshot where score, category or policy changed
 * (H-5), and a category-change event where the category changed (H-5). A row whose stored
 * revision moved since its inputs were read was recomputed by someone else meanwhile and is
 * left alone (never overwrite a newer score with an older one).
 */
export async function writeHealthScores(
  db: Executor,
  scores: readonly ComputedHealth[],
  options: WriteHealthOptions,
): Promise<WriteHealthResult> {
  if (scores.length === 0) return { written: 0, snapshots: 0, categoryChanges: 0 };
  const records = scores.map((s) => ({
    account_id: s.accountId,
    score: s.score,
    category: s.category,
    policy_version: s.policyVersion,
    breakdown: s.breakdown,
    inputs: s.inputs,
    expected_revision: s.revision,
  }));
  const at = options.at.toISOString();
  const always = options.snapshots === "always";
  const [result] = await queryRows<WriteHealthResult>(
    db,
    sql`with v as (
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(
        account_id uuid, score float8, category text, policy_version int,
        breakdown jsonb, inputs jsonb, expected_revision bigint)
    ),
    prev as (
      select h.account_id, h.score, h.category, h.policy_version
      from account_health h join v on v.account_id = h.account_id
    ),
    up as (
      update account_health h set
        score = v.score, category = v.category, policy_version = v.policy_version,
        computed_at = ${at}::timestamptz, breakdown = v.breakdown, inputs = v.inputs,
        revision = h.revision + 1
      from v
      where h.account_id = v.account_id and h.revision = v.expected_revision
      returning h.account_id
    ),
    ins as (
      insert into account_health (account_id, score, category, policy_version, computed_at, breakdown, inputs, revision)
      select v.account_id, v.score, v.category, v.policy_version, ${at}::timestamptz, v.breakdown, v.inputs, 1
      from v where v.expected_revision = 0
      on conflict (account_id) do nothing
      returning account_id
    ),
    written as (select account_id from up union all select account_id from ins),
    snap as (
      insert into health_snapshots (account_id, at, score, category, policy_version, breakdown, cause)
      select v.account_id, ${at}::timestamptz, v.score, v.category, v.policy_version, v.breakdown, ${options.cause}
      from v join written w on w.account_id = v.account_id
        left join prev p on p.account_id = v.account_id
      where (${always}::boolean and v.score is not null) or p.account_id is null or p.score is distinct from v.score
        or p.category <> v.category or p.policy_version <> v.policy_version
      returning 1
    ),
    ev as (
      insert into health_category_changes (account_id, at, from_category, to_category, score, policy_version, cause)
      select v.account_id, ${at}::timestamptz, p.category, v.category, v.score, v.policy_version, ${options.cause}
      from v join written w on w.account_id = v.account_id join prev p on p.account_id = v.account_id
      where p.category <> v.category
      returning 1
    )
    select (select count(*) from written)::int as "written",
      (select count(*) from snap)::int as "snapshots",
      (select count(*) from ev)::int as "categoryChanges"`,
  );
  return result ?? { written: 0, snapshots: 0, categoryChanges: 0 };
}

export type RecomputeHealthOptions = WriteHealthOptions & {
  /** The day scored. */
  asOf: string;
  /** Only these accounts; omitted: the whole book. */
  accountIds?: readonly string[];
  /** Defaults to the policy in force on `asOf`. */
  policy?: HealthPolicy;
  /** Manual traits as they are now ("current", default) or as they stood on `asOf` ("history"). */
  manualTraits?: "current" | "history";
  /** Rows per write statement (default 5,000). */
  batchSize?: number;
  /** Accounts per derive query of a whole-book run (default 10,000). */
  pageSize?: number;
  /** Called after each batch is written (sweeps renew their lease here). */
  onBatch?: (done: number, total: number) => Promise<void>;
};

type Page = { after: string | null; upTo: string | null };

/**
 * Derive (one set-based query) → compute (domain engine, in memory) → write (large batches).
 * Used for one account inside a write's transaction, for the whole book by the sweep, and
 * by the seed's backfill.
 *
 * The whole book goes by pages of `pageSize` accounts in id order (each page one derive query
 * limited to its id range, then its write batches), so memory stays bounded; outside a
 * transaction the next page is read while this one is computed and written (two connections).
 */
export async function recomputeHealth(
  db: Executor,
  options: RecomputeHealthOptions,
): Promise<WriteHealthResult & { accounts: number; policyVersion: number }> {
  const policy = options.policy ?? (await loadPolicyInForce(db, options.asOf));
  const manualTraits = options.manualTraits ?? "current";
  const batchSize = options.batchSize ?? 5_000;
  const pageSize = options.pageSize ?? 10_000;
  const total: WriteHealthResult = { written: 0, snapshots: 0, categoryChanges: 0 };

  const { pages, accounts } = options.accountIds
    ? { pages: [{ after: null, upTo: null }] as Page[], accounts: options.accountIds.length }
    : await pagesOf(db, pageSize);
  const releasesSeen = await loadReleasesSeen(db, options.asOf);
  const load = (page: Page) =>
    loadHealthFacts(db, {
      asOf: options.asOf,
      accountIds: options.accountIds,
      manualTraits,
      idRange: page,
      releasesSeen,
    });
  // One connection (a transaction, PGlite): strictly one statement after the other.
  const overlap = !(db instanceof PgTransaction) && pages.length > 1;

  let scored = 0;
  let done = 0;
  let next: Promise<AccountHealthFacts[]> | null = pages.length > 0 ? load(pages[0]!) : null;
  let writing: Promise<void> = Promise.resolve();
  const writePage = async (scores: readonly ComputedHealth[], expected: number) => {
    for (let i = 0; i < scores.length; i += batchSize) {
      const written = await writeHealthScores(db, scores.slice(i, i + batchSize), options);
      total.written += written.written;
      total.snapshots += written.snapshots;
      total.categoryChanges += written.categoryChanges;
      done += Math.min(batchSize, scores.length - i);
      await options.onBatch?.(done, Math.max(expected, done));
    }
  };
  for (let p = 0; p < pages.length; p++) {
    const facts = await next!;
    next = null;
    if (overlap && p + 1 < pages.length) {
      next = load(pages[p + 1]!);
      next.catch(() => {}); // awaited on the next turn; an error surfaces there
    }
    const scores = scoreFacts(facts, policy);
    scored += scores.length;
    await writing;
    writing = writePage(scores, accounts);
    if (overlap) writing.catch(() => {});
    else await writing;
    if (!overlap && p + 1 < pages.length) next = load(pages[p + 1]!);
  }
  await writing;
  return { ...total, accounts: scored, policyVersion: policy.version };
}

/** A whole-book run's pages: contiguous id ranges of about `pageSize` accounts (the last open). */
async function pagesOf(db: Executor, pageSize: number): Promise<{ pages: Page[]; accounts: number }> {
  const bounds = await queryRows<{ id: string; total: number }>(
    db,
    sql`select id::text as id, total::int as total from (
      select id, row_number() over (order by id) as n, count(*) over () as total from accounts
    ) x where n % ${pageSize} = 0 or n = total order by id`,
  );
  const accounts = bounds.at(-1)?.total ?? 0;
  const pages: Page[] = [];
  let after: string | null = null;
  for (const bound of bounds.slice(0, -1)) {
    pages.push({ after, upTo: bound.id });
    after = bound.id;
  }
  // The last page is open-ended: accounts added since the bounds were read are scored too.
  pages.push({ after, upTo: null });
  return { pages, accounts };
}

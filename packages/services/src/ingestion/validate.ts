import { type Executor, schema, uuidList } from "@keel/db";
import {
  type ActivityRecord,
  type IngestFeed,
  type IngestRecordError,
  ingestRecordSchemas,
  instantOf,
  MAX_INGEST_RECORDS,
  type TicketRecord,
  type UsageRecord,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

export type IngestRecords = {
  usage: UsageRecord[];
  tickets: TicketRecord[];
  activities: ActivityRecord[];
};

/** A clock difference between a feed and us is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * One record, or `{ records: [...] }` with 1…5,000 of them. More than 5,000 is 413; any other
 * shape is 400 (the body as a whole is wrong, not a record).
 */
export function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) {
    throw new ServiceError("bad_request", "Send one record as an object, or a batch as { records: [...] }");
  }
  if (typeof body !== "object" || body === null) {
    throw new ServiceError(
      "bad_request",
      "The body must be a JSON object: one record, or { records: [...] }",
    );
  }
  if (!("records" in body)) return [body];
  const { records, ...rest } = body as { records: unknown };
  if (Object.keys(rest).length > 0) {
    throw new ServiceError(
      "bad_request",
      `A batch has only "records"; unexpected: ${Object.keys(rest).join(", ")}`,
    );
  }
  if (!Array.isArray(records)) throw new ServiceError("bad_request", '"records" must be an array');
  if (records.length === 0) throw new ServiceError("bad_request", '"records" must not be empty');
  if (records.length > MAX_INGEST_RECORDS) {
    throw new ServiceError(
      "payload_too_large",
      `A batch holds at most ${MAX_INGEST_RECORDS} records; this one has ${records.length}. Split it.`,
      { limit: MAX_INGEST_RECORDS, received: records.length },
    );
  }
  return records;
}

/**
 * Validates every record (shape, rules, references) and reports every bad one: 422 with
 * `details: [{ index, path, message }]` when any is bad, so nothing of the batch is stored.
 */
export async function validateIngestRecords<F extends IngestFeed>(
  db: Executor,
  feed: F,
  raw: readonly unknown[],
  now: Date,
): Promise<IngestRecords[F]> {
  const errors: IngestRecordError[] = [];
  const valid: { index: number; record: IngestRecords[F][number] }[] = [];
  const schemaOf = ingestRecordSchemas[feed];
  raw.forEach((candidate, index) => {
    const parsed = schemaOf.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ index, path: issue.path.map(String).join(".") || "(record)", message: issue.message });
      }
      return;
    }
    valid.push({ index, record: parsed.data as IngestRecords[F][number] });
  });

  const today = now.toISOString().slice(0, 10);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const seen = new Map<string, number>();
  for (const { index, record } of valid) {
    // Dates in the future are a feed's bug: nothing has happened there yet.
    if ("day" in record && record.day > today) {
      errors.push({ index, path: "day", message: `must not be in the future (today is ${today})` });
    }
    if ("openedAt" in record && instantOf(record.openedAt).getTime() > latest) {
      errors.push({ index, path: "openedAt", message: "must not be in the future" });
    }
    if ("at" in record && instantOf(record.at).getTime() > latest) {
      errors.push({ index, path: "at", message: "must not be in the future" });
    }
    // The same row twice in one batch is ambiguous: which one is right?
    const identity =
      "day" in record
        ? `${record.accountId}/${record.day}`
        : "externalId" in record && record.externalId
          ? `ext:${record.externalId}`
          : null;
    if (identity !== null) {
      const first = seen.get(identity);
      if (first !== undefined) {
        errors.push({
          index,
          path: "day" in record ? "day" : "externalId",
          message: `duplicates record ${first} of this batch`,
        });
      } else seen.set(identity, index);
    }
  }

  // References: accounts (and contacts of activities) must exist.
  const accountIds = [...new Set(valid.map((v) => v.record.accountId))];
  const known = new Set(
    accountIds.length === 0
      ? []
      : (
          await db
            .select({ id: schema.accounts.id })
            .from(schema.accounts)
            .where(sql`${schema.accounts.id} in ${uuidList(accountIds)}`)
        ).map((row) => row.id),
  );
  const contactIds = [
    ...new Set(
      valid.flatMap((v) => ("contactId" in v.record && v.record.contactId ? [v.record.contactId] : [])),
    ),
  ];
  const contactAccount = new Map(
    contactIds.length === 0
      ? []
      : (
          await db
            .select({ id: schema.contacts.id, accountId: schema.contacts.accountId })
            .from(schema.contacts)
            .where(sql`${schema.contacts.id} in ${uuidList(contactIds)}`)
        ).map((row) => [row.id, row.accountId]),
  );
  for (const { index, record } of valid) {
    if (!known.has(record.accountId)) {
      errors.push({ index, path: "accountId", message: `unknown account ${record.accountId}` });
    }
    if ("contactId" in record && record.contactId) {
      const owner = contactAccount.get(record.contactId);
      if (owner === undefined) {
        errors.push({ index, path: "contactId", message: `unknown contact ${record.contactId}` });
      } else if (owner !== record.accountId) {
        errors.push({ index, path: "contactId", message: "contact belongs to another account" });
      }
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.index - b.index);
    const badRecords = new Set(errors.map((e) => e.index)).size;
    throw new ServiceError(
      "unprocessable",
      `${badRecords} of ${raw.length} record${raw.length === 1 ? "" : "s"} ${badRecords === 1 ? "is" : "are"} invalid; nothing was stored`,
      errors,
    );
  }
  return valid.map((v) => v.record) as IngestRecords[F];
}

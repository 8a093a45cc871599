import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { selectSummaries } from "./document-view.ts";

const { documents } = schema;

/** M-2: an account's documents, most recently edited first. */
export function listAccountDocuments({ db }: ServiceContext, { accountId }: { accountId: string }) {
  return selectSummaries(db, eq(documents.accountId, accountId));
}

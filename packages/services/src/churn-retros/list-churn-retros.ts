import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { type ChurnRetroView, selectChurnRetros } from "./churn-retro-view.ts";

/** churn retros, newest first, optionally only open ones. */
export async function listChurnRetros(
  ctx: ServiceContext,
  { status }: { status?: "open" | "reviewed" | "closed" } = {},
): Promise<ChurnRetroView[]> {
  return selectChurnRetros(ctx.db, status ? sql`cr.status = ${status}` : sql`true`);
}

import { allowedAccountActions } from "@keel/domain";
import { sql } from "drizzle-orm";
import { loadAssignments } from "#authorization/authorize.ts";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ChurnRetroView, selectChurnRetros } from "./churn-retro-view.ts";

/** One retro, with whether the person looking may edit it (the UI offers only what the server takes). */
export type ChurnRetroDetail = ChurnRetroView & { canEdit: boolean };

export async function getChurnRetro(
  ctx: ServiceContext,
  { retroId }: { retroId: string },
): Promise<ChurnRetroDetail> {
  const [retro] = await selectChurnRetros(ctx.db, sql`cr.id = ${retroId}::uuid`);
  if (!retro) throw new ServiceError("not_found", `Churn retro ${retroId} does not exist`);
  const team = (await loadAssignments(ctx.db, retro.accountId)) ?? {};
  return { ...retro, canEdit: allowedAccountActions(ctx.actor, team).includes("account.editChurnRetro") };
}

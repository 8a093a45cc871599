import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ChurnRetroView, selectChurnRetros } from "./churn-retro-view.ts";

export async function getChurnRetro(
  ctx: ServiceContext,
  { retroId }: { retroId: string },
): Promise<ChurnRetroView> {
  const [retro] = await selectChurnRetros(ctx.db, sql`cr.id = ${retroId}::uuid`);
  if (!retro) throw new ServiceError("not_found", `Churn retro ${retroId} does not exist`);
  return retro;
}

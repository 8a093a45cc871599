import { queryRows } from "@keel/db";
import { isoWeekOf, type RenewalForecastInput } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { getRenewal, type RenewalDetail } from "./get-renewal.ts";
import { bumpRenewalVersion, lockRenewal } from "./lock-renewal.ts";

/**
 * this week's forecast, appended. Entering the week again adds a newer entry (the week's
 * forecast is its latest; earlier ones stay in the history, X-5). The account's health category
 * is kept with it, for the data forecast.
 */
export async function forecastRenewal(
  ctx: ServiceContext,
  input: { renewalId: string; forecast: RenewalForecastInput },
): Promise<RenewalDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    // No If-Match: forecasts are appended, never edited, so two entries cannot overwrite each other.
    const renewal = await lockRenewal(db, input.renewalId);
    await authorizeAccount(db, actor, "account.editRenewalPlan", renewal.accountId);
    const week = isoWeekOf(todayOf(now));
    const { outcome, expectedArrCents, expectedSeats, note } = input.forecast;
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into renewal_forecasts (renewal_id, week, outcome, expected_arr_cents, expected_seats, note,
          health_category, author_id, entered_at)
        values (${renewal.id}::uuid, ${week}, ${outcome}, ${expectedArrCents}, ${expectedSeats}, ${note ?? null},
          (select category from account_health where account_id = ${renewal.accountId}::uuid),
          ${actor.id}, ${now.toISOString()}::timestamptz)
        returning id::text`,
    );
    // The renewal keeps its latest forecast (the pipeline and the roll-up read it there).
    await db.execute(sql`update renewals set forecast_outcome = ${outcome}, forecast_arr_cents = ${expectedArrCents},
        forecasted_at = ${now.toISOString()}::timestamptz
      where id = ${renewal.id}::uuid`);
    await bumpRenewalVersion(db, renewal.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "renewal.forecast",
      entity: "renewal",
      entityId: renewal.id,
      after: { id: row!.id, week, ...input.forecast },
      requestId,
    });
    return getRenewal(txc, { renewalId: renewal.id });
  });
}

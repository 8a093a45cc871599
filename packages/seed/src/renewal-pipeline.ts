import { en, Faker } from "@faker-js/faker";
import { type Database, queryRows } from "@keel/db";
import { addDays, type HealthCategory, type RenewalOutcome, type UserRole } from "@keel/domain";
import {
  approveRenewalAssessment,
  assessRenewal,
  forecastRenewal,
  planRenewal,
  processRenewal,
  recomputeHealth,
  type ServiceContext,
  syncRenewals,
} from "@keel/services";
import { sql } from "drizzle-orm";

/** How many renewals past their date the demo keeps unprocessed, on purpose (the overdue view). */
export const DEMO_OVERDUE_RENEWALS = 2;

export type RenewalPipelineCounts = {
  open: number;
  processed: number;
  overdue: number;
  assessed: number;
  approved: number;
  planned: number;
  forecast: number;
};

/**
 * The current renewal pipeline, made by the services as the people would have (R-1…R-6): every
 * account's open renewal; the ones already past their date processed by their AE a few days
 * after it (all but DEMO_OVERDUE_RENEWALS); and, for renewals inside T-120, assessments by the
 * TA, approvals by both managers, plans and weekly forecasts by the AE, so each phase has some.
 * Runs after the playbook replay, so T-120 has made the Health Assessment documents first.
 */
export async function seedRenewalPipeline(
  db: Database,
  {
    today,
    seed,
    healthAt,
  }: { today: string; seed: number /** when the seed's scores are stamped */; healthAt: Date },
): Promise<RenewalPipelineCounts> {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed + 7);
  const at = (day: string) => new Date(`${day}T15:00:00Z`);
  await syncRenewals(db, { today, at: at(today) });

  const roles = new Map(
    (await queryRows<{ id: string; roles: UserRole[] }>(db, sql`select id, roles from "user"`)).map((u) => [
      u.id,
      u.roles,
    ]),
  );
  const as = (userId: string, day: string): ServiceContext => ({
    db,
    actor: { id: userId, roles: roles.get(userId) ?? [] },
    now: at(day),
    requestId: "seed",
  });
  const counts: RenewalPipelineCounts = {
    open: 0,
    processed: 0,
    overdue: 0,
    assessed: 0,
    approved: 0,
    planned: 0,
    forecast: 0,
  };

  const open = await queryRows<{
    id: string;
    account_id: string;
    due_date: string;
    arr: string;
    seats: number;
    ta: string | null;
    ae: string | null;
    category: HealthCategory | null;
  }>(
    db,
    sql`select r.id::text, r.account_id::text, r.due_date::text, a.arr_cents::text as arr, a.seats_purchased as seats,
        ta.user_id as ta, ae.user_id as ae, h.category
      from renewals r join accounts a on a.id = r.account_id
      left join account_team ta on ta.account_id = a.id and ta.role = 'ta'
      left join account_team ae on ae.account_id = a.id and ae.role = 'ae'
      left join account_health h on h.account_id = a.id
      where r.processed_at is null
      order by r.due_date, r.id`,
  );
  const version = async (renewalId: string) =>
    (
      await queryRows<{ version: number }>(
        db,
        sql`select version from renewals where id = ${renewalId}::uuid`,
      )
    )[0]!.version;

  let keptOverdue = 0;
  const processedAccounts: string[] = [];
  for (const renewal of open) {
    const arr = Number(renewal.arr);
    if (renewal.due_date < today) {
      // Past its date: processed by the AE a few days later, except the few kept to show overdue.
      if (keptOverdue < DEMO_OVERDUE_RENEWALS || !renewal.ae) {
        keptOverdue++;
        counts.overdue++;
        continue;
      }
      const day = minDay(addDays(renewal.due_date, faker.number.int({ min: 1, max: 6 })), today);
      const outcome = faker.helpers.weightedArrayElement<RenewalOutcome>([
        { value: "flat", weight: 70 },
        { value: "incremental", weight: 18 },
        { value: "partial_churn", weight: 12 },
      ]);
      const factor =
        outcome === "flat"
          ? 1
          : outcome === "incremental"
            ? 1 + faker.number.float({ min: 0.05, max: 0.3 })
            : 1 - faker.number.float({ min: 0.05, max: 0.3 });
      // The demo's ARR stays within the $10k–$2M of its book (seed.test.ts): else it renews flat.
      const scaled = Math.round((arr * factor) / 10_000) * 10_000;
      const arrAfter = scaled > 200_000_000 || scaled < 1_000_000 ? arr : scaled;
      const seatsAfter = outcome === "flat" ? renewal.seats : Math.max(1, Math.round(renewal.seats * factor));
      await processRenewal(as(renewal.ae, day), {
        renewalId: renewal.id,
        expectedVersion: await version(renewal.id),
        outcome: {
          outcome: arrAfter === arr ? "flat" : outcome,
          arrAfterCents: arrAfter,
          seatsAfter: arrAfter === arr ? renewal.seats : seatsAfter,
          ...(outcome === "partial_churn" && arrAfter !== arr
            ? {
                closedLostCategory: "budget" as const,
                churnReason: "Fewer teams on the platform after a reorganisation",
              }
            : {}),
        },
      });
      counts.processed++;
      processedAccounts.push(renewal.account_id);
      continue;
    }
    counts.open++;
    const daysLeft = Math.round((Date.parse(renewal.due_date) - Date.parse(today)) / 86_400_000);
    if (daysLeft > 120 || !renewal.ta || !renewal.ae) continue;
    // Inside T-120: a fifth not assessed yet; the rest rated as the account's health reads.
    const step = faker.number.float({ min: 0, max: 1 });
    if (step < 0.2) continue;
    const rating = renewal.category === "red" ? "red" : renewal.category === "yellow" ? "yellow" : "green";
    const started =
      addDays(renewal.due_date, -120) > addDays(today, -28) ? addDays(today, -3) : addDays(today, -21);
    await assessRenewal(as(renewal.ta, started), {
      renewalId: renewal.id,
      expectedVersion: await version(renewal.id),
      assessment: { rating, summary: summaryOf(rating) },
    });
    counts.assessed++;
    if (step < 0.35) continue; // waiting for the managers
    await approveRenewalAssessment(as("usr_manager", addDays(started, 1)), {
      renewalId: renewal.id,
      expectedVersion: await version(renewal.id),
    });
    await approveRenewalAssessment(as("usr_sales_manager", addDays(started, 2)), {
      renewalId: renewal.id,
      expectedVersion: await version(renewal.id),
    });
    counts.approved++;
    if (step < 0.6) continue; // in its route: Lighthouse, save plan or monitor
    const projected: RenewalOutcome = rating === "green" ? "flat" : "partial_churn";
    const expected = rating === "green" ? arr : Math.round((arr * 0.8) / 10_000) * 10_000;
    await planRenewal(as(renewal.ae, addDays(started, 4)), {
      renewalId: renewal.id,
      expectedVersion: await version(renewal.id),
      plan: { projectedOutcome: projected, expectedArrCents: expected },
    });
    counts.planned++;
    if (step < 0.75) continue;
    for (let weeksAgo = faker.number.int({ min: 1, max: 3 }); weeksAgo >= 0; weeksAgo--) {
      const day = addDays(today, -7 * weeksAgo);
      if (day < addDays(started, 5)) continue;
      const drift = 1 + faker.number.float({ min: -0.05, max: 0.05 });
      await forecastRenewal(as(renewal.ae, day), {
        renewalId: renewal.id,
        forecast: {
          outcome: projected,
          expectedArrCents: Math.round((expected * drift) / 10_000) * 10_000,
          expectedSeats: projected === "flat" ? renewal.seats : Math.max(1, Math.round(renewal.seats * 0.8)),
        },
      });
      counts.forecast++;
    }
  }
  // Processing recomputed those accounts' health as of the day it happened; the demo's scores
  // are today's, like every other account's.
  if (processedAccounts.length > 0) {
    await recomputeHealth(db, { asOf: today, at: healthAt, cause: "seed", accountIds: processedAccounts });
  }
  return counts;
}

const minDay = (a: string, b: string) => (a < b ? a : b);

function summaryOf(rating: "green" | "yellow" | "red"): string {
  if (rating === "red") return "Usage has fallen for two quarters and the champion has left; renewal at risk";
  if (rating === "yellow")
    return "Adoption is uneven across teams; a save plan will cover the gaps before renewal";
  return "Healthy usage, an engaged champion and access to the buyer";
}

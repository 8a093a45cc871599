import { en, Faker } from "@faker-js/faker";
import type { Database } from "@keel/db";
import {
  type accounts,
  churnRetroActions,
  churnRetros,
  renewalAssessmentApprovals,
  renewalAssessments,
  renewalForecasts,
  renewalOutcomeBands,
  renewalPlans,
  renewals,
} from "@keel/db/schema";
import {
  addDays,
  addMonths,
  type ClosedLostCategory,
  categoryAtWeeksOut,
  churnRetroRequired,
  DAY_MS,
  dayMs,
  type HealthCategory,
  isoWeekOf,
  mondayOfIsoWeek,
  outcomeOfNumbers,
  type RenewalOutcome,
  type RenewalRating,
  renewalPolicy,
  type TeamRole,
  type WeeksOutBucket,
} from "@keel/domain";

/**
 * Demo renewal history (R-2…R-7, X-5): the processed renewal cycles of the last two years, each
 * with its health assessment and both approvals, its renewal plan, the AE's weekly forecasts
 * from about T-16 weeks (drifting toward what happened, some weeks skipped so carry-forward
 * shows) and, for churns above the R-7 threshold with fewer seats, a churn retro and its calls
 * to action. Numbers are worked backwards from the account's current ARR and seats, which are
 * the newest processed cycle's "after"; the account itself is never changed.
 *
 * A full churn leaves no ARR, which no current customer can have had last: full churns are the
 * former contracts of some late-stage prospects (win-backs), whose account ARR is the new deal.
 *
 * The current (unprocessed) renewals are the services' to create; none is written here.
 */
type AccountRow = typeof accounts.$inferInsert;

export type RenewalHistoryInput = {
  accounts: readonly AccountRow[];
  /** The account team's seats (ta, ae, ce …) by account id. */
  teamOf: ReadonlyMap<string, Partial<Record<TeamRole, string>>>;
  /** ISO date; every row is dated before it. */
  today: string;
  seed: number;
  /**
   * The account's health category as it stood on a day (the seed's snapshots), or null where
   * there is none; without it (or before the first snapshot) a category fitting the outcome.
   */
  healthCategoryOf?: (accountId: string, day: string) => HealthCategory | null | undefined;
};

export type RenewalHistoryCounts = {
  renewals: number;
  byOutcome: Record<RenewalOutcome, number>;
  assessments: number;
  approvals: number;
  plans: number;
  forecasts: number;
  churnRetros: number;
  retroActions: number;
};

/** The TS churn-retro sponsor and the two sides that approve an assessment. */
const TS_MANAGER = "usr_manager";
const SALES_MANAGER = "usr_sales_manager";
/** Forecasts start this many ISO weeks before the due week. */
const FORECAST_WEEKS = 16;
/** The retros the demo needs at least, when the book has accounts big enough for them. */
const MIN_RETROS = 3;
const BATCH = 1_000;
const HOUR = 3_600_000;
/** ARR moves in whole hundreds of dollars, as the accounts' ARR does. */
const STEP = 10_000;

const round100 = (cents: number) => Math.round(cents / STEP) * STEP;

type Cycle = {
  accountId: string;
  dueDate: string;
  nextRenewalDate: string | null;
  outcome: RenewalOutcome;
  /** The share of ARR lost (partial churn) or gained (incremental); 0 otherwise. */
  change: number;
  /** A partial churn that keeps its seats (a discount, not lost users): R-7's exception. */
  keepsSeats: boolean;
  arrBeforeCents: number;
  seatsBefore: number;
  arrAfterCents: number;
  seatsAfter: number;
};

/** The AEs' habits: how optimistic their early calls tend to be (share of ARR at stake). */
const aeOptimism: Record<string, number> = { usr_ae: 0.07, usr_ae2: 0.015 };

export async function seedRenewalHistory(
  db: Database,
  input: RenewalHistoryInput,
): Promise<RenewalHistoryCounts> {
  const faker = new Faker({ locale: [en] });
  faker.seed(input.seed + 104_729);
  const policy = renewalPolicy;
  const today = input.today;
  const todayMs = dayMs(today);
  const cutoff = addMonths(today, -24);
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  const between = (min: number, max: number) => faker.number.float({ min, max });
  const int = (min: number, max: number) => faker.number.int({ min, max });

  // 1. Which cycles each account had, and what each came to (outcome and size of the change).
  const cyclesOf = new Map<string, Cycle[]>(); // newest first
  const drawChange = (allowFull: boolean): Pick<Cycle, "outcome" | "change" | "keepsSeats"> => {
    const outcome: RenewalOutcome = allowFull
      ? "full_churn"
      : faker.helpers.weightedArrayElement([
          { value: "flat", weight: 715 },
          { value: "incremental", weight: 155 },
          { value: "partial_churn", weight: 130 },
        ] as const);
    const change =
      outcome === "incremental" ? between(0.05, 0.4) : outcome === "partial_churn" ? between(0.08, 0.45) : 0;
    return { outcome, change, keepsSeats: outcome === "partial_churn" && chance(0.2) };
  };
  // A win-back: the former contract ended in a full churn, a year or two before this deal.
  const winBack = (id: string) => {
    const lastDue = addDays(today, -int(45, 700));
    const cycles: Cycle[] = [
      { accountId: id, dueDate: lastDue, nextRenewalDate: null, ...drawChange(true), ...unset() },
    ];
    const earlier = addMonths(lastDue, -policy.termMonths);
    if (earlier >= cutoff)
      cycles.push({
        accountId: id,
        dueDate: earlier,
        nextRenewalDate: lastDue,
        ...drawChange(false),
        ...unset(),
      });
    cyclesOf.set(id, cycles);
  };
  const prospects: string[] = [];
  for (const account of input.accounts) {
    const id = account.id!;
    if (account.contractStart && account.renewalDate && account.contractStart < today) {
      // The newest processed renewal set today's renewal date: a renewal date more than a term
      // out means it was renewed for two years (the seed's books have such contracts).
      const cycles: Cycle[] = [];
      let nextRenewalDate = account.renewalDate;
      for (let j = 1; ; j++) {
        const dueDate = addMonths(account.renewalDate, -policy.termMonths * j);
        if (dueDate < cutoff || dueDate <= account.contractStart) break;
        if (dueDate >= today) continue;
        cycles.push({ accountId: id, dueDate, nextRenewalDate, ...drawChange(false), ...unset() });
        nextRenewalDate = dueDate;
      }
      if (cycles.length > 0) cyclesOf.set(id, cycles);
    } else if (!account.contractStart && account.closeDate && account.closeDate > today) {
      prospects.push(id);
      if (chance(0.15)) winBack(id);
    }
  }
  // Every book with prospects shows at least one full churn.
  if (prospects.length > 0 && !prospects.some((id) => cyclesOf.has(id))) winBack(prospects[0]!);

  const accountById = new Map(input.accounts.map((account) => [account.id!, account]));
  const winBackScale = new Map<string, [number, number]>();
  for (const [id, cycles] of cyclesOf)
    if (cycles[0]?.outcome === "full_churn") winBackScale.set(id, [between(0.5, 1.3), between(0.5, 1.3)]);

  // 2. The numbers, backwards from today's ARR and seats: each cycle's "after" is the ARR at
  // stake of the one after it, the newest's is the account's (a win-back's: nothing).
  const work = (id: string) => {
    const account = accountById.get(id)!;
    const cycles = cyclesOf.get(id)!;
    const scale = winBackScale.get(id);
    let after = account.arrCents ?? 0;
    let seats = account.seatsPurchased ?? 10;
    for (const cycle of cycles) {
      if (cycle.outcome === "full_churn") {
        cycle.arrAfterCents = 0;
        cycle.seatsAfter = 0;
        cycle.arrBeforeCents = Math.max(1_000_000, round100(after * (scale?.[0] ?? 1)));
        cycle.seatsBefore = Math.max(10, Math.round(seats * (scale?.[1] ?? 1)));
      } else {
        cycle.arrAfterCents = after;
        cycle.seatsAfter = seats;
        if (cycle.outcome === "flat") {
          cycle.arrBeforeCents = after;
          cycle.seatsBefore = seats;
        } else if (cycle.outcome === "incremental") {
          cycle.arrBeforeCents = Math.max(STEP, Math.min(after - STEP, round100(after / (1 + cycle.change))));
          const grown = Math.round(seats / (1 + cycle.change * 0.8));
          cycle.seatsBefore = Math.max(1, Math.min(seats, grown));
        } else {
          cycle.arrBeforeCents = Math.max(after + STEP, round100(after / (1 - cycle.change)));
          cycle.seatsBefore = cycle.keepsSeats
            ? seats
            : seats + Math.max(1, Math.round(seats * cycle.change * 0.9));
        }
      }
      after = cycle.arrBeforeCents;
      seats = cycle.seatsBefore;
    }
  };
  for (const id of cyclesOf.keys()) work(id);

  // 3. R-7's demo: at least three churns above the threshold with fewer seats. Where chance
  // gave fewer, the newest renewal of the biggest remaining customers was a partial churn.
  const requiresRetro = (cycle: Cycle) =>
    churnRetroRequired(
      {
        outcome: cycle.outcome,
        arrBeforeCents: cycle.arrBeforeCents,
        arrAfterCents: cycle.arrAfterCents,
        seatsBefore: cycle.seatsBefore,
        seatsAfter: cycle.seatsAfter,
      },
      policy,
    ).required;
  let retroCount = [...cyclesOf.values()].flat().filter(requiresRetro).length;
  const candidates = [...cyclesOf.entries()]
    .filter(([id, cycles]) => !winBackScale.has(id) && !cycles.some(requiresRetro))
    .map(([id]) => accountById.get(id)!)
    .filter((account) => (account.arrCents ?? 0) >= 2 * policy.retroChurnThresholdCents)
    .sort((a, b) => (b.arrCents ?? 0) - (a.arrCents ?? 0) || (a.id! < b.id! ? -1 : 1));
  for (const account of candidates) {
    if (retroCount >= MIN_RETROS) break;
    const newest = cyclesOf.get(account.id!)![0]!;
    const after = account.arrCents ?? 0;
    const threshold = policy.retroChurnThresholdCents;
    newest.outcome = "partial_churn";
    newest.change = Math.min(0.6, threshold / (threshold + after) + 0.08);
    newest.keepsSeats = false;
    work(account.id!);
    retroCount++;
  }

  // 4. The rows: assessment, approvals, plan, weekly forecasts, the processed outcome, retros.
  const renewalRows: (typeof renewals.$inferInsert)[] = [];
  const assessmentRows: (typeof renewalAssessments.$inferInsert)[] = [];
  const approvalRows: (typeof renewalAssessmentApprovals.$inferInsert)[] = [];
  const planRows: (typeof renewalPlans.$inferInsert)[] = [];
  const forecastRows: (typeof renewalForecasts.$inferInsert)[] = [];
  const bandRows: (typeof renewalOutcomeBands.$inferInsert)[] = [];
  const retroRows: (typeof churnRetros.$inferInsert)[] = [];
  const actionRows: (typeof churnRetroActions.$inferInsert)[] = [];
  const byOutcome: Record<RenewalOutcome, number> = {
    full_churn: 0,
    partial_churn: 0,
    flat: 0,
    incremental: 0,
  };
  // Nothing is dated after the seed's today.
  const past = (ms: number) => new Date(Math.min(ms, todayMs - HOUR));
  const at = (day: string, fromHour = 9, toHour = 18) =>
    dayMs(day) + int(fromHour * 60, toHour * 60 - 1) * 60_000;

  for (const account of input.accounts) {
    const cycles = cyclesOf.get(account.id!);
    if (!cycles) continue;
    const team = input.teamOf.get(account.id!) ?? {};
    const ae = team.ae ?? null;
    const ta = team.ta ?? null;
    // Oldest first, so ids and forecast ids run in time order within an account.
    for (const cycle of [...cycles].reverse()) {
      const renewalId = faker.string.uuid();
      const due = cycle.dueDate;
      const churn = cycle.outcome === "partial_churn" || cycle.outcome === "full_churn";
      byOutcome[cycle.outcome]++;

      // The health category over the cycle: the seed's snapshots where they reach, else a story
      // fitting the outcome (churns mostly red or yellow, renewals mostly green), that may turn.
      const storyStart = faker.helpers.weightedArrayElement(
        churn
          ? [
              { value: "red", weight: 45 },
              { value: "yellow", weight: 40 },
              { value: "green", weight: 15 },
            ]
          : cycle.outcome === "incremental"
            ? [
                { value: "green", weight: 80 },
                { value: "yellow", weight: 17 },
                { value: "red", weight: 3 },
              ]
            : [
                { value: "green", weight: 62 },
                { value: "yellow", weight: 30 },
                { value: "red", weight: 8 },
              ],
      ) as HealthCategory;
      const storyEnd: HealthCategory = chance(0.25)
        ? churn
          ? storyStart === "green"
            ? "yellow"
            : "red"
          : storyStart === "red"
            ? "yellow"
            : "green"
        : storyStart;
      const turnDay = addDays(due, -int(10, 110));
      const categoryOn = (day: string): HealthCategory => {
        const known = input.healthCategoryOf?.(cycle.accountId, day);
        if (known && known !== "unknown") return known;
        return day < turnDay ? storyStart : storyEnd;
      };

      // assessed at T-120 by the TA with the AE, approved by both sides within days.
      const assessedMs = at(addDays(due, -policy.assessmentStartDays + int(0, 2)));
      const categoryAtAssessment = categoryOn(isoDayOf(assessedMs));
      const rating: RenewalRating =
        categoryAtAssessment === "unknown"
          ? "yellow"
          : chance(0.2)
            ? churn
              ? categoryAtAssessment === "green"
                ? "yellow"
                : "red"
              : categoryAtAssessment === "red"
                ? "yellow"
                : "green"
            : categoryAtAssessment;
      const approvedTs = assessedMs + int(4, 60) * HOUR;
      const approvedSales = assessedMs + int(4, 72) * HOUR;

      // the AE's initial projection, usually hopeful about churns and quiet about growth.
      const projected: RenewalOutcome =
        cycle.outcome === "full_churn"
          ? faker.helpers.arrayElement(["full_churn", "partial_churn", "partial_churn"] as const)
          : cycle.outcome === "partial_churn"
            ? chance(0.5)
              ? "flat"
              : "partial_churn"
            : cycle.outcome === "incremental"
              ? chance(0.55)
                ? "flat"
                : "incremental"
              : chance(0.9)
                ? "flat"
                : rating === "green"
                  ? "incremental"
                  : "partial_churn";
      const before = cycle.arrBeforeCents;
      const planArr =
        projected === "full_churn"
          ? 0
          : projected === "flat"
            ? before
            : projected === "incremental"
              ? round100(before * (1 + between(0.05, 0.25)))
              : Math.min(before - STEP, round100(before * (1 - between(0.1, 0.35))));
      const planMs = Math.max(approvedTs, approvedSales) + int(20, 96) * HOUR;

      // processed a few days around the due date (never after yesterday).
      const processedMs = Math.min(at(addDays(due, int(-5, 7))), dayMs(addDays(today, -1)) + 17 * HOUR);
      const processedDay = isoDayOf(processedMs);

      // weekly forecasts from T-16 weeks to the due week.
      const optimism = (aeOptimism[ae ?? ""] ?? 0.04) + between(-0.04, 0.08);
      const actual = cycle.arrAfterCents;
      const dueMonday = mondayOfIsoWeek(isoWeekOf(due));
      let previous: { outcome: RenewalOutcome; arr: number; seats: number } | null = null;
      const forecastAt = (k: number, weight: number) => {
        if (previous && chance(0.3)) return previous; // the AE saw no reason to change the call
        let arr =
          actual + (planArr + before * optimism - actual) * weight + before * between(-0.05, 0.05) * weight;
        if (k <= 1 && chance(0.75)) arr = actual;
        if (Math.abs(arr - before) <= before * 0.03) arr = before; // "flat", as AEs call it
        if (actual === 0 && arr < before * 0.15) arr = 0;
        arr = Math.max(0, round100(arr));
        const outcome = outcomeOfNumbers(before, arr);
        const progress =
          outcome === "flat" || actual === before
            ? 0
            : Math.min(1.2, Math.max(0, (arr - before) / (actual - before)));
        const seats =
          outcome === "full_churn"
            ? 0
            : Math.max(0, Math.round(cycle.seatsBefore + (cycle.seatsAfter - cycle.seatsBefore) * progress));
        return { outcome, arr, seats };
      };
      const firstForecasts = forecastRows.length;
      for (let k = FORECAST_WEEKS; k >= 0; k--) {
        if (chance(0.18)) continue; // a week without a new call: the last one carries forward
        const monday = addDays(dueMonday, -7 * k);
        const entryMs = at(addDays(monday, int(0, 4)));
        if (entryMs <= planMs || isoDayOf(entryMs) >= processedDay || isoDayOf(entryMs) > due) continue;
        const weight = (k / FORECAST_WEEKS) ** 1.3;
        const call = forecastAt(k, weight);
        previous = call;
        const week = isoWeekOf(isoDayOf(entryMs));
        const row = {
          renewalId,
          week,
          outcome: call.outcome,
          expectedArrCents: call.arr,
          expectedSeats: call.seats,
          note: null as string | null,
          healthCategory: categoryOn(isoDayOf(entryMs)),
          authorId: ae,
          enteredAt: new Date(entryMs),
        };
        forecastRows.push(row);
        // Now and then a week is re-entered the next day (append-only: the latest of the week counts).
        const againMs = entryMs + DAY_MS + int(1, 5) * HOUR;
        if (chance(0.05) && isoWeekOf(isoDayOf(againMs)) === week && isoDayOf(againMs) < processedDay) {
          const corrected = forecastAt(k, weight * 0.6);
          previous = corrected;
          forecastRows.push({
            ...row,
            outcome: corrected.outcome,
            expectedArrCents: corrected.arr,
            expectedSeats: corrected.seats,
            note: "Corrected after the account call.",
            enteredAt: new Date(againMs),
          });
        }
      }
      // processed, so its forecasts are final: the category at each band, as processing writes it.
      const bands = categoryAtWeeksOut(
        due,
        forecastRows.slice(firstForecasts).map((f) => ({
          enteredOn: isoDayOf(f.enteredAt!.getTime()),
          category: f.healthCategory ?? null,
        })),
      );
      for (const [band, category] of Object.entries(bands) as [WeeksOutBucket, HealthCategory][])
        bandRows.push({ renewalId, band, category });
      if (forecastRows.length > firstForecasts) {
        const first = forecastRows[firstForecasts]!;
        if (forecastRows.length - firstForecasts > 1 && first.note === null)
          first.note = faker.helpers.arrayElement(forecastNotes[first.outcome as RenewalOutcome]);
      }

      const category: ClosedLostCategory | null = churn
        ? faker.helpers.weightedArrayElement([
            { value: "budget", weight: 30 },
            { value: "product_fit", weight: 15 },
            { value: "competitor", weight: 15 },
            { value: "consolidation", weight: 15 },
            { value: "champion_left", weight: 12 },
            { value: "acquired", weight: 6 },
            { value: "other", weight: 7 },
          ] as const)
        : null;
      const reason = category ? faker.helpers.arrayElement(churnReasons[category]) : null;

      // the renewal keeps its milestones as the services write them (forecasts are in order).
      const latest = forecastRows.length > firstForecasts ? forecastRows.at(-1)! : null;
      renewalRows.push({
        id: renewalId,
        accountId: cycle.accountId,
        dueDate: due,
        arrAtStakeCents: before,
        seatsAtStake: cycle.seatsBefore,
        createdAt: new Date(dayMs(addDays(due, -180)) + 6 * HOUR),
        outcome: cycle.outcome,
        arrAfterCents: cycle.arrAfterCents,
        seatsAfter: cycle.seatsAfter,
        closedLostCategory: category,
        churnReason: reason,
        processedAt: new Date(processedMs),
        processedBy: ae,
        nextRenewalDate: cycle.nextRenewalDate,
        rating,
        approvedAt: new Date(Math.max(approvedTs, approvedSales)),
        plannedAt: new Date(planMs),
        forecastOutcome: latest?.outcome ?? null,
        forecastArrCents: latest?.expectedArrCents ?? null,
        forecastedAt: latest?.enteredAt ?? null,
      });
      assessmentRows.push({
        renewalId,
        rating,
        summary: faker.helpers.arrayElement(assessmentSummaries[rating]),
        documentId: null,
        assessedBy: ta ?? ae,
        assessedAt: new Date(assessedMs),
      });
      approvalRows.push(
        { renewalId, side: "ts", userId: TS_MANAGER, approvedAt: new Date(approvedTs) },
        { renewalId, side: "sales", userId: SALES_MANAGER, approvedAt: new Date(approvedSales) },
      );
      planRows.push({
        renewalId,
        projectedOutcome: projected,
        expectedArrCents: planArr,
        note: chance(0.6) ? faker.helpers.arrayElement(planNotes[projected]) : null,
        updatedBy: ae,
        updatedAt: new Date(planMs),
      });

      // the churn retro, reviewed by the TA, the AE and the TS sponsor.
      if (requiresRetro(cycle)) {
        const retroId = faker.string.uuid();
        const createdMs = Math.min(processedMs + int(2, 48) * HOUR, todayMs - HOUR);
        const recent = todayMs - createdMs < 14 * DAY_MS;
        const status = recent
          ? "open"
          : faker.helpers.weightedArrayElement([
              { value: "closed", weight: 50 },
              { value: "reviewed", weight: 40 },
              { value: "open", weight: 10 },
            ] as const);
        retroRows.push({
          id: retroId,
          renewalId,
          accountId: cycle.accountId,
          documentId: null,
          reviewTaskId: null,
          sponsorId: TS_MANAGER,
          arrLostCents: before - cycle.arrAfterCents,
          closedLostCategory: category,
          churnReason: reason,
          lessonsLearned: status === "open" ? "" : faker.helpers.arrayElement(lessons[category ?? "other"]),
          status,
          createdAt: past(createdMs),
        });
        const owners = [ta ?? TS_MANAGER, ae ?? SALES_MANAGER, TS_MANAGER];
        const titles = faker.helpers.arrayElements(retroActionTitles, int(2, 3));
        titles.forEach((title, index) => {
          const dueDate = addDays(isoDayOf(createdMs), int(14, 75));
          // Closed retros finished their calls to action; reviewed ones are working through them.
          const done = status === "closed" || (status === "reviewed" && dueDate < today && chance(0.5));
          actionRows.push({
            id: faker.string.uuid(),
            retroId,
            title,
            ownerId: owners[index % owners.length]!,
            dueDate,
            status: done ? "done" : "open",
            createdAt: past(createdMs + int(1, 6) * DAY_MS),
          });
        });
      }
    }
  }

  for (const [table, rows] of [
    [renewals, renewalRows],
    [renewalAssessments, assessmentRows],
    [renewalAssessmentApprovals, approvalRows],
    [renewalPlans, planRows],
    [renewalForecasts, forecastRows],
    [renewalOutcomeBands, bandRows],
    [churnRetros, retroRows],
    [churnRetroActions, actionRows],
  ] as const) {
    for (let i = 0; i < rows.length; i += BATCH)
      await db.insert(table).values(rows.slice(i, i + BATCH) as never);
  }

  return {
    renewals: renewalRows.length,
    byOutcome,
    assessments: assessmentRows.length,
    approvals: approvalRows.length,
    plans: planRows.length,
    forecasts: forecastRows.length,
    churnRetros: retroRows.length,
    retroActions: actionRows.length,
  };
}

function unset() {
  return { arrBeforeCents: 0, seatsBefore: 0, arrAfterCents: 0, seatsAfter: 0 };
}

const isoDayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const assessmentSummaries: Record<RenewalRating, readonly string[]> = {
  green: [
    "Usage is strong across teams and the champion is already talking about next year's rollout.",
    "Healthy adoption, an engaged champion and buyer access: we expect a clean renewal.",
    "Seats are well used and the account team has regular access to the economic buyer.",
    "Steady usage and no open escalations; the customer sees the platform as core tooling.",
  ],
  yellow: [
    "Adoption has stalled in two business units and the champion has less time for us than last year.",
    "Usage is fine but we have no access to the buyer, and procurement has asked for a discount.",
    "Several open defects and a slow upgrade cadence put the renewal at some risk; a save plan is needed.",
    "The customer is reviewing tool spend, and half the seats have not been active for months.",
  ],
  red: [
    "Our champion left, usage has dropped by a third and the buyer has not answered in two months.",
    "The customer is trialling a competitor and has told the AE the budget is under review.",
    "Low utilization and repeated escalations: leadership is questioning the value of the platform.",
    "A reorganisation moved the owning team and nobody on the customer side owns the rollout.",
  ],
};

const planNotes: Record<RenewalOutcome, readonly string[]> = {
  flat: ["Expect a flat renewal at current seats.", "Procurement wants the same terms as last year."],
  incremental: [
    "Two new teams are evaluating; upsell likely.",
    "Expansion to the platform org is in the budget.",
  ],
  partial_churn: [
    "Expect them to drop unused seats.",
    "Budget cut announced; planning for a reduced footprint.",
  ],
  full_churn: ["The customer has said they will not renew.", "Consolidating onto a competitor's suite."],
};

const forecastNotes: Record<RenewalOutcome, readonly string[]> = {
  flat: ["No change signalled by the customer.", "Buyer confirmed the renewal is in this year's budget."],
  incremental: ["Champion wants more seats for the new team.", "Expansion quote sent."],
  partial_churn: ["Seat true-down expected.", "Customer asked for a quote on fewer seats."],
  full_churn: ["Customer has given notice.", "Decision made to leave; trying to save part of it."],
};

const churnReasons: Record<ClosedLostCategory, readonly string[]> = {
  budget: [
    "The customer cut software spend across engineering by a fifth.",
    "A hiring freeze shrank the engineering org and the budget with it.",
  ],
  product_fit: [
    "The monorepo workflow they moved to is not well served by our deployment model.",
    "Key language support they needed did not ship in time.",
  ],
  competitor: [
    "A competitor bundled a similar tool into their existing contract.",
    "They chose a cheaper competitor after a three-month evaluation.",
  ],
  consolidation: [
    "The customer consolidated developer tooling onto one vendor's suite.",
    "A platform team standardised on a single tool for all business units.",
  ],
  acquired: ["The customer was acquired and moved to the parent company's tooling."],
  champion_left: [
    "Our champion left and the new engineering leadership did not see the value.",
    "The team that drove the rollout was reorganised away.",
  ],
  other: ["The project the licence was bought for was cancelled."],
};

const lessons: Record<ClosedLostCategory, readonly string[]> = {
  budget: [
    "We heard about the budget review late; buyer access would have warned us a quarter earlier.",
    "Value was never quantified for the buyer, so the licence was an easy line to cut.",
  ],
  product_fit: [
    "The fit gap was known at onboarding and never escalated to product.",
    "We should have involved product management when the workflow change was first mentioned.",
  ],
  competitor: [
    "We were not in the room for the evaluation; an executive sponsor would have kept us there.",
    "Our usage story was weak in the teams the competitor targeted.",
  ],
  consolidation: ["We relied on one team; a second business unit would have made us part of the standard."],
  acquired: ["Nothing much to change; we should flag acquisitions to the AE sooner."],
  champion_left: [
    "A single-threaded relationship: when the champion left nobody else knew the value.",
    "We noticed the champion was leaving but did not build a new relationship in time.",
  ],
  other: ["The renewal depended on one project; we should tie the platform to more than one."],
};

const retroActionTitles = [
  "Add a second champion to every strategic account",
  "Quantify value for the economic buyer before T-180",
  "Share the product-fit gap with product management",
  "Review multi-threading in the next team meeting",
  "Add the churn reason to the competitive battlecard",
  "Run an executive business review for similar accounts",
  "Update the health assessment template with the warning signs we missed",
] as const;

import type { RenewalDetail, RenewalPage, RenewalSummary } from "@keel/client";

/** A renewal as GET /renewals lists it; override what a test is about. */
export function renewalSummary(accountName: string, overrides: Partial<RenewalSummary> = {}): RenewalSummary {
  const slug = accountName.toLowerCase();
  return {
    id: `renewal-${slug}`,
    accountId: `account-${slug}`,
    accountName,
    dueDate: "2027-02-15",
    arrAtStakeCents: 12_000_000,
    seatsAtStake: 100,
    currency: "USD",
    ta: { id: "ta-1", name: "Tess Advisor" },
    ae: { id: "ae-1", name: "Avery Exec" },
    healthCategory: "yellow",
    rating: null,
    approvals: { ts: false, sales: false, complete: false, missing: ["ts", "sales"] },
    projectedOutcome: null,
    latestForecast: null,
    forecastCount: 0,
    outcome: null,
    arrAfterCents: null,
    seatsAfter: null,
    processedAt: null,
    savePlan: "not_needed",
    version: 3,
    phase: "health_assessment",
    overdue: false,
    daysLeft: 76,
    reason: "Due in 76 days: the health assessment is not rated yet.",
    ...overrides,
  };
}

export function renewalPage(items: RenewalSummary[], overrides: Partial<RenewalPage> = {}): RenewalPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 50,
    phases: [
      { phase: "health_assessment", count: 2, arrAtStakeCents: 24_000_000 },
      { phase: "renewal_forecast", count: 1, arrAtStakeCents: 5_000_000 },
    ],
    overdue: 0,
    ...overrides,
  };
}

/** A renewal as GET /renewals/:id answers it, with nothing allowed unless a test says so. */
export function renewalDetail(accountName: string, overrides: Partial<RenewalDetail> = {}): RenewalDetail {
  return {
    ...renewalSummary(accountName),
    assessment: null,
    plan: null,
    forecasts: [],
    weekly: [],
    dataForecast: null,
    documents: { healthAssessmentId: "doc-ha", savePlanId: null, churnRetroId: null },
    churnRetroId: null,
    closedLostCategory: null,
    churnReason: null,
    nextRenewalDate: null,
    processedBy: null,
    actions: { assess: false, approveAs: null, plan: false, forecast: false, process: false },
    ...overrides,
  };
}

/** The API's answer, as the typed client's `fetch` gets it. */
export function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

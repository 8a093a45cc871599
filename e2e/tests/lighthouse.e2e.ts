import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn, snap, watchErrors } from "./browser.ts";

const baseURL = inject("baseURL");

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function as(email: string) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  contexts.push(context);
  const page = await signIn(context, baseURL, email);
  return { page, errors: watchErrors(page) };
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const answer = await page.request.get(`${baseURL}/api/v1${path}`);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

/** The last day of the month before `day`: the month whose MAU the health score reads (H-6). */
function lastDayOfPreviousMonth(day: string): string {
  const first = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  return new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
}

describe("Lighthouse (LH-1…LH-5) in Chromium", () => {
  it("LH-1…LH-5: a TA enters an account, its usage criterion meets itself from ingested usage, both leaderships approve the exit", async () => {
    const ta = await as("ta@keel.test");
    // One of Tess's accounts that is not in the program.
    const book = await getJson<{ items: Array<{ id: string; name: string; seatsPurchased: number }> }>(
      ta.page,
      "/accounts?ta=mine&pageSize=100&sort=name&order=asc",
    );
    let account: (typeof book.items)[number] | undefined;
    for (const candidate of book.items) {
      const stays = await getJson<{ total: number }>(
        ta.page,
        `/lighthouse/enrolments?accountId=${candidate.id}&status=open`,
      );
      if (stays.total === 0 && candidate.seatsPurchased > 0) {
        account = candidate;
        break;
      }
    }
    expect(account, "Tess has an account outside the program").toBeDefined();

    // LH-1: entered by hand, with a reason.
    await ta.page.goto(`${baseURL}/lighthouse/accounts/${account!.id}`);
    await ta.page.getByRole("heading", { name: account!.name }).waitFor();
    const enter = ta.page.getByRole("form", { name: "Enter Lighthouse" });
    await enter.getByLabel(/Why is the account at risk/).fill("The champion left and usage collapsed");
    await enter.getByRole("button", { name: "Enter Lighthouse" }).click();
    await ta.page.getByText(/^Entered\./).waitFor();
    const enrolmentId = ta.page.url().split("/").at(-1)!;

    // LH-2: a save plan with one bound criterion (MAU per seat ≥ 0.6) and one manual.
    await ta.page.getByRole("button", { name: "Write the save plan" }).click();
    const plan = ta.page.getByRole("form", { name: "Account Save Plan" });
    await plan.getByLabel(/Problem statement/).fill("The champion left and usage collapsed after the reorg.");
    await plan.getByLabel(/^Goal/).fill("Usage above 60% of seats and a new champion.");
    await plan.getByLabel("Criterion 1").selectOption({ label: "Monthly active users per seat" });
    await plan.getByLabel(/Threshold/).fill("0.6");
    await plan.getByRole("button", { name: "Add a criterion" }).click();
    await plan.getByLabel(/What must be true/).fill("A new champion is named");
    await plan.getByRole("button", { name: "Save the plan" }).click();
    await ta.page.getByText("Success criteria · 0 of 2 met").waitFor();
    await snap(ta.page, "lighthouse-01-plan");

    // Usage ingested through the API (an API key, as a feed would): last month's MAU at 70% of seats.
    const admin = await as("admin@keel.test");
    const created = await admin.page.request.post(`${baseURL}/api/v1/api-keys`, {
      data: { name: "Lighthouse e2e usage feed", scopes: ["ingest:usage"] },
    });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const today = new Date().toISOString().slice(0, 10);
    const ingested = await admin.page.request.post(`${baseURL}/api/v1/ingest/usage`, {
      headers: { Authorization: `Bearer ${key}` },
      data: {
        records: [
          {
            accountId: account!.id,
            day: lastDayOfPreviousMonth(today),
            dau: Math.ceil(account!.seatsPurchased * 0.3),
            mau: Math.ceil(account!.seatsPurchased * 0.7),
          },
        ],
      },
    });
    expect(ingested.status()).toBe(200);
    await ta.page.reload();
    await ta.page.getByText("Success criteria · 1 of 2 met").waitFor();
    await ta.page
      .getByText(/Monthly active users per seat is 0\.7\d*; at least 0\.6 is needed: met\./)
      .waitFor();

    // The manual criterion, marked met with evidence; the TA's weekly update.
    const evidence = ta.page.getByRole("form", { name: "Mark the criterion met" });
    await evidence.getByLabel(/Evidence/).fill("Dana Lee (VP Engineering) named champion");
    await evidence.getByRole("button", { name: "Mark met" }).click();
    await ta.page.getByText(/^Exit proposed\./).waitFor();
    const update = ta.page.getByRole("form", { name: "Post this week's update" });
    await update.getByLabel(/Progress this week/).fill("Enablement done for every team; usage is back");
    await update.getByLabel(/^Asks/).fill("An exec thank-you call");
    await update.getByRole("button", { name: "Post the update" }).click();
    await ta.page.getByText("Enablement done for every team; usage is back").waitFor();
    expect(await ta.page.getByRole("button", { name: "Approve the exit" }).count()).toBe(0);
    await snap(ta.page, "lighthouse-02-exit-proposed");

    // LH-4: the next sync's agenda lists it with its plan and update.
    const agenda = await getJson<{ markdown: string }>(ta.page, `/lighthouse/agenda?date=${today}`);
    expect(agenda.markdown).toContain(`### ${account!.name}`);
    expect(agenda.markdown).toContain("Enablement done for every team; usage is back");

    // LH-5: TS and Sales leadership each approve.
    for (const email of ["manager@keel.test", "sales-manager@keel.test"]) {
      const lead = await as(email);
      await lead.page.goto(`${baseURL}/lighthouse/enrolments/${enrolmentId}`);
      await lead.page.getByRole("button", { name: "Approve the exit" }).click();
      await lead.page.getByRole("button", { name: "Approve the exit" }).waitFor({ state: "detached" });
      expect(lead.errors).toEqual([]);
    }
    await ta.page.reload();
    await ta.page.getByText(/^Exited: saved\./).waitFor();

    // The master list (left the program) and the metrics count it.
    await ta.page.goto(`${baseURL}/lighthouse?status=exited`);
    await ta.page
      .getByRole("row", { name: new RegExp(account!.name) })
      .getByText("Exited: saved")
      .first()
      .waitFor();
    await ta.page.goto(`${baseURL}/lighthouse/metrics`);
    await ta.page.getByText("Save rate (saved of saved and churned)").waitFor();
    const metrics = await getJson<{ exits: { saved: number } }>(ta.page, "/lighthouse/metrics");
    expect(metrics.exits.saved).toBeGreaterThanOrEqual(2);
    await snap(ta.page, "lighthouse-03-metrics");
    expect(ta.errors).toEqual([]);
  });

  it("LH-1 / R-2: an approved red assessment in the renewals app enters its account automatically", async () => {
    const ta = await as("ta@keel.test");
    const renewals = await getJson<{ items: Array<{ id: string; accountId: string; accountName: string }> }>(
      ta.page,
      "/renewals?owner=mine&phase=health_assessment&pageSize=50",
    );
    let renewal: (typeof renewals.items)[number] | undefined;
    for (const candidate of renewals.items) {
      const stays = await getJson<{ total: number }>(
        ta.page,
        `/lighthouse/enrolments?accountId=${candidate.accountId}&status=open`,
      );
      if (stays.total === 0) {
        renewal = candidate;
        break;
      }
    }
    expect(renewal, "Tess has a renewal to assess whose account is outside the program").toBeDefined();
    await ta.page.goto(`${baseURL}/renewals/${renewal!.id}`);
    const form = ta.page.getByRole("form", { name: "Rate the renewal" });
    await form.getByRole("radio", { name: "Red" }).check();
    await form.getByLabel("Summary").fill("Usage collapsed and the champion left");
    await form.getByRole("button", { name: /Save (new )?rating/ }).click();
    await ta.page
      .getByText(/waiting for/i)
      .first()
      .waitFor();
    for (const [email, side] of [
      ["manager@keel.test", "TS leadership"],
      ["sales-manager@keel.test", "Sales leadership"],
    ] as const) {
      const manager = await as(email);
      await manager.page.goto(`${baseURL}/renewals/${renewal!.id}`);
      await manager.page.getByRole("button", { name: `Approve for ${side}` }).click();
      await manager.page.getByRole("button", { name: `Approve for ${side}` }).waitFor({ state: "detached" });
    }
    await ta.page.goto(`${baseURL}/lighthouse`);
    const row = ta.page.getByRole("row", { name: new RegExp(renewal!.accountName) });
    await row.waitFor();
    await row.click();
    await ta.page
      .getByText(/Red renewal health assessment/)
      .first()
      .waitFor();
    await snap(ta.page, "lighthouse-04-entered-from-red");
    expect(ta.errors).toEqual([]);
  });
});

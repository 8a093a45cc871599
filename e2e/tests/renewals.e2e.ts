import type { Browser, BrowserContext } from "playwright-core";
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

type Renewal = {
  id: string;
  accountId: string;
  accountName: string;
  arrAtStakeCents: number;
  seatsAtStake: number;
  phase: string;
  forecastCount: number;
  version: number;
};

async function as(email: string) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  contexts.push(context);
  const page = await signIn(context, baseURL, email);
  return { page, errors: watchErrors(page) };
}

async function renewalsOf(page: Awaited<ReturnType<typeof as>>["page"], query: string): Promise<Renewal[]> {
  const answer = await page.request.get(`${baseURL}/api/v1/renewals?${query}`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: Renewal[] }).items;
}

describe("renewals (R-1…R-7, X-5) in Chromium", () => {
  it("R-2: a TA rates a renewal yellow, both managers approve, and the save plan document and task appear", async () => {
    const ta = await as("ta@keel.test");
    const [renewal] = await renewalsOf(ta.page, "owner=mine&phase=health_assessment&pageSize=50");
    expect(renewal, "Tess has a renewal in its health assessment").toBeDefined();

    await ta.page.goto(`${baseURL}/renewals/${renewal!.id}`);
    await ta.page.getByRole("heading", { name: `${renewal!.accountName} renewal` }).waitFor();
    const form = ta.page.getByRole("form", { name: "Rate the renewal" });
    await form.getByRole("radio", { name: "Yellow" }).check();
    await form.getByLabel("Summary").fill("Adoption is uneven across teams since the reorganisation");
    await form.getByRole("button", { name: /Save (new )?rating/ }).click();
    await ta.page
      .getByText(/waiting for/i)
      .first()
      .waitFor();
    await snap(ta.page, "renewals-01-ta-rated-yellow");

    // the TA cannot approve; each manager approves for their side.
    expect(await ta.page.getByRole("button", { name: /^Approve for/ }).count()).toBe(0);
    for (const [email, side] of [
      ["manager@keel.test", "TS leadership"],
      ["sales-manager@keel.test", "Sales leadership"],
    ] as const) {
      const manager = await as(email);
      await manager.page.goto(`${baseURL}/renewals/${renewal!.id}`);
      await manager.page.getByRole("button", { name: `Approve for ${side}` }).click();
      await manager.page.getByRole("button", { name: `Approve for ${side}` }).waitFor({ state: "detached" });
      expect(manager.errors).toEqual([]);
    }

    await ta.page.reload();
    await ta.page.getByRole("link", { name: "Save Plan" }).waitFor();
    await snap(ta.page, "renewals-02-save-plan");
    const tasks = await (
      await ta.page.request.get(`${baseURL}/api/v1/accounts/${renewal!.accountId}/tasks`)
    ).json();
    expect(
      tasks.items.some(
        (t: { title: string; documentId: string | null }) =>
          /Save Plan/.test(t.title) && t.documentId !== null,
      ),
    ).toBe(true);
    expect(ta.errors).toEqual([]);
  });

  it("R-5/R-6/R-7, L-5, X-5: the AE enters this week's forecast beside an earlier week's, then processes a $200,000 partial churn", async () => {
    const ae = await as("ae@keel.test");
    // A renewal forecast in an earlier week (the seed's): this week's entry shows the change.
    const forecast = (await renewalsOf(ae.page, "owner=mine&phase=renewal_forecast&pageSize=50"))[0];
    expect(forecast, "Evan has a renewal with an earlier forecast").toBeDefined();
    await ae.page.goto(`${baseURL}/renewals/${forecast!.id}`);
    const weekForm = ae.page.getByRole("form", { name: "This week's forecast" });
    await weekForm.getByLabel("Outcome").selectOption({ label: "Flat renewal" });
    await weekForm.getByLabel("Expected ARR ($)").fill(String(Math.round(forecast!.arrAtStakeCents / 100)));
    await weekForm.getByLabel("Expected seats").fill(String(forecast!.seatsAtStake));
    await weekForm.getByRole("button", { name: "Save this week's forecast" }).click();
    const weeks = ae.page.getByRole("table", { name: /Forecast by week/ });
    await weeks.getByText("This week").first().waitFor();
    await snap(ae.page, "renewals-03-ae-forecast");

    // a partial churn of $200,000 with fewer seats.
    const big = (await renewalsOf(ae.page, "owner=mine&sort=arr&order=desc&pageSize=50")).find(
      (r) => r.arrAtStakeCents > 25_000_000 && r.seatsAtStake > 20 && r.id !== forecast!.id,
    );
    expect(big, "Evan has a renewal above $250,000").toBeDefined();
    await ae.page.goto(`${baseURL}/renewals/${big!.id}`);
    const processForm = ae.page.getByRole("form", { name: "Process the renewal" });
    await processForm.getByLabel("Outcome").selectOption({ label: "Partial churn" });
    await processForm
      .getByLabel("ARR after ($)")
      .fill(String(Math.round(big!.arrAtStakeCents / 100) - 200_000));
    await processForm.getByLabel("Seats after").fill(String(big!.seatsAtStake - 10));
    await processForm.getByLabel("Closed-lost category").selectOption({ index: 1 });
    await processForm.getByLabel("Churn reason").fill("Budget cut after a reorganisation");
    await processForm.getByRole("button", { name: "Review the outcome" }).click();
    await ae.page
      .getByRole("region", { name: "Confirm the outcome" })
      .getByRole("button", { name: "Record the outcome" })
      .click();
    await ae.page.getByRole("link", { name: "Churn retro" }).waitFor();
    await snap(ae.page, "renewals-04-processed");

    // L-5: the account left "4. Renewing"; R-7: the retro has its review task.
    const account = await (await ae.page.request.get(`${baseURL}/api/v1/accounts/${big!.accountId}`)).json();
    expect(account.account.lifecycleStage).not.toBe("renewing");
    expect(account.account.arrCents).toBe(big!.arrAtStakeCents - 20_000_000);
    const detail = await (await ae.page.request.get(`${baseURL}/api/v1/renewals/${big!.id}`)).json();
    const retro = await (
      await ae.page.request.get(`${baseURL}/api/v1/churn-retros/${detail.churnRetroId}`)
    ).json();
    expect(retro).toMatchObject({ arrLostCents: 20_000_000, reviewTaskId: expect.any(String) });

    // §11 quarterly forecast and X-5 accuracy count it.
    await ae.page.goto(`${baseURL}/renewals/forecast`);
    await ae.page.getByRole("heading", { level: 1 }).waitFor();
    await snap(ae.page, "renewals-05-quarterly-forecast");
    const rollUp = await (await ae.page.request.get(`${baseURL}/api/v1/renewals/forecast`)).json();
    expect(rollUp.quarters.some((q: { processedCount: number }) => q.processedCount > 0)).toBe(true);
    await ae.page.goto(`${baseURL}/renewals/accuracy`);
    await ae.page.getByRole("heading", { level: 1 }).waitFor();
    await snap(ae.page, "renewals-06-accuracy");
    expect(ae.errors).toEqual([]);
  });
});

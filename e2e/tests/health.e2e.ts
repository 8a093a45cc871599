import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openFromNav, signIn, snap, watchErrors } from "./browser.ts";

const baseURL = inject("baseURL");

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await signIn(context, baseURL, email);
  return { page, errors: watchErrors(page) };
}

const number = (text: string | null) => Number((text ?? "").trim());

async function breakdownSum(page: Page): Promise<number> {
  const cells = await page.locator(".breakdown .breakdown__points").allTextContents();
  return cells.filter((text) => text.trim() !== "—").reduce((sum, text) => sum + number(text), 0);
}

describe("customer health (SPEC §4)", () => {
  it("shows a TA the breakdown adding up to the score, and rescored in place after a manual trait (H-4, X-7)", async () => {
    const { page, errors } = await signedIn("ta@keel.test");
    const answer = await page.request.get(`${baseURL}/api/v1/accounts?ta=mine&pageSize=1`);
    const [account] = ((await answer.json()) as { items: Array<{ id: string; name: string }> }).items;
    expect(account).toBeDefined();
    await page.goto(`${baseURL}/accounts/${account?.id}`);
    const card = page.getByRole("region", { name: "Health" });
    await card.waitFor();
    const scoreCell = card.locator(".health-summary__score");
    await scoreCell.waitFor();
    const score = number(await scoreCell.textContent());
    expect(Number.isFinite(score)).toBe(true);

    // H-4: the Points column adds up to the score, and the total row says so.
    expect(Math.abs((await breakdownSum(page)) - score)).toBeLessThan(0.011);
    expect(number(await card.locator(".breakdown tfoot td").textContent())).toBe(score);
    // the trend chart is drawn with an accessible summary.
    await card.getByRole("img", { name: /Health score over/ }).waitFor();
    await snap(page, "health-01-account");

    // Change the TA pulse to a different grade and save: the score moves without a reload.
    await page.evaluate(() => {
      (window as unknown as { keelNoReload: boolean }).keelNoReload = true;
    });
    const pulse = card.getByLabel("TA pulse");
    const current = await pulse.inputValue();
    const next = current === "healthy" ? "poor" : "healthy";
    await pulse.selectOption(next);
    await card.getByRole("button", { name: "Save traits" }).click();
    await card.getByText("Saved. The score is recomputed.").waitFor();
    await expect.poll(async () => number(await scoreCell.textContent()), { timeout: 10_000 }).not.toBe(score);
    expect(await card.getByLabel("TA pulse").inputValue()).toBe(next);
    const newScore = number(await scoreCell.textContent());
    expect(Math.abs((await breakdownSum(page)) - newScore)).toBeLessThan(0.011);
    expect(await page.evaluate(() => (window as unknown as { keelNoReload?: boolean }).keelNoReload)).toBe(
      true,
    );
    await snap(page, "health-02-after-pulse");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists category changes for a manager (H-5)", async () => {
    const { page, errors } = await signedIn("manager@keel.test");
    await openFromNav(page, "Insights", "Health changes");
    await page.getByRole("heading", { name: "Health changes", level: 1 }).waitFor();
    const rows = page.locator("table tbody tr a");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".keel-table__count").first().textContent()).toMatch(/changes?/);
    await snap(page, "health-03-changes");
    // Paging: Next loads another page when there is one.
    const next = page.getByRole("button", { name: "Next" });
    if (await next.isEnabled()) {
      await next.click();
      await page.getByText(/^Page 2 of/).waitFor();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets an admin draft a policy and preview it over the book (X-2)", async () => {
    const { page, errors } = await signedIn("admin@keel.test");
    await openFromNav(page, "Admin", "Health policy");
    await page.getByRole("heading", { name: "Health policy", level: 1 }).waitFor();
    await page.getByRole("button", { name: /^New draft from v\d+/ }).click();
    const weight = page.getByLabel("Utilization weight");
    await expect.poll(() => weight.isEnabled(), { timeout: 10_000 }).toBe(true);
    await weight.fill("80");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "What-if preview" });
    await preview.waitFor({ timeout: 30_000 });
    const counts = preview.locator(".preview-counts tbody tr");
    expect(await counts.count()).toBe(4);
    let before = 0;
    let after = 0;
    for (const row of await counts.all()) {
      const cells = await row.locator("td").allTextContents();
      before += number(cells[0] ?? "");
      after += number(cells[1] ?? "");
    }
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
    await snap(page, "health-04-policy-preview");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/^Saved draft v\d+/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openFromNav, signIn, snap, watchErrors } from "./browser.ts";

const baseURL = inject("baseURL");
const teamApps = [
  { path: "renewals", heading: "Renewals" },
  { path: "lighthouse", heading: "Lighthouse" },
  { path: "adoption", heading: "Adoption" },
  { path: "contacts", heading: "Contact tagging" },
] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const signInPage = await context.newPage();
  errors = watchErrors(signInPage);
  await signInPage.goto(`${baseURL}/accounts/anything`);
  // Unauthenticated: the sign-in page.
  await signInPage.getByLabel("Email").waitFor();
  await snap(signInPage, "01-sign-in");
  await signInPage.close();
  page = await signIn(context, baseURL, "ta@keel.test");
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("a TA's day in the walking skeleton", () => {
  it("shows My book with only the signed-in TA's accounts", async () => {
    const answer = await page.request.get(`${baseURL}/api/v1/accounts?ta=mine&pageSize=500`);
    const mine = (await answer.json()) as { total: number; items: Array<{ name: string }> };
    expect(mine.total).toBeGreaterThanOrEqual(40);

    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(mine.total);
    const table = await page.locator("table").textContent();
    for (const account of mine.items.slice(0, 10)) expect(table).toContain(account.name);
    // Every row's TA is the signed-in TA (Tess Alvarez in the demo company).
    const others = await page.request.get(`${baseURL}/api/v1/accounts?ta=usr_ta2&pageSize=5`);
    for (const account of ((await others.json()) as { items: Array<{ name: string }> }).items) {
      expect(table).not.toContain(account.name);
    }
    await snap(page, "02-my-book");
  });

  it("sorts My book by ARR when the header is clicked", async () => {
    await page.getByRole("button", { name: /^ARR/ }).click();
    const header = page.locator("th", { has: page.getByRole("button", { name: /^ARR/ }) });
    await expect.poll(() => header.getAttribute("aria-sort")).toMatch(/ascending|descending/);
  });

  it("opens an account with its A-1 facts, team and contacts", async () => {
    const firstLink = page.locator("table tbody tr a").first();
    const name = ((await firstLink.textContent()) ?? "").trim();
    await firstLink.click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByText("Team", { exact: true }).first().waitFor();
    // The contacts card (the navigation's "Contacts" link sits in a closed group).
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    expect(await page.locator("body").textContent()).toContain("Tess Alvarez");
    await snap(page, "03-account");
  });

  for (const app of teamApps) {
    it(`opens ${app.heading} inside the shell with its data`, async () => {
      await openFromNav(page, "Teams", app.path === "contacts" ? "Contacts" : app.heading);
      await page.waitForURL(`${baseURL}/${app.path}`);
      await page.getByRole("heading", { name: app.heading }).waitFor({ timeout: 20_000 });
      // The shell's navigation stays: the remote is mounted inside the layout.
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await expectData(page);
      await snap(page, `04-shell-${app.path}`);
    });
  }

  for (const app of teamApps) {
    it(`opens ${app.heading} standalone at /apps/${app.path}/`, async () => {
      const standalone = await context.newPage();
      const standaloneErrors = watchErrors(standalone);
      await standalone.goto(`${baseURL}/apps/${app.path}/`);
      await standalone.getByRole("heading", { name: app.heading }).waitFor({ timeout: 20_000 });
      await expectData(standalone);
      await snap(standalone, `05-standalone-${app.path}`);
      expect(standaloneErrors).toEqual([]);
      await standalone.close();
    });
  }

  it("keeps working when a team app cannot load, and retries", async () => {
    await page.route("**/apps/lighthouse/remoteEntry.js", (route) =>
      route.fulfill({ status: 503, body: "down" }),
    );
    await page.goto(`${baseURL}/lighthouse`);
    await page.getByRole("button", { name: "Retry" }).waitFor({ timeout: 20_000 });
    await snap(page, "06-remote-down");
    // The rest of the shell still works.
    await openFromNav(page, "My work", "My book");
    await page.getByRole("heading", { name: "My book" }).waitFor();
    await page.unroute("**/apps/lighthouse/remoteEntry.js");
    await openFromNav(page, "Teams", "Lighthouse");
    const retry = page.getByRole("button", { name: "Retry" });
    if (await retry.isVisible()) await retry.click();
    await page.getByRole("heading", { name: "Lighthouse" }).waitFor({ timeout: 20_000 });
    errors.length = 0; // the outage above logged errors on purpose
  });

  it("signs out back to the sign-in page", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Email").waitFor();
    const me = await page.request.get(`${baseURL}/api/v1/me`);
    expect(me.status()).toBe(401);
    expect(errors).toEqual([]);
  });
});

/** Each team app shows rows from the API. */
async function expectData(target: Page) {
  await expect.poll(() => target.locator("table tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

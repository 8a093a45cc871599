import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn, snap, watchErrors } from "./browser.ts";

const baseURL = inject("baseURL");

type AccountRow = { id: string; name: string; redAccount: boolean; lifecycleStage: string };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let accounts: AccountRow[];

beforeAll(async () => {
  browser = await launchBrowser();
  // The narrowest desktop the navigation must fit on one line.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await signIn(context, baseURL, "admin@keel.test");
  errors = watchErrors(page);
  const answer = await page.request.get(`${baseURL}/api/v1/accounts?pageSize=500&sort=name`);
  accounts = ((await answer.json()) as { items: AccountRow[] }).items;
});

afterAll(async () => {
  await browser?.close();
});

const heading = (target: Page) => target.getByRole("heading", { level: 1 });

/** A nested page of each team app, the heading it shows, in the shell and standalone. */
function nestedPages() {
  const red = accounts.find((account) => account.redAccount) ?? accounts[0];
  if (!red) throw new Error("the demo company has no accounts");
  return [
    { app: "renewals", path: "review", heading: "Yellow/Red renewals" },
    { app: "lighthouse", path: `accounts/${red.id}`, heading: red.name },
    { app: "adoption", path: "stages/adopting", heading: "Adoption", caption: "Accounts in 2. Adopting" },
    { app: "contacts", path: "missing-email", heading: "Contacts without an email" },
  ];
}

describe("routing inside the team apps, the account page's sections and the navigation", () => {
  it("fits the admin's navigation on one line at 1280 px", async () => {
    await page.goto(`${baseURL}/`);
    await heading(page).waitFor();
    const header = page.locator(".keel-app-header__inner");
    const lines = await header.evaluate((inner) => {
      // Every control of the header sits on one row: the same vertical centre, give or take.
      const controls = Array.from(inner.querySelectorAll("a.keel-brand, button, .keel-frame__name")).filter(
        (element) => (element as HTMLElement).offsetParent !== null,
      );
      const centres = controls.map((element) => {
        const box = element.getBoundingClientRect();
        return Math.round((box.top + box.bottom) / 2);
      });
      return {
        rows: Math.max(...centres) - Math.min(...centres),
        height: inner.getBoundingClientRect().height,
      };
    });
    expect(lines.rows).toBeLessThanOrEqual(4);
    expect(lines.height).toBeLessThan(72);
    // The admin sees all four groups.
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const group of ["My work", "Teams", "Insights", "Admin"]) {
      await nav.getByRole("button", { name: new RegExp(`^${group}`) }).waitFor();
    }
    await snap(page, "nav-01-admin-1280");
  });

  it("collapses the navigation into a menu on a narrow screen", async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 700, height: 900 });
    await narrow.goto(`${baseURL}/`);
    const menu = narrow.getByRole("button", { name: "Menu" });
    await menu.click();
    await narrow
      .getByRole("navigation", { name: "Main" })
      .getByRole("button", { name: /^Teams/ })
      .click();
    await narrow.getByRole("link", { name: "Renewals", exact: true }).click();
    await narrow.waitForURL(`${baseURL}/renewals`);
    await narrow.close();
  });

  it("loads a nested page of each team app directly in the shell, and again after a reload", async () => {
    for (const nested of nestedPages()) {
      await page.goto(`${baseURL}/${nested.app}/${nested.path}`);
      await heading(page).filter({ hasText: nested.heading }).waitFor({ timeout: 20_000 });
      if (nested.caption) await page.getByRole("table", { name: nested.caption }).waitFor();
      await page.reload();
      await heading(page).filter({ hasText: nested.heading }).waitFor({ timeout: 20_000 });
      // Still inside the shell's frame.
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      await snap(page, `nav-02-shell-${nested.app}-nested`);
    }
  });

  it("loads the same nested pages standalone under /apps/<name>/", async () => {
    for (const nested of nestedPages()) {
      const standalone = await context.newPage();
      const standaloneErrors = watchErrors(standalone);
      await standalone.goto(`${baseURL}/apps/${nested.app}/${nested.path}`);
      await heading(standalone).filter({ hasText: nested.heading }).waitFor({ timeout: 20_000 });
      await standalone.reload();
      await heading(standalone).filter({ hasText: nested.heading }).waitFor({ timeout: 20_000 });
      await snap(standalone, `nav-03-standalone-${nested.app}-nested`);
      expect(standaloneErrors).toEqual([]);
      await standalone.close();
    }
  });

  it("keeps a list's sort in the URL and goes back through a team app's pages", async () => {
    await page.goto(`${baseURL}/renewals`);
    await heading(page)
      .filter({ hasText: /^Renewals$/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole("link", { name: "Yellow/Red review" }).click();
    await page.waitForURL(`${baseURL}/renewals/review`);
    await page.getByRole("link", { name: "Pipeline" }).click();
    await page.waitForURL(`${baseURL}/renewals`);
    await page.getByRole("button", { name: /^ARR/ }).click();
    await page.waitForURL(/sort=arr/);
    await page.getByRole("link", { name: "Churn retros" }).click();
    await heading(page).filter({ hasText: "Churn retros" }).waitFor();

    await page.goBack();
    await heading(page)
      .filter({ hasText: /^Renewals$/ })
      .waitFor();
    expect(page.url()).toContain("/renewals?sort=arr");
    const arrHeader = page.locator("th", { has: page.getByRole("button", { name: /^ARR/ }) });
    await expect.poll(() => arrHeader.getAttribute("aria-sort")).toBe("ascending");

    await page.goBack();
    await heading(page).filter({ hasText: "Yellow/Red renewals" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/renewals/review");
  });

  it("shows the four team sections on the account page, with an in-page navigation", async () => {
    const account = accounts[0];
    if (!account) throw new Error("the demo company has no accounts");
    await page.goto(`${baseURL}/accounts/${account.id}`);
    await heading(page).filter({ hasText: account.name }).waitFor();
    const sections = [
      { name: "Renewal", text: "Next renewal" },
      { name: "Lighthouse", text: /In the save program|Not in Lighthouse/ },
      { name: "Adoption", text: "MAU / seats" },
      { name: "Contact coverage", text: "Tagged with a role" },
    ];
    for (const section of sections) {
      const region = page.getByRole("region", { name: section.name, exact: true });
      await region.getByText(section.text).first().waitFor({ timeout: 20_000 });
    }
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const label of ["Overview", "Health", "Renewal", "Lighthouse", "Adoption", "Contacts", "Work"]) {
      await toc.getByRole("link", { name: label, exact: true }).waitFor();
    }
    await toc.getByRole("link", { name: "Adoption", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#adoption$/);
    await snap(page, "nav-04-account-sections");
  });

  it("finds an account with Ctrl-K from anywhere and opens its page", async () => {
    const account = accounts.at(-1);
    if (!account) throw new Error("the demo company has no accounts");
    await page.goto(`${baseURL}/tasks`);
    await heading(page).waitFor();
    await page.keyboard.press("Control+k");
    const field = page.getByRole("combobox", { name: "Account name" });
    await field.fill(account.name);
    await page
      .getByRole("option", { name: new RegExp(account.name) })
      .first()
      .waitFor();
    await snap(page, "nav-05-search");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseURL}/accounts/${account.id}`);
    await heading(page).filter({ hasText: account.name }).waitFor();
  });

  it("lists a TA's notifications at /notifications and marks one read", async () => {
    const taContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const ta = await signIn(taContext, baseURL, "ta@keel.test");
    const taErrors = watchErrors(ta);
    const answer = await ta.request.get(`${baseURL}/api/v1/notifications?pageSize=25`);
    const feed = (await answer.json()) as { total: number; unread: number; items: { message: string }[] };

    await ta.goto(`${baseURL}/notifications`);
    await heading(ta).filter({ hasText: "Notifications" }).waitFor();
    if (feed.total === 0) {
      await ta.getByText("No notifications yet").waitFor();
    } else {
      const items = ta.getByRole("list", { name: "Notifications" }).getByRole("listitem");
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(feed.items.length);
      if (feed.unread > 0) {
        await ta.getByRole("link", { name: "Unread", exact: true }).click();
        await ta.waitForURL(/unread=1/);
        await ta.getByRole("button", { name: "Mark read" }).first().click();
        await expect
          .poll(async () => {
            const after = await ta.request.get(`${baseURL}/api/v1/notifications/unread-count`);
            return ((await after.json()) as { unread: number }).unread;
          })
          .toBe(feed.unread - 1);
      }
    }
    await snap(ta, "nav-06-notifications");
    expect(taErrors).toEqual([]);
    await taContext.close();
    expect(errors).toEqual([]);
  });
});

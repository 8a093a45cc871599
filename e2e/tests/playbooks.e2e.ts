import type { Browser } from "playwright-core";
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

type Task = {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  origin: { kind: string; ruleId?: string | null; playbookId?: string | null };
};

describe("lifecycle, hand-off and playbooks (L-1…L-6, A-3, M-1, M-2)", () => {
  it("A-3: for an account 30 days before close, the CE sees the hand-off task and the Handoff Doc the playbook made, and edits the doc (M-1, M-2)", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await signIn(context, baseURL, "ce@keel.test");
    const errors = watchErrors(page);

    // The seed replays the last 30 days of sweeps: the T-30 hand-off playbook fired for the
    // accounts that reached 30 days before close, each giving its CE a task and a Handoff Doc.
    const answer = await page.request.get(`${baseURL}/api/v1/tasks?pageSize=200`);
    expect(answer.status()).toBe(200);
    const tasks = ((await answer.json()) as { items: Task[] }).items;
    const handoff = tasks.find(
      (t) => t.origin.kind === "playbook" && t.origin.playbookId === "pre-to-post-sales-handoff",
    );
    expect(handoff, "the CE has a hand-off task from the A-3 playbook").toBeDefined();
    const account = await (await page.request.get(`${baseURL}/api/v1/accounts/${handoff!.accountId}`)).json();
    const closeIn = (Date.parse(account.account.closeDate) - Date.now()) / 86_400_000;
    expect(closeIn).toBeLessThanOrEqual(31);

    await openFromNav(page, "My work", "My tasks");
    await page.getByRole("heading", { name: "My tasks", level: 1 }).waitFor();
    const row = page
      .locator(".keel-task", { hasText: handoff!.accountName })
      .filter({ hasText: "Handoff Doc" })
      .first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Playbook · A-3");
    await snap(page, "playbooks-01-ce-my-tasks");

    // The account page shows the same task and the Handoff Doc, each saying which rule made it.
    await row.getByRole("link", { name: handoff!.accountName }).click();
    const tasksCard = page.getByRole("region", { name: "Tasks" });
    await tasksCard.getByText(handoff!.title).waitFor();
    const docs = page.getByRole("region", { name: "Documents" });
    const docLink = docs.getByRole("link", { name: `Handoff: ${handoff!.accountName}` });
    await docLink.waitFor();
    await snap(page, "playbooks-02-account");

    // M-2: the CE fills a section and saves; the first version stays readable.
    await docLink.click();
    await page.getByRole("heading", { name: `Handoff: ${handoff!.accountName}` }).waitFor();
    const firstSection = page.locator(".keel-doc__section textarea").first();
    await firstSection.fill("Knowledge transfer booked with the TA and AE for next Tuesday.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/Version 2 · edited/).waitFor();
    await snap(page, "playbooks-03-handoff-doc");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("X-1: a manager's dry run lists what would fire today and why; the TA home shows recommendations grouped by account (§10)", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const manager = await signIn(context, baseURL, "manager@keel.test");
    const errors = watchErrors(manager);
    await manager.goto(`${baseURL}/playbooks`);
    await manager.getByRole("heading", { name: "Playbooks", level: 1 }).waitFor();
    await manager.getByText(/accounts evaluated for \d{4}-\d{2}-\d{2}/).waitFor();
    await manager.getByLabel("Include what already fired").check();
    await manager
      .getByRole("table", { name: /What would fire/ })
      .getByText("Already done")
      .first()
      .waitFor();
    await snap(manager, "playbooks-04-dry-run");
    expect(errors).toEqual([]);
    await context.close();

    const taContext = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const ta = await signIn(taContext, baseURL, "ta@keel.test");
    const panel = ta.getByRole("region", { name: "What should I be doing?" });
    await panel.getByRole("link", { name: /^Go: / }).first().waitFor();
    await ta
      .getByRole("region", { name: "My tasks" })
      .getByText(/Playbook · /)
      .first()
      .waitFor();
    await snap(ta, "playbooks-05-ta-home");
    await taContext.close();
  });
});

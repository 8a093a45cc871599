import { type ChurnRetro, churnRetroQueries, usersQuery } from "@keel/client";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answer } from "../../test/fixtures.ts";
import { renderInShell } from "../../test/render-app.tsx";

const retro: ChurnRetro = {
  id: "retro-1",
  renewalId: "renewal-acme",
  accountId: "account-acme",
  accountName: "Acme",
  dueDate: "2026-10-01",
  outcome: "partial_churn",
  arrLostCents: 20_000_000,
  seatsBefore: 200,
  seatsAfter: 120,
  closedLostCategory: "competitor",
  churnReason: "Moved half the teams to a competitor.",
  lessonsLearned: "",
  status: "open",
  sponsor: null,
  ta: { id: "ta-1", name: "Tess Advisor" },
  ae: null,
  documentId: null,
  reviewTaskId: null,
  createdAt: "2026-10-02T09:00:00Z",
  actions: [
    {
      id: "action-1",
      title: "Share the roadmap",
      owner: null,
      dueDate: "2026-12-15",
      status: "open",
      version: 2,
    },
  ],
  openActions: 1,
  version: 7,
  canEdit: true,
};

describe("Churn retro (R-7)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("marks a call to action done with the action's version", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, retro));
    const { user } = renderInShell("/renewals/retros/retro-1", (queryClient) => {
      queryClient.setQueryData(churnRetroQueries.detail("retro-1").queryKey, retro);
      queryClient.setQueryData(usersQuery().queryKey, { items: [] });
    });

    const fact = screen.getByText("Closed-lost category", { selector: "dt" }).parentElement!;
    expect(within(fact).getByText("Lost to a competitor")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Churn retros" }).getAttribute("href")).toBe("/renewals/retros");
    const row = screen.getByRole("row", { name: /Share the roadmap/ });
    await user.click(within(row).getByRole("button", { name: /Mark done/ }));

    expect(await screen.findByText('Marked "Share the roadmap" done.')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/churn-retros/retro-1/actions/action-1");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"2"');
    expect(JSON.parse(String(init?.body))).toEqual({ status: "done" });
  });

  it("R-7: agrees the cause, reason and sponsor, sending only what changed with the retro's version", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, retro));
    const { user } = renderInShell("/renewals/retros/retro-1", (queryClient) => {
      queryClient.setQueryData(churnRetroQueries.detail("retro-1").queryKey, retro);
      queryClient.setQueryData(usersQuery().queryKey, {
        items: [
          { id: "usr_manager", name: "Morgan Lead", email: "m@keel.test", roles: ["manager"] },
          { id: "ta-1", name: "Tess Advisor", email: "t@keel.test", roles: ["ta"] },
        ],
      });
    });

    const form = screen.getByRole("form", { name: "The retro" });
    const save = within(form).getByRole("button", { name: "Save" });
    expect(save.hasAttribute("disabled")).toBe(true);
    // Only leaders can sponsor a retro: the TA is not offered.
    const sponsor = within(form).getByLabelText("Sponsor");
    expect(within(sponsor).queryByRole("option", { name: "Tess Advisor" })).toBeNull();
    await user.selectOptions(sponsor, "Morgan Lead");
    await user.selectOptions(within(form).getByLabelText("Closed-lost category"), "Product fit");
    await user.click(save);

    expect(await screen.findByText("Retro saved.")).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/churn-retros/retro-1");
    expect(init?.method).toBe("PATCH");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"7"');
    expect(JSON.parse(String(init?.body))).toEqual({
      closedLostCategory: "product_fit",
      sponsorId: "usr_manager",
    });
  });

  it("R-7: someone who may not edit the retro reads it, with no form and no buttons", () => {
    const readOnly = { ...retro, canEdit: false, lessonsLearned: "Multi-thread earlier." };
    renderInShell("/renewals/retros/retro-1", (queryClient) => {
      queryClient.setQueryData(churnRetroQueries.detail("retro-1").queryKey, readOnly);
      queryClient.setQueryData(usersQuery().queryKey, { items: [] });
    });
    expect(screen.getByText("Multi-thread earlier.")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.queryByRole("button", { name: /Mark done|Save|Add/ })).toBeNull();
  });
});

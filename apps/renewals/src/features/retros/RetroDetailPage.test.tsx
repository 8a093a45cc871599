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
};

describe("Churn retro (R-7)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("marks a call to action done with the action's version", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, retro));
    const { user } = renderInShell("/renewals/retros/retro-1", (queryClient) => {
      queryClient.setQueryData(churnRetroQueries.detail("retro-1").queryKey, retro);
      queryClient.setQueryData(usersQuery().queryKey, { items: [] });
    });

    expect(screen.getByText("Lost to a competitor")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Churn retros" }).getAttribute("href")).toBe("/renewals/retros");
    const row = screen.getByRole("row", { name: /Share the roadmap/ });
    await user.click(within(row).getByRole("button", { name: /Mark done/ }));

    expect(await screen.findByText('Marked "Share the roadmap" done.')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/churn-retros/retro-1/actions/action-1");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"2"');
    expect(JSON.parse(String(init?.body))).toEqual({ status: "done" });
  });
});

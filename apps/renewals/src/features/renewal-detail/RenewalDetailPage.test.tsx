import { type RenewalDetail, renewalQueries } from "@keel/client";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answer, renewalDetail } from "../../test/fixtures.ts";
import { renderInShell } from "../../test/render-app.tsx";

function openDetail(detail: RenewalDetail) {
  return renderInShell(`/renewals/${detail.id}`, (queryClient) =>
    queryClient.setQueryData(renewalQueries.detail(detail.id).queryKey, detail),
  );
}

const allowed = { assess: true, approveAs: null, plan: true, forecast: true, process: true } as const;

describe("Renewal detail", () => {
  afterEach(() => vi.restoreAllMocks());

  it("says where the renewal stands and why, with its account and documents", () => {
    openDetail(renewalDetail("Acme", { overdue: true, daysLeft: -2, savePlan: "missing", rating: "yellow" }));

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Acme renewal");
    expect(screen.getByText("Health assessment.")).toBeTruthy();
    expect(screen.getByText(/the health assessment is not rated yet/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/accounts/account-acme");
    expect(screen.getByText("Overdue by 2 days")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Health Assessment" }).getAttribute("href")).toBe(
      "/documents/doc-ha",
    );
    expect(screen.getByText(/missing: a yellow rating needs a save plan/)).toBeTruthy();
  });

  it("shows no form and no button the server would refuse", () => {
    openDetail(renewalDetail("Acme"));

    expect(screen.queryByRole("form", { name: "Rate the renewal" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Approve for/ })).toBeNull();
    expect(screen.queryByRole("form", { name: "Renewal plan" })).toBeNull();
    expect(screen.queryByRole("form", { name: "This week's forecast" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Process the renewal" })).toBeNull();
  });

  it("offers the approval for the leader's own side", () => {
    openDetail(
      renewalDetail("Acme", {
        rating: "red",
        assessment: {
          rating: "red",
          summary: "Champion left; usage down 40%.",
          documentId: null,
          assessedBy: { id: "ta-1", name: "Tess Advisor" },
          assessedAt: "2026-11-20T09:00:00Z",
          approvals: [{ side: "sales", by: { id: "m-2", name: "Sam Sales" }, at: "2026-11-21T09:00:00Z" }],
        },
        actions: { ...renewalDetail("Acme").actions, approveAs: "ts" },
      }),
    );

    expect(screen.getByRole("button", { name: "Approve for TS leadership" })).toBeTruthy();
    const approvals = screen.getByRole("list", { name: "Approvals" });
    expect(within(approvals).getByText(/approved by Sam Sales/)).toBeTruthy();
    expect(within(approvals).getByText("awaiting approval")).toBeTruthy();
  });

  it("sends the TA's rating and summary with the renewal's version (R-2)", async () => {
    const detail = renewalDetail("Acme", { actions: allowed });
    const saved = renewalDetail("Acme", {
      version: 4,
      rating: "red",
      assessment: {
        rating: "red",
        summary: "Champion left.",
        documentId: null,
        assessedBy: { id: "ta-1", name: "Tess Advisor" },
        assessedAt: "2026-12-01T09:00:00Z",
        approvals: [],
      },
      actions: allowed,
    });
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, saved));
    const { user } = openDetail(detail);

    const form = screen.getByRole("form", { name: "Rate the renewal" });
    await user.click(within(form).getByRole("button", { name: "Save rating" }));
    expect(within(form).getByText("Choose a rating")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    await user.click(within(form).getByLabelText("Red"));
    await user.type(within(form).getByLabelText(/Summary/), "Champion left.");
    await user.click(within(form).getByRole("button", { name: "Save rating" }));

    expect(await screen.findByText("Assessment saved. It needs both leadership approvals.")).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/renewals/renewal-acme/assessment");
    expect(init?.method).toBe("PUT");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({ rating: "red", summary: "Champion left." });
    expect(screen.getByText("Champion left.", { selector: "p" })).toBeTruthy();
  });

  it("says in plain words when someone saved first, and reloads", async () => {
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValueOnce(answer(412, { code: "precondition_failed", message: "Stale version" }))
      .mockResolvedValue(answer(200, renewalDetail("Acme", { version: 5, actions: allowed })));
    const { user } = openDetail(renewalDetail("Acme", { actions: allowed }));

    const form = screen.getByRole("form", { name: "Renewal plan" });
    await user.selectOptions(within(form).getByLabelText(/Projected outcome/), "flat");
    await user.click(within(form).getByRole("button", { name: "Save plan" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Someone else changed this renewal");
    await user.click(screen.getByRole("button", { name: "Reload" }));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(String(fetch.mock.calls[1]?.[0])).toMatch(/\/renewals\/renewal-acme$/);
  });

  it("shows a 422's complaint beside the field it names", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      answer(422, {
        code: "unprocessable",
        message: "The outcome does not fit the numbers",
        details: [{ path: "seatsAfter", message: "seats after cannot exceed seats before for a churn" }],
      }),
    );
    const { user } = openDetail(renewalDetail("Acme", { actions: allowed }));

    const form = screen.getByRole("form", { name: "Process the renewal" });
    await user.selectOptions(within(form).getByLabelText(/^Outcome/), "flat");
    await user.click(within(form).getByRole("button", { name: "Review the outcome" }));
    const confirm = screen.getByRole("region", { name: "Confirm the outcome" });
    expect(confirm.textContent).toContain("Flat renewal");
    await user.click(within(confirm).getByRole("button", { name: "Record the outcome" }));

    expect((await screen.findByRole("alert")).textContent).toContain(
      "Seats after cannot exceed seats before for a churn",
    );
  });

  it("asks for the closed-lost category and reason of a churn before the confirmation (R-7)", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    const { user } = openDetail(renewalDetail("Acme", { actions: allowed }));

    const form = screen.getByRole("form", { name: "Process the renewal" });
    await user.selectOptions(within(form).getByLabelText(/^Outcome/), "full_churn");
    await user.clear(within(form).getByLabelText(/ARR after/));
    await user.type(within(form).getByLabelText(/ARR after/), "0");
    await user.click(within(form).getByRole("button", { name: "Review the outcome" }));

    expect(within(form).getByText("Choose the closed-lost category")).toBeTruthy();
    expect(within(form).getByText("Say why the customer churned")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Confirm the outcome" })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

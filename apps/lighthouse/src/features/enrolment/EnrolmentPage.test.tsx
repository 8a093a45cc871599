import { type EnrolmentDetail, type EnrolmentPage, lighthouseQueries, usersQuery } from "@keel/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import App from "../../App.tsx";

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const enrolment: EnrolmentDetail = {
  id: "enrolment-1",
  accountId: "account-acme",
  accountName: "Acme",
  source: "ad_hoc",
  reason: "The champion left and usage collapsed.",
  renewalId: null,
  enteredAt: "2026-10-20T09:00:00.000Z",
  enteredBy: { id: "ta-1", name: "Tess Advisor" },
  sponsor: null,
  sharedWith: [{ id: "m-1", name: "Morgan Lead" }],
  savePlanDocumentId: null,
  planPresentedOn: null,
  exit: null,
  daysInProgram: 12,
  state: "exit_proposed",
  stateReason: "Every success criterion is met (2 of 2): Sales and TS leadership decide on the exit.",
  plan: {
    problem: "Usage collapsed.",
    goal: "Usage back.",
    updatedAt: "2026-10-21T09:00:00.000Z",
    updatedBy: { id: "ta-1", name: "Tess Advisor" },
  },
  criteria: [
    {
      id: "c-1",
      definition: { kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold: 0.6 },
      description: "Monthly active users per seat at least 0.6",
      status: "met",
      value: "0.7",
      reason: "Monthly active users per seat is 0.7; at least 0.6 is needed: met.",
      evidence: null,
      history: [{ status: "met", value: "0.7", at: "2026-10-30T09:00:00.000Z" }],
      steps: [],
    },
    {
      id: "c-2",
      definition: { kind: "manual", description: "A new champion is named" },
      description: "A new champion is named",
      status: "met",
      value: null,
      reason: "Marked met on 2026-10-31: Dana named champion",
      evidence: {
        text: "Dana named champion",
        metOn: "2026-10-31",
        by: { id: "ta-1", name: "Tess Advisor" },
      },
      history: [],
      steps: [],
    },
  ],
  progress: { met: 2, total: 2, allMet: true },
  updates: [],
  approvals: [],
  actions: { update: false, approveExit: true, lead: true },
  version: 6,
};

function renderApp(path: string, seed: (queryClient: QueryClient) => void) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, retry: false },
      mutations: { retry: false },
    },
  });
  seed(queryClient);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/lighthouse/*"
            element={<App basePath="/lighthouse" accountHref={(id) => `/accounts/${id}`} />}
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { user };
}

describe("Lighthouse enrolment page", () => {
  afterEach(() => vi.restoreAllMocks());

  it("LH-5: leadership approves the exit with the enrolment's version; the TA's write forms are not offered", async () => {
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async () => answer(200, { ...enrolment, approvals: [], version: 7 }));
    const { user } = renderApp("/lighthouse/enrolments/enrolment-1", (queryClient) => {
      queryClient.setQueryData(lighthouseQueries.detail("enrolment-1").queryKey, enrolment);
      queryClient.setQueryData(usersQuery().queryKey, {
        items: [
          { id: "m-1", name: "Morgan Lead", email: "m@keel.test", roles: ["manager"] },
          { id: "ta-1", name: "Tess Advisor", email: "t@keel.test", roles: ["ta"] },
        ],
      });
    });
    expect(screen.getByRole("heading", { name: "Acme" })).toBeTruthy();
    // LH-3: leadership names the sponsor among execs and managers only.
    const sponsor = screen.getByLabelText("Exec sponsor");
    expect(within(sponsor).queryByRole("option", { name: "Tess Advisor" })).toBeNull();
    expect(within(sponsor).getByRole("option", { name: "Morgan Lead" })).toBeTruthy();
    expect(screen.getByText(/Every success criterion is met \(2 of 2\)/)).toBeTruthy();
    expect(screen.getByText("Needs exec sponsor")).toBeTruthy();
    // Not the TA: no plan editing, no update form (the server would refuse them).
    expect(screen.queryByRole("button", { name: /save plan/ })).toBeNull();
    expect(screen.queryByRole("form", { name: "Post this week's update" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Approve the exit" }));
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/lighthouse/enrolments/enrolment-1/exit-approvals");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"6"');
  });

  it("LH-2: the TA marks a manual criterion met with evidence and the day", async () => {
    const open: EnrolmentDetail = {
      ...enrolment,
      state: "in_progress",
      progress: { met: 1, total: 2, allMet: false },
      criteria: [enrolment.criteria[0]!, { ...enrolment.criteria[1]!, status: "unmet", evidence: null }],
      actions: { update: true, approveExit: false, lead: false },
    };
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer(200, enrolment));
    const { user } = renderApp("/lighthouse/enrolments/enrolment-1", (queryClient) =>
      queryClient.setQueryData(lighthouseQueries.detail("enrolment-1").queryKey, open),
    );
    expect(screen.queryByRole("button", { name: "Approve the exit" })).toBeNull();
    const form = screen.getByRole("form", { name: "Mark the criterion met" });
    await user.type(within(form).getByLabelText(/Evidence/), "Dana named champion");
    await user.clear(within(form).getByLabelText(/Met on/));
    await user.type(within(form).getByLabelText(/Met on/), "2026-10-31");
    await user.click(within(form).getByRole("button", { name: "Mark met" }));
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain("/lighthouse/enrolments/enrolment-1/criteria/c-2/evidence");
    expect(JSON.parse(String(init?.body))).toEqual({ evidence: "Dana named champion", metOn: "2026-10-31" });
  });
});

describe("Lighthouse master list", () => {
  it("lists every account in the program with its state, sponsor, criteria n/m and last update", () => {
    const page: EnrolmentPage = {
      items: [
        {
          id: "enrolment-1",
          accountId: "account-acme",
          accountName: "Acme",
          source: "red_assessment",
          reason: "Rated red",
          enteredAt: "2026-10-20T09:00:00.000Z",
          enteredOn: "2026-10-20",
          enteredBy: null,
          sponsor: null,
          taName: "Tess Advisor",
          planPresentedOn: null,
          exit: null,
          state: "in_progress",
          criteriaMet: 1,
          criteriaTotal: 3,
          lastUpdateAt: "2026-10-22T09:00:00.000Z",
          daysSinceUpdate: 10,
          needsSponsor: true,
          healthCategory: "red",
          arrCents: 20_000_000,
          renewalDate: "2027-01-31",
        },
      ],
      total: 1,
      page: 1,
      pageSize: 200,
    };
    renderApp("/lighthouse", (queryClient) =>
      queryClient.setQueryData(lighthouseQueries.list({ status: "open", pageSize: 200 }).queryKey, page),
    );
    expect(screen.getByRole("heading", { name: "Lighthouse" })).toBeTruthy();
    const row = screen.getByRole("row", { name: /Acme/ });
    expect(within(row).getByText("In progress")).toBeTruthy();
    expect(within(row).getByText("Needs exec sponsor")).toBeTruthy();
    expect(within(row).getByText("1 of 3")).toBeTruthy();
    expect(within(row).getByText("10 days ago")).toBeTruthy();
  });
});

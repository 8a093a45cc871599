import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ManualTraits, ManualTraitsForm, type TraitsMessage } from "./ManualTraitsForm.tsx";

const accountId = "0b5c3d7e-1111-4222-8333-444455556666";
const traits: ManualTraits = {
  version: 3,
  taPulse: { value: "concerning", setAt: "2026-11-01T09:00:00Z", setBy: "usr_ta", stale: false },
  activeChampion: { value: true, setAt: "2026-11-01T09:00:00Z", setBy: "usr_ta", stale: false },
  buyerAccess: null,
};

function Harness({ onReload }: { onReload: () => Promise<unknown> }) {
  const [message, setMessage] = useState<TraitsMessage>(null);
  return (
    <ManualTraitsForm
      accountId={accountId}
      manualTraits={traits}
      onReload={onReload}
      message={message}
      onMessage={setMessage}
    />
  );
}

/** The API's answer, as the typed client's `fetch` gets it. */
function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function renderForm(onReload = vi.fn(async () => undefined)) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Harness onReload={onReload} />
    </QueryClientProvider>,
  );
  return { onReload, user: userEvent.setup() };
}

describe("ManualTraitsForm (H-2 manual traits)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends only the changed trait with the traits' version as If-Match", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(answer(200, {}));
    const { user } = renderForm();
    const save = screen.getByRole("button", { name: "Save traits" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText("TA pulse"), "poor");
    await user.click(save);
    expect(await screen.findByText("Saved. The score is recomputed.")).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain(`/accounts/${accountId}/traits`);
    expect(init?.method).toBe("PUT");
    expect(new Headers(init?.headers).get("If-Match")).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({ taPulse: "poor" });
  });

  it("says someone else changed the traits and reloads on 412", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      answer(412, { code: "precondition_failed", message: "Stale version" }),
    );
    const { user, onReload } = renderForm();
    await user.selectOptions(screen.getByLabelText("Access to buyer"), "yes");
    await user.click(screen.getByRole("button", { name: "Save traits" }));
    expect(await screen.findByText("Someone else changed these traits; reloaded")).toBeTruthy();
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

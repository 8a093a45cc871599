import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AsyncContent, type AsyncStatus } from "./AsyncContent.tsx";

function renderWith(query: AsyncStatus<string[]>) {
  return render(
    <AsyncContent
      query={query}
      errorTitle="Could not load the accounts"
      isEmpty={(names) => names.length === 0}
      emptyTitle="No accounts yet"
    >
      {(names) => <p>{names.join(", ")}</p>}
    </AsyncContent>,
  );
}

describe("AsyncContent", () => {
  it("announces loading with a skeleton, never a blank", () => {
    renderWith({ data: undefined, isPending: true });
    expect(screen.getByRole("status").textContent).toBe("Loading…");
  });

  it("shows the failure and retries on click", async () => {
    const refetch = vi.fn();
    renderWith({ data: undefined, isPending: false, error: new Error("Timed out"), refetch });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Could not load the accounts");
    expect(alert.textContent).toContain("Timed out");
    await userEvent.setup().click(screen.getByRole("button", { name: "Retry" }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it("offers no Retry when it cannot reload", () => {
    renderWith({ data: undefined, isPending: false, error: new Error("Forbidden") });
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows the empty state when the data counts as empty", () => {
    renderWith({ data: [], isPending: false });
    expect(screen.getByText("No accounts yet")).toBeTruthy();
  });

  it("renders the content, and keeps it when a later refetch fails", () => {
    const { rerender } = renderWith({ data: ["Acme", "Globex"], isPending: false });
    expect(screen.getByText("Acme, Globex")).toBeTruthy();
    rerender(
      <AsyncContent query={{ data: ["Acme"], isPending: false, error: new Error("Offline") }}>
        {(names) => <p>{names.join(", ")}</p>}
      </AsyncContent>,
    );
    expect(screen.getByText("Acme")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

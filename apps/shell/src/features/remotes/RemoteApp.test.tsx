import type { RemoteAppProps } from "@keel/federation";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RemoteAppComponent } from "./load-remote-app.ts";
import { RemoteApp } from "./RemoteApp.tsx";

const appProps: RemoteAppProps = { basePath: "/renewals", accountHref: (id) => `/accounts/${id}` };

function FakeRenewals({ basePath }: RemoteAppProps) {
  return <h1>Renewals at {basePath}</h1>;
}

describe("RemoteApp", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows a skeleton while the remote loads, then the remote with the shell's props", async () => {
    let resolve: (component: RemoteAppComponent) => void = () => {};
    const load = vi.fn(() => new Promise<RemoteAppComponent>((r) => (resolve = r)));
    render(<RemoteApp appLabel="Renewals" load={load} appProps={appProps} />);

    expect(screen.getByText("Loading the Renewals app…")).toBeTruthy();
    resolve(FakeRenewals);

    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Renewals at /renewals");
    expect(load).toHaveBeenCalledWith(0);
  });

  it("shows a retry when the remote cannot be loaded, and loads again on Retry", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const load = vi
      .fn<(attempt: number) => Promise<RemoteAppComponent>>()
      .mockRejectedValueOnce(new Error("Failed to fetch dynamically imported module"))
      .mockResolvedValueOnce(FakeRenewals);
    render(<RemoteApp appLabel="Renewals" load={load} appProps={appProps} />);

    expect(await screen.findByText("The Renewals app could not be loaded")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("heading", { name: "Renewals at /renewals" })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenLastCalledWith(1);
  });

  it("contains a remote that throws while rendering", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    function Broken(): never {
      throw new Error("No QueryClient set, use QueryClientProvider to set one");
    }
    render(
      <>
        <p>Shell navigation</p>
        <RemoteApp appLabel="Lighthouse" load={async () => Broken} appProps={appProps} />
      </>,
    );

    expect(await screen.findByText("The Lighthouse app could not be loaded")).toBeTruthy();
    expect(screen.getByText(/No QueryClient set/)).toBeTruthy();
    expect(screen.getByText("Shell navigation")).toBeTruthy();
  });
});

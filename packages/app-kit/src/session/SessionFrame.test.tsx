import { queryKeys } from "@keel/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { SessionFrame } from "./SessionFrame.tsx";
import { useSession } from "./session-context.ts";

function Greeting() {
  const { user } = useSession();
  return <p>Hello {user.name}</p>;
}

/** The frame with the session answer already in the cache: no request is made. */
function renderFrame(session: unknown) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(queryKeys.me, session);
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <SessionFrame
          brandHref="http://keel.test/"
          appName="Renewals"
          navigation={<nav aria-label="Main" />}
          signedOut={<p>Please sign in</p>}
        >
          <Greeting />
        </SessionFrame>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("SessionFrame", () => {
  it("frames a signed-in user's page: brand, app, user, sign out, and the session for the page", () => {
    renderFrame({
      user: { id: "u1", name: "Tess Alvarez", email: "ta@keel.test", roles: ["ta"] },
      permissions: [],
    });
    expect(screen.getByText("Hello Tess Alvarez")).toBeTruthy();
    expect(screen.getByRole("link", { name: /Keel/ }).getAttribute("href")).toBe("http://keel.test/");
    expect(screen.getByText("Renewals")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
  });

  it("shows what the app gives for a visitor without a session, and nothing of the frame", () => {
    renderFrame(null);
    expect(screen.getByText("Please sign in")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
  });
});

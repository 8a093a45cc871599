import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import App from "../App.tsx";

function Location() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

/**
 * The app mounted as the shell mounts it: under /renewals/*, with what the API would answer put
 * in the cache by `seed` (no request is made for it). Anything else goes to `fetch`, which a
 * test spies on.
 */
export function renderInShell(path: string, seed: (queryClient: QueryClient) => void = () => {}) {
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
            path="/renewals/*"
            element={<App basePath="/renewals" accountHref={(id) => `/accounts/${id}`} />}
          />
          <Route path="/accounts/:id" element={<h1>Account page</h1>} />
        </Routes>
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { queryClient, user };
}

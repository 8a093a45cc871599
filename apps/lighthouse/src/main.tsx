// Standalone mode (/apps/lighthouse/): this app's own QueryClient, router and session frame. In
// the shell only App.tsx is loaded, inside the shell's providers and router.
import "@keel/ui/styles.css";
import { createQueryClient, StandaloneApp, shellAccountHref } from "@keel/app-kit";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import App from "./App.tsx";

const basePath = "/apps/lighthouse";
const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <BrowserRouter basename={basePath}>
        <StandaloneApp appName="Lighthouse">
          <App basePath={basePath} accountHref={shellAccountHref} />
        </StandaloneApp>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

// Standalone mode (/apps/adoption/): this app's own QueryClient and session frame. In the
// shell only App.tsx is loaded, inside the shell's providers.
import "@keel/ui/styles.css";
import "./standalone/standalone.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App.tsx";
import { createStandaloneQueryClient } from "./standalone/create-query-client.ts";
import { StandaloneApp } from "./standalone/StandaloneApp.tsx";
import { shellAccountHref } from "./standalone/shell-link.ts";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={createStandaloneQueryClient()}>
      <StandaloneApp appName="Adoption">
        <App basePath="/apps/adoption" accountHref={shellAccountHref} />
      </StandaloneApp>
    </QueryClientProvider>
  </StrictMode>,
);

// Standalone mode (/apps/adoption/): this app's own QueryClient and session frame. In the
// shell only App.tsx is loaded, inside the shell's providers.
import "@keel/ui/styles.css";
import { createQueryClient, StandaloneApp, shellAccountHref } from "@keel/app-kit";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App.tsx";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <StandaloneApp appName="Adoption">
        <App basePath="/apps/adoption" accountHref={shellAccountHref} />
      </StandaloneApp>
    </QueryClientProvider>
  </StrictMode>,
);

import { fileURLToPath } from "node:url";
import { remoteAppExpose, remotes } from "@keel/federation";
import { devProxy, sharedSingletons } from "@keel/federation/vite";
import { federation } from "@module-federation/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const appDir = fileURLToPath(new URL(".", import.meta.url));
const { containerName, devPort } = remotes.renewals;

export default defineConfig({
  // Served at /apps/renewals/ by the API in production and by this dev server in dev.
  base: "/apps/renewals/",
  plugins: [
    react(),
    federation({
      name: containerName,
      filename: "remoteEntry.js",
      exposes: { [remoteAppExpose]: "./src/App.tsx" },
      shared: sharedSingletons(appDir),
      dts: false,
    }),
  ],
  server: {
    port: devPort,
    strictPort: true,
    origin: `http://localhost:${devPort}`,
    proxy: devProxy,
  },
  preview: { port: devPort, strictPort: true, proxy: devProxy },
  build: { target: "esnext" },
});

import { fileURLToPath } from "node:url";
import { shellContainerName, shellDevPort } from "@keel/federation";
import { devProxy, sharedSingletons } from "@keel/federation/vite";
import { federation } from "@module-federation/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const appDir = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  plugins: [
    react(),
    federation({
      name: shellContainerName,
      // No static remotes: the shell reads /apps/manifest.json at run time and registers them
      // (src/features/remotes/load-remote-app.ts), so a remote moves without a shell rebuild.
      remotes: {},
      shared: sharedSingletons(appDir),
      dts: false,
    }),
  ],
  server: {
    port: shellDevPort,
    strictPort: true,
    origin: `http://localhost:${shellDevPort}`,
    proxy: devProxy,
  },
  preview: { port: shellDevPort, strictPort: true, proxy: devProxy },
  build: { target: "esnext" },
});

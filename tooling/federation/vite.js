// Build-time half of @keel/federation, for the apps' vite.config.ts. Plain JavaScript run by
// Node (see index.js for why); types in vite.d.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { federation } from "@module-federation/vite";
import react from "@vitejs/plugin-react";
import { accountSectionExpose, remoteAppExpose, remotes } from "./index.js";

/**
 * One copy of each per page, provided by the shell (ARCHITECTURE.md "Module federation"):
 * two Reacts break hooks, two react-query copies give "No QueryClient set", two react-router
 * copies give "useRoutes() may be used only in the context of a <Router>" (a remote's nested
 * routes must see the shell's router), and @keel/ui /
 * @keel/domain are shared so a remote does not download the shell's components and zod again.
 *
 * @keel/client is deliberately not shared. It is stateless apart from its base URL ("/api" for
 * every app), so a second copy behaves the same; and sharing it makes @module-federation/vite
 * 1.23 walk its declared dependency closure, which runs through @keel/api (a type-only
 * dependency) into the whole server tree: ~27 s added to every remote's build. Code that
 * handles API errors across the boundary uses @keel/client's `isApiRequestError` rather than
 * `instanceof`, since a remote's errors come from its own copy of the class.
 */
export const sharedSingletonPackages = /** @type {const} */ ([
  "react",
  "react-dom",
  "@tanstack/react-query",
  "react-router",
  "@keel/ui",
  "@keel/domain",
]);

/**
 * The `shared` option of an app's federation() plugin, the same on host and remotes.
 * Versions are read from the packages as installed for that app (pnpm links each dependency
 * into the app's node_modules), so they follow the catalog pins without repeating them.
 * @param {string} appDir
 */
export function sharedSingletons(appDir) {
  return Object.fromEntries(
    sharedSingletonPackages.map((name) => {
      const version = installedVersion(appDir, name);
      return [name, { singleton: true, version, requiredVersion: `^${version}`, strictVersion: false }];
    }),
  );
}

/**
 * @param {string} appDir
 * @param {string} packageName
 * @returns {string}
 */
function installedVersion(appDir, packageName) {
  const manifestPath = join(appDir, "node_modules", packageName, "package.json");
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (error) {
    throw new Error(
      `@keel/federation: ${packageName} is shared but not installed for ${appDir} (${String(error)}). ` +
        "Add it to the app's dependencies.",
    );
  }
  if (typeof manifest.version !== "string")
    throw new Error(`@keel/federation: ${manifestPath} has no version`);
  return manifest.version;
}

/** Where the API listens in dev (`pnpm dev`). */
export const apiDevOrigin = "http://localhost:3000";

/**
 * Vite dev-server proxy: the API and the run-time remote manifest live on the API server, so
 * each dev server is one origin for the browser and the session cookie just works.
 */
export const devProxy = {
  "/api": { target: apiDevOrigin },
  "/apps/manifest.json": { target: apiDevOrigin },
};

/**
 * The whole Vite config of a team app (remote): served at /apps/<name>/, exposing "./App" and
 * "./AccountSection",
 * with the shared singletons. Every remote is built the same way, so it is written once.
 * @param {{ name: keyof typeof remotes, appDir: string }} options
 * @returns {import("vite").UserConfig}
 */
export function remoteViteConfig({ name, appDir }) {
  const { containerName, devPort } = remotes[name];
  return {
    // Served at /apps/<name>/ by the API in production and by this dev server in dev.
    base: `/apps/${name}/`,
    plugins: [
      react(),
      federation({
        name: containerName,
        filename: "remoteEntry.js",
        exposes: {
          [remoteAppExpose]: "./src/App.tsx",
          [accountSectionExpose]: "./src/AccountSection.tsx",
        },
        shared: sharedSingletons(appDir),
        dts: false,
      }),
    ],
    server: { port: devPort, strictPort: true, origin: `http://localhost:${devPort}`, proxy: devProxy },
    preview: { port: devPort, strictPort: true, proxy: devProxy },
    build: { target: "esnext" },
  };
}

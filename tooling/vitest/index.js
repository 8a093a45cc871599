// Plain JavaScript: vitest loads its config through Node, which will not import .ts from node_modules.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** Node-side tests (domain, db, api). Database tests get 30 s: a fresh PGlite takes seconds here. */
export const nodeTestConfig = defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

/**
 * React component tests in jsdom (the UI package and every web app). Separate from the apps'
 * vite.config.ts: component tests run without the federation plugin. Timeouts are generous:
 * on two busy cores the first test of a file also pays for jsdom and imports.
 */
export const domTestConfig = defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    // Globals let Testing Library register its own cleanup after each test.
    globals: true,
    testTimeout: 20_000,
  },
});

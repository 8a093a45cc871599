// Plain JavaScript: vitest loads its config through Node, which will not import .ts from node_modules.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * Node-side tests (domain, db, api). Timeouts catch hangs, not slowness: a database test that
 * seeds the demo company takes ~10 s alone and several times that on two busy cores.
 */
export const nodeTestConfig = defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 90_000,
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

// Plain JavaScript: vitest loads its config through Node, which will not import .ts from node_modules.
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

import { defineConfig } from "vitest/config";

/**
 * End-to-end: the production build served by the real API, driven in Debian's Chromium.
 * One file at a time: two cores run the server and the browser.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.e2e.ts"],
    globalSetup: ["./global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

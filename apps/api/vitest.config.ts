import { nodeTestConfig } from "@keel/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(
  nodeTestConfig,
  defineConfig({ test: { globalSetup: ["./src/testing/global-setup.ts"] } }),
);

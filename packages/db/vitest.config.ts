import { defineConfig, mergeConfig } from "vitest/config";
import { nodeTestConfig } from "@keel/vitest-config";

export default mergeConfig(nodeTestConfig, defineConfig({ test: { globalSetup: ["./src/test-global-setup.ts"] } }));

import { domTestConfig } from "@keel/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// Stories rendered in tests get Storybook's project annotations (src/test/setup.ts).
export default mergeConfig(domTestConfig, defineConfig({ test: { setupFiles: ["./src/test/setup.ts"] } }));

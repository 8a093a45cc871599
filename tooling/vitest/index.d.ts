import type { ViteUserConfig } from "vitest/config";

export declare const nodeTestConfig: ViteUserConfig;
export declare const domTestConfig: ViteUserConfig;

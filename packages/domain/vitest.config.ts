export { nodeTestConfig as default } from "@keel/vitest-config";

export { domTestConfig as default } from "@keel/vitest-config";

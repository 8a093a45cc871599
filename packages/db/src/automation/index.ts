export * from "./account-state.ts";
export * from "./catalog.ts";
export * from "./engine.ts";
export * from "./work.ts";

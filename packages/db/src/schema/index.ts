export * from "./accounts.ts";
export * from "./auth.ts";
export * from "./health.ts";
export * from "./playbooks.ts";

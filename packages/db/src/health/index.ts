export * from "./facts.ts";
export * from "./policies.ts";
export * from "./scores.ts";
export { isoUtc, queryRows, uuidList } from "./sql.ts";

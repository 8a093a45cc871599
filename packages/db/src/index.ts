export * from "./client.ts";
export * from "./health/facts.ts";
export * from "./health/policies.ts";
export * as schema from "./schema/index.ts";
export { isoUtc, queryRows, uuidList } from "./sql.ts";

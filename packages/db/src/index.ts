export * from "./client.ts";
export * as schema from "./schema/index.ts";
export { demoPassword, demoUsers, seedDemoData, seedIfEmpty, type SeedOptions } from "./seed/index.ts";

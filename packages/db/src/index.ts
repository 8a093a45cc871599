export * from "./automation/index.ts";
export * from "./client.ts";
export * from "./health/index.ts";
export * as schema from "./schema/index.ts";
export { demoPassword, demoUsers, type SeedOptions, seedDemoData, seedIfEmpty } from "./seed/index.ts";
export * from "./webhooks/outbox.ts";

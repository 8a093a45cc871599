import { prepareTestDatabaseTemplate } from "@keel/db/testing";
import { seedDemoData } from "@keel/seed";
import type { TestProject } from "vitest/node";
import { TEST_SEED } from "./test-seed.ts";

/**
 * Every API test file starts from the same seeded demo company: it is made once here and put in
 * the template each file's database is copied from, instead of being seeded again per file.
 */
export default async function setup(project: TestProject) {
  const { template, teardown } = await prepareTestDatabaseTemplate((db) => seedDemoData(db, TEST_SEED));
  project.provide("dbTemplate", template);
  return teardown;
}

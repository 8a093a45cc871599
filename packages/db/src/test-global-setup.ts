import type { TestProject } from "vitest/node";
import { prepareTestDatabaseTemplate } from "./testing.ts";

export default async function setup(project: TestProject) {
  const { template, teardown } = await prepareTestDatabaseTemplate();
  project.provide("dbTemplate", template);
  return teardown;
}

import { schema } from "@keel/db";
import { alias } from "drizzle-orm/pg-core";
import type { PersonRef, TaskView, WorkOriginView } from "#tasks/task-view.ts";

const { user } = schema;
export const owner = alias(user, "owner");
export const creator = alias(user, "creator");

export type ProjectView = {
  id: string;
  accountId: string;
  name: string;
  templateId: string;
  templateVersion: number;
  owner: PersonRef | null;
  startDate: string;
  origin: WorkOriginView;
  progress: { done: number; total: number };
  tasks: TaskView[];
  createdAt: string;
};

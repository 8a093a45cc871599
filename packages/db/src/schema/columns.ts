import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

/** Every timestamp is stored with its time zone (compared across instances and sessions). */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * configuration kept as one row per version (id, version, the whole body as JSON).
 * An edit or import adds a version; the newest of each id is the one in use, older ones stay to
 * explain what they made.
 */
export function versionedBodies<Body>(name: string) {
  return pgTable(
    name,
    {
      id: text("id").notNull(),
      version: integer("version").notNull(),
      body: jsonb("body").$type<Body>().notNull(),
      createdBy: text("created_by").references(() => user.id),
      createdAt: timestamptz("created_at").notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.id, t.version] })],
  );
}

import type { Executor } from "@keel/db";
import { schema } from "@keel/db";
import type { UserRole } from "@keel/domain";

/**
 * The people service tests hand work to, with the demo company's ids (`@keel/seed` sits on top
 * of this package, so its tests cannot use the seed itself).
 */
const people: { id: string; name: string; roles: UserRole[] }[] = [
  { id: "usr_ta", name: "Tess Alvarez", roles: ["ta"] },
  { id: "usr_ta2", name: "Omar Haddad", roles: ["ta"] },
  { id: "usr_manager", name: "Maya Brooks", roles: ["manager"] },
  { id: "usr_ae", name: "Evan Carter", roles: ["ae"] },
  { id: "usr_ce", name: "Chen Wei", roles: ["ce"] },
  { id: "usr_exec", name: "Eleanor Price", roles: ["exec"] },
  { id: "usr_admin", name: "Adrian Kowalski", roles: ["admin"] },
];

export async function insertTestPeople(db: Executor, at = new Date("2026-01-01T00:00:00Z")) {
  await db.insert(schema.user).values(
    people.map((person) => ({
      ...person,
      email: `${person.id.replace("usr_", "")}@keel.test`,
      emailVerified: true,
      createdAt: at,
      updatedAt: at,
    })),
  );
}

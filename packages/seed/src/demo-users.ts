import type { UserRole } from "@keel/domain";

/** Every demo user signs in with this password (README). */
export const demoPassword = "keel-demo";

export type DemoUser = {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
  /** SPEC §1: managers and execs lead on one side, TS or Sales (R-2 approvals). */
  leadershipSide?: "ts" | "sales";
};

/** One user per SPEC §1 role, plus more TAs, AEs and CEs so books and teams look real. */
export const demoUsers: DemoUser[] = [
  { id: "usr_ta", name: "Tess Alvarez", email: "ta@keel.test", roles: ["ta"] },
  { id: "usr_ta2", name: "Omar Haddad", email: "ta2@keel.test", roles: ["ta"] },
  { id: "usr_ta3", name: "Priya Natarajan", email: "ta3@keel.test", roles: ["ta"] },
  { id: "usr_ta4", name: "Jonas Lindqvist", email: "ta4@keel.test", roles: ["ta"] },
  {
    id: "usr_manager",
    name: "Maya Brooks",
    email: "manager@keel.test",
    roles: ["manager"],
    leadershipSide: "ts",
  },
  // An AE manager: Sales leadership's side of R-2's review.
  {
    id: "usr_sales_manager",
    name: "Rafael Ortiz",
    email: "sales-manager@keel.test",
    roles: ["manager"],
    leadershipSide: "sales",
  },
  { id: "usr_ae", name: "Evan Carter", email: "ae@keel.test", roles: ["ae"] },
  { id: "usr_ae2", name: "Sofia Romano", email: "ae2@keel.test", roles: ["ae"] },
  { id: "usr_ce", name: "Chen Wei", email: "ce@keel.test", roles: ["ce"] },
  { id: "usr_ce2", name: "Amara Okafor", email: "ce2@keel.test", roles: ["ce"] },
  {
    id: "usr_exec",
    name: "Eleanor Price",
    email: "exec@keel.test",
    roles: ["exec"],
    leadershipSide: "sales",
  },
  { id: "usr_admin", name: "Adrian Kowalski", email: "admin@keel.test", roles: ["admin"] },
];

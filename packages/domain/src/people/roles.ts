import { z } from "zod";

/** SPEC §1: what a person is in the company. A user may hold several. */
export const userRoleSchema = z.enum(["ta", "manager", "ae", "ce", "exec", "admin"]);
export type UserRole = z.infer<typeof userRoleSchema>;
export const userRoleLabels: Record<UserRole, string> = {
  ta: "Technical Advisor",
  manager: "TA leadership",
  ae: "Account Executive",
  ce: "Customer Engineer",
  exec: "Executive",
  admin: "Operations admin",
};

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(userRoleSchema),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

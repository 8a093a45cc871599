import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ContactRole,
  contactRoleSchema,
  instanceAdminAgrees,
  reconcileInstanceAdmin,
} from "./contact.ts";

const roleArb = fc.subarray([...contactRoleSchema.options] as ContactRole[]);

describe("C-2 instance admin agrees with the roles", () => {
  it("flags a contact whose Yes/No disagrees with its roles", () => {
    expect(instanceAdminAgrees({ roles: ["instance-admin"], instanceAdmin: true })).toBe(true);
    expect(instanceAdminAgrees({ roles: [], instanceAdmin: false })).toBe(true);
    expect(instanceAdminAgrees({ roles: ["champion"], instanceAdmin: true })).toBe(false);
    expect(instanceAdminAgrees({ roles: ["instance-admin"], instanceAdmin: false })).toBe(false);
  });

  it("C-2: any edit leaves the pair consistent", () => {
    fc.assert(
      fc.property(
        roleArb,
        fc.boolean(),
        fc.option(roleArb, { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (roles, instanceAdmin, editRoles, editFlag) => {
          const result = reconcileInstanceAdmin(
            { roles, instanceAdmin },
            { roles: editRoles, instanceAdmin: editFlag },
          );
          return instanceAdminAgrees(result);
        },
      ),
    );
  });

  it("setting the flag adds or removes the Instance Admin role and keeps the others", () => {
    expect(
      reconcileInstanceAdmin({ roles: ["champion"], instanceAdmin: false }, { instanceAdmin: true }),
    ).toEqual({
      roles: ["champion", "instance-admin"],
      instanceAdmin: true,
    });
    expect(
      reconcileInstanceAdmin(
        { roles: ["instance-admin", "end-user"], instanceAdmin: true },
        { instanceAdmin: false },
      ),
    ).toEqual({ roles: ["end-user"], instanceAdmin: false });
  });

  it("explicit roles win over a contradicting flag, and duplicates collapse", () => {
    expect(
      reconcileInstanceAdmin(
        { roles: [], instanceAdmin: false },
        { roles: ["champion", "champion"], instanceAdmin: true },
      ),
    ).toEqual({ roles: ["champion"], instanceAdmin: false });
  });
});

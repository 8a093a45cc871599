import { describe, expect, it } from "vitest";
import { contactRoleCoverage, contactsMissingEmail } from "./coverage.ts";

describe("contact role coverage", () => {
  it("C-4: counts tagged contacts and names the key roles nobody holds", () => {
    expect(
      contactRoleCoverage([{ roles: ["champion", "end-user"] }, { roles: [] }, { roles: ["executive"] }]),
    ).toEqual({ contacts: 3, tagged: 2, missingKeyRoles: ["economic-buyer", "instance-admin"] });
  });

  it("C-4: an account without contacts misses every key role", () => {
    expect(contactRoleCoverage([])).toEqual({
      contacts: 0,
      tagged: 0,
      missingKeyRoles: ["champion", "economic-buyer", "instance-admin"],
    });
  });

  it("C-4: lists contacts with no email, blank ones included", () => {
    const contacts = [
      { name: "Ada", email: "ada@acme.test" },
      { name: "Bo", email: null },
      { name: "Cy", email: " " },
    ];
    expect(contactsMissingEmail(contacts).map((contact) => contact.name)).toEqual(["Bo", "Cy"]);
  });
});

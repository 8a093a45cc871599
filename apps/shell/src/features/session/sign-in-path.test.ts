import { describe, expect, it } from "vitest";
import { returnPathFrom, signInPath } from "./sign-in-path.ts";

describe("sign-in return path", () => {
  it("comes back to the page that asked for a session", () => {
    const path = signInPath("/accounts/42?tab=contacts");
    expect(returnPathFrom(path.slice(path.indexOf("?")))).toBe("/accounts/42?tab=contacts");
  });

  it("goes home when there is nowhere to return to", () => {
    expect(signInPath("/")).toBe("/signin");
    expect(returnPathFrom("")).toBe("/");
  });

  it("never sends people to another site or back to the sign-in page", () => {
    expect(returnPathFrom("?next=https://evil.test/")).toBe("/");
    expect(returnPathFrom("?next=//evil.test/")).toBe("/");
    expect(returnPathFrom("?next=/%5Cevil.test")).toBe("/");
    expect(returnPathFrom("?next=/signin")).toBe("/");
  });
});

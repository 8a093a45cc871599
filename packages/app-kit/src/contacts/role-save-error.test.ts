import { ApiRequestError } from "@keel/client";
import { describe, expect, it } from "vitest";
import { roleSaveFailure, STALE_CONTACT_MESSAGE } from "./role-save-error.ts";

describe("roleSaveFailure", () => {
  it("asks for a reload on 412 and passes the server's words on 403", () => {
    expect(roleSaveFailure(new ApiRequestError(412, "precondition_failed", "stale"))).toEqual({
      message: STALE_CONTACT_MESSAGE,
      stale: true,
    });
    expect(
      roleSaveFailure(new ApiRequestError(403, "forbidden", "You may not tag contacts on this account")),
    ).toEqual({
      message: "You may not tag contacts on this account",
      stale: false,
    });
  });

  it("recognises an API error from another copy of the client by its name", () => {
    const foreign = Object.assign(new Error("stale"), { name: "ApiRequestError", status: 412 });
    expect(roleSaveFailure(foreign).stale).toBe(true);
  });

  it("says nothing was saved when the network failed", () => {
    expect(roleSaveFailure(new TypeError("Failed to fetch")).message).toMatch(/nothing was saved/);
  });
});

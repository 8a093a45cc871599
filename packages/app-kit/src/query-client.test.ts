import { ApiRequestError } from "@keel/client";
import { describe, expect, it } from "vitest";
import { shouldRetry } from "./query-client.ts";

/** An API error from another copy of @keel/client (a remote's), same shape, other class. */
class RemoteCopyApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(readonly status: number) {
    super(`status ${status}`);
  }
}

describe("shouldRetry", () => {
  it("does not retry a 4xx: it will not change on a second try", () => {
    expect(shouldRetry(0, new ApiRequestError(404, "not_found", "No account"))).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(403, "forbidden", "Not yours"))).toBe(false);
  });

  it("recognises a 4xx thrown by a remote's own copy of the client", () => {
    expect(shouldRetry(0, new RemoteCopyApiRequestError(401))).toBe(false);
  });

  it("retries server errors and network failures twice", () => {
    expect(shouldRetry(0, new ApiRequestError(503, "unavailable", "Try later"))).toBe(true);
    expect(shouldRetry(1, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetry(2, new TypeError("Failed to fetch"))).toBe(false);
  });
});

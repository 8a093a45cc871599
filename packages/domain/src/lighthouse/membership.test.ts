import { describe, expect, it } from "vitest";
import { isInLighthouse, lighthouseAccountsOf } from "./membership.ts";

describe("Lighthouse membership", () => {
  it("LH-1: an account flagged red is in the program, any other is not", () => {
    expect(isInLighthouse({ redAccount: true })).toBe(true);
    expect(isInLighthouse({ redAccount: false })).toBe(false);
  });

  it("LH-5 master list: picks the red accounts and keeps their order", () => {
    const accounts = [
      { name: "Cobalt", redAccount: true },
      { name: "Acme", redAccount: false },
      { name: "Borealis", redAccount: true },
    ];
    expect(lighthouseAccountsOf(accounts).map((account) => account.name)).toEqual(["Cobalt", "Borealis"]);
  });
});

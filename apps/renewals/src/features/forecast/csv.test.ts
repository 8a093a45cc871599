import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks, and ends lines in CRLF", () => {
    expect(
      toCsv([
        ["Quarter", "Note"],
        ["2027-Q1", 'Acme, "big" one'],
        ["2027-Q2", "two\nlines"],
      ]),
    ).toBe('Quarter,Note\r\n2027-Q1,"Acme, ""big"" one"\r\n2027-Q2,"two\nlines"');
  });

  it("keeps numbers and empty cells plain, and defuses formulas", () => {
    expect(toCsv([[1250.5, null, -3, "-3", "=SUM(A1)", "@cmd"]])).toBe("1250.5,,-3,-3,'=SUM(A1),'@cmd");
  });
});

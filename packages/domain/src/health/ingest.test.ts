import { describe, expect, it } from "vitest";
import { activityRecordSchema, parseMajorMinor, ticketRecordSchema, usageRecordSchema } from "./ingest.ts";

const usage = {
  accountId: "5b0f8f53-7d5c-4c4e-9d59-2d7b1e0f3a11",
  day: "2026-10-30",
  dau: 40,
  mau: 120,
  seats: 150,
  instanceVersion: "6.3.1",
  preciseIntelActive: true,
};

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("SPEC §12 ingestion records", () => {
  it("accepts a well-formed usage record", () => {
    expect(usageRecordSchema.safeParse(usage).success).toBe(true);
  });

  it("rejects negative counts, NaN, DAU above MAU, dates before 2000 and unknown fields", () => {
    expect(messages(usageRecordSchema.safeParse({ ...usage, dau: -1 }))).toEqual([
      "dau: must not be negative",
    ]);
    expect(usageRecordSchema.safeParse({ ...usage, mau: Number.NaN }).success).toBe(false);
    expect(messages(usageRecordSchema.safeParse({ ...usage, dau: 121 }))).toEqual([
      "dau: DAU must not be above the month's MAU",
    ]);
    expect(messages(usageRecordSchema.safeParse({ ...usage, day: "1999-12-31" }))).toEqual([
      "day: must not be before 2000-01-01",
    ]);
    expect(usageRecordSchema.safeParse({ ...usage, wau: 3 }).success).toBe(false);
    expect(usageRecordSchema.safeParse({ ...usage, instanceVersion: "latest" }).success).toBe(false);
  });

  it("bounds counts to what their integer columns hold and days to the date window", () => {
    expect(messages(usageRecordSchema.safeParse({ ...usage, mau: 2 ** 31, seats: 2 ** 53 - 1 }))).toEqual([
      "mau: must be at most 2147483647",
      "seats: must be at most 2147483647",
    ]);
    expect(usageRecordSchema.safeParse({ ...usage, mau: 2 ** 31 - 1, seats: 2 ** 31 - 1 }).success).toBe(
      true,
    );
    expect(messages(usageRecordSchema.safeParse({ ...usage, day: "0000-01-01" }))).toEqual([
      "day: must be between 1970-01-01 and 2200-12-31",
    ]);
    const ticket = { accountId: usage.accountId, externalId: "ZD-1", type: "defect" };
    expect(ticketRecordSchema.safeParse({ ...ticket, openedAt: "0000-01-01T00:00:00Z" }).success).toBe(false);
  });

  it("takes tickets and activities with dates or date-times", () => {
    const base = { accountId: usage.accountId, externalId: "ZD-1", type: "defect" };
    expect(ticketRecordSchema.safeParse({ ...base, openedAt: "2026-10-01" }).success).toBe(true);
    expect(ticketRecordSchema.safeParse({ ...base, openedAt: "2026-10-01T09:30:00+02:00" }).success).toBe(
      true,
    );
    expect(ticketRecordSchema.safeParse({ ...base, openedAt: "yesterday" }).success).toBe(false);
    expect(ticketRecordSchema.safeParse({ ...base, type: "question", openedAt: "2026-10-01" }).success).toBe(
      false,
    );
    expect(
      activityRecordSchema.safeParse({
        accountId: usage.accountId,
        type: "slack",
        at: "2026-10-01T10:00:00Z",
      }).success,
    ).toBe(true);
  });

  it("reads major.minor from a version", () => {
    expect(parseMajorMinor("6.12.3-rc.1")).toEqual({ major: 6, minor: 12 });
    expect(parseMajorMinor("six")).toBeNull();
  });
});

import { schema } from "@keel/db";
import { notifyUsers } from "@keel/services";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const [account] = await t.db.select({ id: schema.accounts.id }).from(schema.accounts).limit(1);
  accountId = account!.id;
  await notifyUsers(t.db, {
    userIds: ["usr_ta"],
    accountId,
    message: "For Tess: newest",
    ruleId: "A-3",
    reason: "test",
    at: new Date("2026-11-01T11:00:00Z"),
  });
  await notifyUsers(t.db, {
    userIds: ["usr_ta2"],
    accountId,
    message: "For Omar only",
    at: new Date("2026-11-01T11:30:00Z"),
  });
});
afterAll(() => t.close());

async function unreadInDb(userId: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(schema.notifications)
    .where(and(eq(schema.notifications.userId, userId), isNull(schema.notifications.readAt)));
  return row!.n;
}

async function idOf(message: string) {
  const [row] = await t.db
    .select({ id: schema.notifications.id })
    .from(schema.notifications)
    .where(eq(schema.notifications.message, message));
  return row!.id;
}

describe("notifications feed (SPEC §12)", () => {
  it("lists only your own notifications, newest first, with the unread count", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/notifications?pageSize=200");
    expect(res.status).toBe(200);
    const messages: string[] = res.json.items.map((n: { message: string }) => n.message);
    expect(messages[0]).toBe("For Tess: newest");
    expect(messages).not.toContain("For Omar only");
    expect(res.json.items[0]).toMatchObject({
      accountId,
      accountName: expect.any(String),
      ruleId: "A-3",
      reason: "test",
      createdAt: "2026-11-01T11:00:00.000Z",
      readAt: null,
    });
    const times = res.json.items.map((n: { createdAt: string }) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const [total] = await t.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, "usr_ta"));
    expect(res.json.total).toBe(total!.n);
    expect(res.json.unread).toBe(await unreadInDb("usr_ta"));
    const count = await t.call("ta@keel.test", "/api/v1/notifications/unread-count");
    expect(count.json).toEqual({ unread: await unreadInDb("usr_ta") });
  });

  it("marks one read, and answers 404 for someone else's", async () => {
    const before = await unreadInDb("usr_ta");
    const id = await idOf("For Tess: newest");
    const read = await t.call("ta@keel.test", `/api/v1/notifications/${id}/read`, { method: "POST" });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id, readAt: "2026-11-01T12:00:00.000Z" });
    expect((await t.call("ta@keel.test", "/api/v1/notifications/unread-count")).json.unread).toBe(before - 1);
    const unreadOnly = await t.call("ta@keel.test", "/api/v1/notifications?unread=true&pageSize=200");
    expect(unreadOnly.json.items.map((n: { id: number }) => n.id)).not.toContain(id);
    expect(unreadOnly.json.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);

    const omars = await idOf("For Omar only");
    const notMine = await t.call("ta@keel.test", `/api/v1/notifications/${omars}/read`, { method: "POST" });
    expect(notMine.status).toBe(404);
    expect(await unreadInDb("usr_ta2")).toBeGreaterThan(0);
    const [row] = await t.db.select().from(schema.notifications).where(eq(schema.notifications.id, omars));
    expect(row!.readAt).toBeNull();
  });

  it("marks all your notifications read, leaving others' unread", async () => {
    const omarsBefore = await unreadInDb("usr_ta2");
    const res = await t.call("ta@keel.test", "/api/v1/notifications/read-all", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json.unread).toBe(0);
    expect((await t.call("ta@keel.test", "/api/v1/notifications/unread-count")).json).toEqual({ unread: 0 });
    expect((await t.call("ta@keel.test", "/api/v1/notifications?unread=true")).json).toMatchObject({
      items: [],
      total: 0,
      unread: 0,
    });
    expect(await unreadInDb("usr_ta2")).toBe(omarsBefore);
    const omar = await t.call("ta2@keel.test", "/api/v1/notifications/unread-count");
    expect(omar.json.unread).toBe(omarsBefore);
  });

  it("needs a session (401) and valid paging (400)", async () => {
    expect((await t.call(null, "/api/v1/notifications")).status).toBe(401);
    expect((await t.call("ta@keel.test", "/api/v1/notifications?pageSize=0")).status).toBe(400);
    expect((await t.call("ta@keel.test", "/api/v1/notifications/abc/read", { method: "POST" })).status).toBe(
      400,
    );
  });
});

import {
  InvalidCursorError,
  type SessionStore,
  UserNotFoundError,
} from "@wwhd/core/ports/session-store.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { makeTurn, registerUser } from "./fixtures.ts";

async function listAll(store: SessionStore, userId: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listSessions(userId, { limit, cursor });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("sessions in the DynamoDB session store", () => {
  const table = useTestTable();
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    alice = (await registerUser(table.store)).id;
    bob = (await registerUser(table.store)).id;
  });

  it("creates a session only for an existing user", async () => {
    const session = await table.store.createSession(alice, "Sleep");
    expect(await table.store.getSession(alice, session.id)).toEqual(session);
    await expect(
      table.store.createSession("01J0000000000000000000000X", "x"),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it("hides a user's session from another user exactly like a missing one", async () => {
    const session = await table.store.createSession(alice, "Private");
    expect(await table.store.getSession(bob, session.id)).toBeNull();
    expect(await table.store.renameSession(bob, session.id, "stolen")).toBeNull();
    expect(await table.store.deleteSession(bob, session.id)).toBe(false);
    expect(await table.store.listMessages(bob, session.id, { limit: 10 })).toBeNull();
    expect(await table.store.getSession(alice, session.id)).toMatchObject({ title: "Private" });
    expect(await table.store.getSession(alice, "../../PROFILE")).toBeNull();
  });

  it("lists sessions by last activity, page by page", async () => {
    const user = (await registerUser(table.store)).id;
    const first = await table.store.createSession(user, "first");
    const second = await table.store.createSession(user, "second");
    const third = await table.store.createSession(user, "third");
    await table.store.saveTurn(
      makeTurn(user, first.id, { at: new Date(Date.now() + 60_000).toISOString() }),
    );
    expect(await listAll(table.store, user, 2)).toEqual([first.id, third.id, second.id]);
    expect(await listAll(table.store, user, 100)).toEqual([first.id, third.id, second.id]);
  });

  it("rejects a tampered cursor, and a cursor of another user or another list", async () => {
    const user = (await registerUser(table.store)).id;
    for (const title of ["a", "b", "c"]) await table.store.createSession(user, title);
    const { nextCursor } = await table.store.listSessions(user, { limit: 1 });
    if (!nextCursor) throw new Error("expected a second page");
    const [payload = "", signature = ""] = nextCursor.split(".");
    const forged = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace(user, alice),
    ).toString("base64url");
    const tampered = [
      `${forged}.${signature}`,
      `${payload}.${signature.slice(0, -2)}`,
      nextCursor.slice(0, -1) + (nextCursor.endsWith("A") ? "B" : "A"),
      `${nextCursor}.extra`,
      "not a cursor",
      "",
    ];
    for (const cursor of tampered)
      await expect(table.store.listSessions(user, { limit: 1, cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    await expect(table.store.listSessions(alice, { limit: 1, cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(table.store.listUsers({ limit: 1, cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    );
    const secondPage = await table.store.listSessions(user, { limit: 1, cursor: nextCursor });
    expect(secondPage.items).toHaveLength(1);
  });

  it("renames a session and moves it to the top", async () => {
    const user = (await registerUser(table.store)).id;
    const older = await table.store.createSession(user, "older");
    await table.store.createSession(user, "newer");
    const renamed = await table.store.renameSession(user, older.id, "Renamed");
    expect(renamed).toMatchObject({ id: older.id, title: "Renamed", createdAt: older.createdAt });
    expect((await table.store.listSessions(user, { limit: 1 })).items[0]?.id).toBe(older.id);
  });

  it("deletes a session with all its messages and nothing else", async () => {
    const user = (await registerUser(table.store)).id;
    const doomed = await table.store.createSession(user, "doomed");
    const kept = await table.store.createSession(user, "kept");
    for (let i = 0; i < 30; i++) await table.store.saveTurn(makeTurn(user, doomed.id));
    await table.store.saveTurn(makeTurn(user, kept.id));

    expect(await table.store.deleteSession(user, doomed.id)).toBe(true);
    expect(await table.store.getSession(user, doomed.id)).toBeNull();
    expect(await table.store.deleteSession(user, doomed.id)).toBe(false);
    const left = (await table.scan()).filter((i) => String(i.SK).includes(doomed.id));
    expect(left).toEqual([]);
    expect(await table.store.recentMessages(user, kept.id, 10)).toHaveLength(2);
  });
});

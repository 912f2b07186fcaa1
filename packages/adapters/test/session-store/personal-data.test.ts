import { describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { makeTurn, registerUser } from "./fixtures.ts";

describe("export and erasure in the DynamoDB session store", () => {
  const table = useTestTable();

  /** A user with two sessions, turns, usage and a refresh family. */
  async function populatedUser(email: string) {
    const user = await registerUser(table.store, email);
    const sessions = [
      await table.store.createSession(user.id, "one"),
      await table.store.createSession(user.id, "two"),
    ];
    const turns = [
      makeTurn(user.id, sessions[0]?.id ?? ""),
      makeTurn(user.id, sessions[1]?.id ?? ""),
    ];
    for (const turn of turns) await table.store.saveTurn(turn);
    const at = new Date().toISOString();
    const expiresAt = "2099-01-01T00:00:00.000Z";
    await table.store.createRefreshFamily(
      { userId: user.id, familyId: "F", createdAt: at, lastUsedAt: at, expiresAt },
      { userId: user.id, familyId: "F", tokenHash: "secret-hash", createdAt: at, expiresAt },
    );
    return { user, sessions, turns };
  }

  const mentions = (item: Record<string, unknown>, ...needles: string[]) =>
    needles.some((needle) => JSON.stringify(item).toLowerCase().includes(needle.toLowerCase()));

  it("exports everything of the user and nothing secret", async () => {
    const { user, turns } = await populatedUser("export@example.com");
    const exported = await table.store.exportUserData(user.id);

    const { passwordHash: _hash, ...publicUser } = user;
    expect(exported.user).toEqual(publicUser);
    expect(exported.sessions.map((s) => s.messages)).toEqual(
      turns.map((t) => [t.user, t.assistant]),
    );
    expect(exported.usage).toEqual([
      expect.objectContaining({ turns: 2, promptTokens: 240, completionTokens: 60 }),
    ]);
    expect(exported.refreshFamilies).toEqual([expect.objectContaining({ familyId: "F" })]);
    expect(JSON.stringify(exported)).not.toMatch(/scrypt|secret-hash/);
  });

  it("erases every item of the user, leaves other users alone, and frees the address", async () => {
    const { user } = await populatedUser("erase@example.com");
    const { user: other } = await populatedUser("other@example.com");
    const before = (await table.scan()).filter((i) => mentions(i, user.id, user.email));
    expect(before.length).toBeGreaterThan(8);

    await table.store.eraseUserData(user.id);

    const after = await table.scan();
    expect(after.filter((i) => mentions(i, user.id, user.email))).toEqual([]);
    expect(after.filter((i) => mentions(i, other.id)).length).toBeGreaterThan(8);
    expect(await table.store.getUser(user.id)).toBeNull();
    expect(await table.store.exportUserData(user.id)).toEqual({
      user: null,
      sessions: [],
      usage: [],
      refreshFamilies: [],
    });
    await expect(registerUser(table.store, "erase@example.com")).resolves.toBeTruthy();
  });

  it("can be run again, and then blocks new data for the erased user", async () => {
    const { user, sessions } = await populatedUser("twice@example.com");
    await table.store.eraseUserData(user.id);
    await table.store.eraseUserData(user.id);
    await expect(table.store.createSession(user.id, "late")).rejects.toThrow();
    await expect(table.store.saveTurn(makeTurn(user.id, sessions[0]?.id ?? ""))).rejects.toThrow();
    expect((await table.scan()).filter((i) => mentions(i, user.id))).toEqual([]);
  });
});

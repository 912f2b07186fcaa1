import { UserNotFoundError } from "@wwhd/core/ports/session-store.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { registerUser } from "./fixtures.ts";

const at = "2025-03-01T12:00:00.000Z";
const expiresAt = "2099-01-01T00:00:00.000Z";

describe("refresh tokens in the DynamoDB session store", () => {
  const table = useTestTable();
  let userId: string;
  beforeAll(async () => {
    userId = (await registerUser(table.store)).id;
  });

  const family = (familyId: string) => ({
    userId,
    familyId,
    createdAt: at,
    lastUsedAt: at,
    expiresAt,
  });
  const token = (familyId: string, tokenHash: string) => ({
    userId,
    familyId,
    tokenHash,
    createdAt: at,
    expiresAt,
  });

  it("stores a family with its first token and finds it by hash", async () => {
    await table.store.createRefreshFamily(family("F1"), token("F1", "h1"));
    expect(await table.store.findRefreshToken(userId, "F1", "h1")).toEqual({
      family: family("F1"),
      token: token("F1", "h1"),
    });
    expect(await table.store.findRefreshToken(userId, "F1", "other")).toBeNull();
  });

  it("rotates a token once; a second rotation of it changes nothing", async () => {
    await table.store.createRefreshFamily(family("F2"), token("F2", "a"));
    const later = "2025-03-02T00:00:00.000Z";
    expect(await table.store.rotateRefreshToken(token("F2", "a"), token("F2", "b"), later)).toBe(
      true,
    );
    expect(await table.store.rotateRefreshToken(token("F2", "a"), token("F2", "c"), later)).toBe(
      false,
    );

    const found = await table.store.findRefreshToken(userId, "F2", "a");
    expect(found?.token.rotatedAt).toBe(later);
    expect(found?.family.lastUsedAt).toBe(later);
    expect(await table.store.findRefreshToken(userId, "F2", "b")).not.toBeNull();
    expect(await table.store.findRefreshToken(userId, "F2", "c")).toBeNull();
  });

  it("lets exactly one of two simultaneous rotations of a token win", async () => {
    await table.store.createRefreshFamily(family("F3"), token("F3", "a"));
    const results = await Promise.all(
      ["x", "y"].map((next) =>
        table.store.rotateRefreshToken(token("F3", "a"), token("F3", next), at),
      ),
    );
    expect(results.sort()).toEqual([false, true]);
  });

  it("does not rotate within a revoked family, and keeps the first revocation time", async () => {
    await table.store.createRefreshFamily(family("F4"), token("F4", "a"));
    await table.store.revokeRefreshFamily(userId, "F4", "2025-03-03T00:00:00.000Z");
    await table.store.revokeRefreshFamily(userId, "F4", "2025-03-04T00:00:00.000Z");
    await table.store.revokeRefreshFamily(userId, "unknown", at);
    expect(await table.store.rotateRefreshToken(token("F4", "a"), token("F4", "b"), at)).toBe(
      false,
    );
    const found = await table.store.findRefreshToken(userId, "F4", "a");
    expect(found?.family.revokedAt).toBe("2025-03-03T00:00:00.000Z");
    expect(found?.token.rotatedAt).toBeUndefined();
  });

  it("refuses a family for a user who does not exist", async () => {
    const ghost = "01J0000000000000000000000X";
    await expect(
      table.store.createRefreshFamily(
        { ...family("F5"), userId: ghost },
        { ...token("F5", "a"), userId: ghost },
      ),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });
});

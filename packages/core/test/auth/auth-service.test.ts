import { EmailTakenError } from "@wwhd/core/ports/session-store.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { type AuthService, createAuthService } from "../../src/auth/auth-service.ts";
import { createKeyStoreFromJwks, generateSigningJwk } from "../../src/auth/key-store.ts";
import { hashPassword } from "../../src/auth/password-hasher.ts";
import { manualClock } from "./manual-clock.ts";

/** Cheap scrypt keeps the suite fast; the default cost is covered by the hasher's own test. */
const passwordParams = { N: 1024, r: 8, p: 1 };
const password = "plum blossom in the snow";
let counter = 0;
const email = () => `person${++counter}@example.com`;

describe("the auth service on DynamoDB Local", () => {
  const clock = manualClock(Date.now());
  const table = useTestTable({ clock });
  let auth: AuthService;
  beforeAll(async () => {
    auth = createAuthService({
      store: table.store,
      clock,
      keys: await createKeyStoreFromJwks([await generateSigningJwk()]),
      issuer: "https://wwhd.test",
      audience: "wwhd-api",
      passwordParams,
    });
  });

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it("registers a user and signs them in with tokens that verify", async () => {
    const address = email();
    const { user, tokens } = await auth.register({ email: address, password });
    expect(user).toEqual({
      id: expect.any(String),
      email: address,
      roles: ["user"],
      createdAt: expect.any(String),
    });
    expect(tokens).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    expect(await auth.verifyAccessToken(tokens.accessToken)).toMatchObject({
      sub: user.id,
      roles: ["user"],
    });
    expect(await auth.currentUser(user.id)).toEqual(user);
    const stored = await table.store.getUser(user.id);
    expect(stored?.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(JSON.stringify(await table.scan())).not.toContain(tokens.refreshToken.split(".")[2]);
  });

  it("refuses a weak password with nothing stored, and a taken address", async () => {
    const address = email();
    expect(await rejection(auth.register({ email: address, password: "short" }))).toMatchObject({
      status: 400,
      code: "invalid_request",
    });
    expect(await table.store.findUserByEmail(address)).toBeNull();
    await auth.register({ email: address, password });
    expect(
      await rejection(auth.register({ email: address.toUpperCase(), password })),
    ).toBeInstanceOf(EmailTakenError);
  });

  it("logs in with the right password only, answering alike for unknown addresses", async () => {
    const address = email();
    await auth.register({ email: address, password });
    const { user } = await auth.login({ email: ` ${address.toUpperCase()} `, password });
    expect(user.email).toBe(address);
    const wrong = await rejection(auth.login({ email: address, password: `${password}!` }));
    const unknown = await rejection(auth.login({ email: email(), password }));
    expect(wrong).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("upgrades an old hash at login when the cost was raised", async () => {
    const user = await table.store.createUser({
      email: email(),
      roles: ["user"],
      passwordHash: await hashPassword(password, { N: 512, r: 8, p: 1 }),
    });
    await auth.login({ email: user.email, password });
    expect((await table.store.getUser(user.id))?.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(auth.login({ email: user.email, password })).resolves.toBeTruthy();
  });

  it("rotates the refresh token on every use", async () => {
    const { tokens } = await auth.register({ email: email(), password });
    const next = await auth.refresh(tokens.refreshToken);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(await auth.verifyAccessToken(next.accessToken)).toBeTruthy();
    const after = await auth.refresh(next.refreshToken);
    expect(after.refreshToken).not.toBe(next.refreshToken);
  });

  it("revokes the whole family when a rotated token is used again, and only that family", async () => {
    const address = email();
    const { tokens: first } = await auth.register({ email: address, password });
    const { tokens: otherLogin } = await auth.login({ email: address, password });
    const second = await auth.refresh(first.refreshToken);

    expect(await rejection(auth.refresh(first.refreshToken))).toMatchObject({
      status: 401,
      code: "refresh_token_reused",
    });
    expect(await rejection(auth.refresh(second.refreshToken))).toMatchObject({
      status: 401,
      code: "invalid_refresh_token",
    });
    await expect(auth.refresh(otherLogin.refreshToken)).resolves.toBeTruthy();
  });

  it("treats two simultaneous uses of one refresh token as reuse", async () => {
    const { tokens } = await auth.register({ email: email(), password });
    const outcomes = await Promise.allSettled([
      auth.refresh(tokens.refreshToken),
      auth.refresh(tokens.refreshToken),
    ]);
    const won = outcomes.find((o) => o.status === "fulfilled");
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(1);
    if (won?.status !== "fulfilled") throw new Error("one refresh should have succeeded");
    await expect(auth.refresh(won.value.refreshToken)).rejects.toMatchObject({ status: 401 });
  });

  it("logs out by revoking the login; unknown tokens are ignored", async () => {
    const { tokens } = await auth.register({ email: email(), password });
    await auth.logout(tokens.refreshToken);
    await auth.logout(tokens.refreshToken);
    await auth.logout("garbage");
    await expect(auth.refresh(tokens.refreshToken)).rejects.toMatchObject({
      code: "invalid_refresh_token",
    });
  });

  it("rejects malformed, forged, expired and orphaned refresh tokens", async () => {
    const { user, tokens } = await auth.register({ email: email(), password });
    const [userId, familyId, secret = ""] = tokens.refreshToken.split(".");
    const forged = `${userId}.${familyId}.${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    for (const token of ["", "a.b.c", forged, `${familyId}.${userId}.${secret}`])
      await expect(auth.refresh(token)).rejects.toMatchObject({ code: "invalid_refresh_token" });

    clock.advance(31 * 24 * 3600_000);
    await expect(auth.refresh(tokens.refreshToken)).rejects.toMatchObject({
      code: "invalid_refresh_token",
    });
    clock.advance(-31 * 24 * 3600_000);

    const { tokens: fresh } = await auth.login({ email: user.email, password });
    await table.store.eraseUserData(user.id);
    await expect(auth.refresh(fresh.refreshToken)).rejects.toMatchObject({
      code: "invalid_refresh_token",
    });
    await expect(auth.login({ email: user.email, password })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
  });

  it("bootstraps an admin, creating the account or promoting it", async () => {
    const fresh = await auth.bootstrapAdmin({ email: email(), password });
    expect(fresh.roles).toEqual(["user", "admin"]);
    const address = email();
    await auth.register({ email: address, password });
    const promoted = await auth.bootstrapAdmin({ email: address, password: "irrelevant here" });
    expect(promoted.roles).toEqual(["user", "admin"]);
    const { tokens } = await auth.login({ email: address, password });
    expect((await auth.verifyAccessToken(tokens.accessToken)).roles).toEqual(["user", "admin"]);
    expect(await auth.bootstrapAdmin({ email: address, password })).toEqual(promoted);
  });
});

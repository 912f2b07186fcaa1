import { beforeAll, describe, expect, it } from "vitest";
import { call, json, type SignedUp, signUp } from "./support/client.ts";
import { useTestApi } from "./support/test-api.ts";
import { type TokenForge, tokenForge } from "./support/token-forge.ts";

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

/** Flips one character of a segment without breaking its base64url alphabet. */
const tamper = (token: string, segment: number, transform: (part: string) => string) =>
  token
    .split(".")
    .map((part, i) => (i === segment ? transform(part) : part))
    .join(".");

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString());
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("access-token attacks through HTTP", () => {
  const api = useTestApi();
  let victim: SignedUp;
  let attacker: SignedUp;
  let forge: TokenForge;

  beforeAll(async () => {
    victim = await signUp(api.app, "victim");
    attacker = await signUp(api.app, "attacker");
    forge = tokenForge(api.signingJwk, victim.id);
  });

  /** A write, an erasure and an admin read, each in the victim's name or with the admin role. */
  const probes = (token: string) => [
    call(api.app, "/v1/sessions", { token, json: { title: "planted" } }),
    call(api.app, "/v1/me", { token, method: "DELETE" }),
    call(api.app, "/v1/admin/users", { token }),
    call(api.app, "/v1/chat", { token, json: { message: "hello" } }),
  ];

  async function expectRejectedWithoutEffect(tokens: string[]) {
    const before = await api.table.scan();
    for (const token of tokens) {
      for (const response of await Promise.all(probes(token))) {
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(
          /^Bearer realm="wwhd", error="invalid_token"/,
        );
        expect(await json(response)).toEqual({
          code: "invalid_token",
          message: expect.any(String),
        });
      }
    }
    expect(await api.table.scan()).toEqual(before);
  }

  it("accepts the forge's correctly made token (the control for every attack below)", async () => {
    const response = await call(api.app, "/v1/me", { token: await forge.signed() });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: victim.id });
  });

  it("rejects alg: none", async () => {
    await expectRejectedWithoutEffect([forge.unsigned({ roles: ["user", "admin"] })]);
  });

  it("rejects HS256 signed with the public key", async () => {
    await expectRejectedWithoutEffect(await forge.hmacWithPublicKey({ roles: ["user", "admin"] }));
  });

  it("rejects an expired token and a token not yet valid", async () => {
    await expectRejectedWithoutEffect([
      await forge.signed({ iat: now() - HOUR, nbf: now() - HOUR, exp: now() - 60 }),
      await forge.signed({ iat: now(), nbf: now() + 120, exp: now() + HOUR }),
    ]);
  });

  it("rejects a wrong issuer and a wrong audience", async () => {
    await expectRejectedWithoutEffect([
      await forge.signed({ iss: "https://evil.test" }),
      await forge.signed({ aud: "another-api" }),
    ]);
  });

  it("rejects an unknown kid and a key of the attacker's own", async () => {
    await expectRejectedWithoutEffect([
      await forge.signed({}, "unknown-kid"),
      await forge.foreign({ roles: ["user", "admin"] }),
    ]);
  });

  it("rejects a tampered payload (the attacker's own token turned into the victim's)", async () => {
    const raised = tamper(attacker.accessToken, 1, (part) =>
      encode({ ...decode(part), sub: victim.id, roles: ["user", "admin"] }),
    );
    const flipped = tamper(
      attacker.accessToken,
      2,
      (sig) => `${sig.slice(0, 10)}${sig[10] === "A" ? "B" : "A"}${sig.slice(11)}`,
    );
    await expectRejectedWithoutEffect([raised, flipped]);
  });

  it("rejects a truncated token", async () => {
    const token = attacker.accessToken;
    const [header, payload] = token.split(".");
    await expectRejectedWithoutEffect([
      token.slice(0, -8),
      `${header}.${payload}`,
      `${header}.${payload}.`,
      `${header}`,
    ]);
  });

  it("answers a request without credentials with the bare challenge", async () => {
    for (const authorization of [undefined, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer  "]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const response = await call(api.app, "/v1/sessions", { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="wwhd"');
      expect(await json(response)).toMatchObject({ code: "missing_token" });
    }
  });

  it("still serves the victim, whose account the attacks left untouched", async () => {
    const me = await call(api.app, "/v1/me", { token: victim.accessToken });
    expect(await json(me)).toMatchObject({ id: victim.id, email: victim.email, roles: ["user"] });
    const sessions = await call(api.app, "/v1/sessions", { token: victim.accessToken });
    expect(await json(sessions)).toEqual({ items: [] });
  });
});

describe("refresh-token attacks through HTTP", () => {
  const api = useTestApi();
  const refresh = (refreshToken: string) =>
    call(api.app, "/v1/auth/refresh", { json: { refreshToken } });
  const tokensOf = async (response: Response) =>
    (await json<{ tokens: { accessToken: string; refreshToken: string } }>(response)).tokens;

  it("rotates on every use; reusing a spent token revokes the whole login", async () => {
    const { refreshToken: first } = await signUp(api.app);
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    const second = (await tokensOf(rotated)).refreshToken;
    expect(second).not.toBe(first);

    const reuse = await refresh(first);
    expect(reuse.status).toBe(401);
    expect(reuse.headers.get("www-authenticate")).toBe(
      'Bearer realm="wwhd", error="invalid_token"',
    );
    expect(await json(reuse)).toMatchObject({ code: "refresh_token_reused" });

    // The family is revoked: the legitimate newest token is dead too.
    const afterRevocation = await refresh(second);
    expect(afterRevocation.status).toBe(401);
    expect(await json(afterRevocation)).toMatchObject({ code: "invalid_refresh_token" });
  });

  it("lets only one of two simultaneous uses of a token win, and revokes the login", async () => {
    const { refreshToken } = await signUp(api.app);
    const responses = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = responses.find((r) => r.status === 200) as Response;
    expect((await refresh((await tokensOf(winner)).refreshToken)).status).toBe(401);
  });

  it("keeps other logins of the same user alive when one is revoked", async () => {
    const account = await signUp(api.app);
    const login = await call(api.app, "/v1/auth/login", {
      json: { email: account.email, password: account.password },
    });
    const other = (await tokensOf(login)).refreshToken;
    await refresh(account.refreshToken);
    await refresh(account.refreshToken);
    expect((await refresh(other)).status).toBe(200);
  });

  it("rejects forged, truncated and foreign refresh tokens with nothing written", async () => {
    const account = await signUp(api.app);
    const before = await api.table.scan();
    const [userId, familyId, secret = ""] = account.refreshToken.split(".");
    const other = await signUp(api.app);
    const afterOther = await api.table.scan();
    const forged = [
      account.refreshToken.slice(0, -1),
      `${userId}.${familyId}.${"A".repeat(secret.length)}`,
      `${other.id}.${familyId}.${secret}`,
      "not-a-token",
    ];
    for (const token of forged) {
      const response = await refresh(token);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ code: "invalid_refresh_token" });
    }
    expect(await api.table.scan()).toEqual(afterOther);
    expect(before.length).toBeLessThan(afterOther.length);
    expect((await refresh(account.refreshToken)).status).toBe(200);
  });

  it("revokes the login on logout", async () => {
    const { refreshToken } = await signUp(api.app);
    const logout = await call(api.app, "/v1/auth/logout", { json: { refreshToken } });
    expect(logout.status).toBe(204);
    expect(await json(await refresh(refreshToken))).toMatchObject({
      code: "invalid_refresh_token",
    });
  });
});

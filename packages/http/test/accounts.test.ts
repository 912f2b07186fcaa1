import { bootstrapAdmin } from "@wwhd/core/auth/bootstrap-admin.ts";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/app.ts";
import { call, json, signUp } from "./support/client.ts";
import { AUDIENCE, ISSUER, useTestApi } from "./support/test-api.ts";

interface SignedIn {
  user: { id: string; email: string; roles: string[] };
  tokens: { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number };
}

const password = "plum blossom in the snow";
let counter = 0;
const newEmail = () => `member${++counter}.${Date.now()}@example.com`;

describe("accounts through HTTP", () => {
  const api = useTestApi();
  const register = (body: unknown) => call(api.app, "/v1/auth/register", { json: body });

  it("registers, logs in and serves GET /v1/me with the token", async () => {
    const email = newEmail();
    const registered = await register({ email, password });
    expect(registered.status).toBe(201);
    expect(registered.headers.get("cache-control")).toBe("no-store");
    const { user, tokens } = await json<SignedIn>(registered);
    expect(user).toEqual({
      id: expect.any(String),
      email,
      roles: ["user"],
      createdAt: expect.any(String),
    });
    expect(tokens).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });

    const login = await call(api.app, "/v1/auth/login", {
      json: { email: email.toUpperCase(), password },
    });
    expect(login.status).toBe(200);
    const signedIn = await json<SignedIn>(login);
    expect(signedIn.user.id).toBe(user.id);

    const me = await call(api.app, "/v1/me", { token: signedIn.tokens.accessToken });
    expect(await json(me)).toEqual(user);
  });

  it("publishes the public keys that verify its access tokens", async () => {
    const { accessToken } = await signUp(api.app);
    const response = await call(api.app, "/.well-known/jwks.json");
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const jwks = await json<{ keys: Record<string, unknown>[] }>(response);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks as never), {
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    expect(payload.roles).toEqual(["user"]);
  });

  it("gives one 201 and one 409 to two simultaneous registrations of one address", async () => {
    for (let round = 0; round < 5; round++) {
      const email = newEmail();
      const responses = await Promise.all([
        register({ email, password }),
        register({ email: email.toUpperCase(), password: `${password}!` }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const conflict = responses.find((r) => r.status === 409) as Response;
      expect(await json(conflict)).toEqual({
        code: "email_taken",
        message: "An account with this e-mail address exists already",
      });
      const items = (await api.table.scan()).filter((item) => JSON.stringify(item).includes(email));
      expect(items.map((item) => item.kind).sort()).toEqual(["email", "user"]);
    }
  });

  it("answers a wrong password and an unknown address with the same 401", async () => {
    const { email } = await signUp(api.app);
    const answers = await Promise.all(
      [
        { email, password: "not the password at all" },
        { email: newEmail(), password },
      ].map(async (body) => {
        const response = await call(api.app, "/v1/auth/login", { json: body });
        return {
          status: response.status,
          challenge: response.headers.get("www-authenticate"),
          body: await response.text(),
        };
      }),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.status).toBe(401);
    expect(answers[0]?.challenge).toMatch(/^Bearer realm="wwhd"/);
    expect(JSON.parse(answers[0]?.body ?? "")).toMatchObject({ code: "invalid_credentials" });
  });

  describe("refuses bad input with a stable code and nothing stored", () => {
    const cases: [string, string | undefined, number, string][] = [
      ["no body at all", undefined, 400, "invalid_request"],
      ["an empty body", "", 400, "invalid_json"],
      ["invalid JSON", "{not json", 400, "invalid_json"],
      ["a missing password", JSON.stringify({ email: "x@example.com" }), 400, "invalid_request"],
      [
        "an invalid address",
        JSON.stringify({ email: "not-an-address", password }),
        400,
        "invalid_request",
      ],
      [
        "a short password",
        JSON.stringify({ email: "x@example.com", password: "short" }),
        400,
        "invalid_request",
      ],
      [
        "a repetitive password",
        JSON.stringify({ email: "x@example.com", password: "abababababababab" }),
        400,
        "invalid_request",
      ],
      [
        "a password holding the address",
        JSON.stringify({ email: "x@example.com", password: "my x@example.com pass" }),
        400,
        "invalid_request",
      ],
      [
        "fields of the wrong type",
        JSON.stringify({ email: 42, password: ["a"] }),
        400,
        "invalid_request",
      ],
      [
        "a body over the limit",
        JSON.stringify({ email: "x@example.com", password: "p".repeat(MAX_BODY_BYTES) }),
        413,
        "payload_too_large",
      ],
    ];

    it.each(cases)("%s", async (_, body, status, code) => {
      const before = await api.table.scan();
      const response = await call(api.app, "/v1/auth/register", { method: "POST", body });
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const error = await json<{ code: string; message: string; details?: { path: string }[] }>(
        response,
      );
      expect(error).toMatchObject({ code, message: expect.any(String) });
      if (code === "invalid_request") expect(error.details?.length).toBeGreaterThan(0);
      expect(await api.table.scan()).toEqual(before);
    });

    it("names each offending field in details", async () => {
      const response = await register({ email: "nope", password: "short" });
      const error = await json<{ details: { path: string }[] }>(response);
      expect(error.details.map((d) => d.path).sort()).toEqual(["email", "password"]);
    });

    it("answers 415 to a body that is not JSON", async () => {
      const response = await call(api.app, "/v1/auth/register", {
        body: `email=x%40example.com&password=${password}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(response.status).toBe(415);
      expect(await json(response)).toMatchObject({ code: "unsupported_media_type" });
    });
  });

  it("never writes a password, a token or an address into the logs", async () => {
    const user = await signUp(api.app);
    await call(api.app, "/v1/auth/login", {
      json: { email: user.email, password: "wrong password!!" },
    });
    await call(api.app, "/v1/auth/refresh", { json: { refreshToken: user.refreshToken } });
    await call(api.app, "/v1/me", { token: `${user.accessToken}x` });
    const logged = JSON.stringify(api.logs);
    for (const secret of [
      user.password,
      "wrong password!!",
      user.email,
      user.refreshToken,
      user.accessToken,
    ])
      expect(logged).not.toContain(secret);
  });
});

describe("the admin routes", () => {
  const api = useTestApi();
  const tokenFor = async (credentials: { email: string; password: string }) => {
    const login = await call(api.app, "/v1/auth/login", { json: credentials });
    return (await json<SignedIn>(login)).tokens.accessToken;
  };
  const adminList = async (credentials: { email: string; password: string }) =>
    (await call(api.app, "/v1/admin/users", { token: await tokenFor(credentials) })).status;

  it("get a first admin from configuration, never the squatter of the admin address", async () => {
    const configured = { email: newEmail(), password: "iron ox walks slowly" };
    await bootstrapAdmin({ auth: api.auth, store: api.table.store }, configured);
    expect(await adminList(configured)).toBe(200);

    const squatter = await signUp(api.app, "squatter");
    await expect(
      bootstrapAdmin(
        { auth: api.auth, store: api.table.store },
        { email: squatter.email, password: "the operator's own password" },
      ),
    ).rejects.toThrow(/another password/);
    expect(await adminList(squatter)).toBe(403);

    const promoted = await signUp(api.app, "promoted");
    await bootstrapAdmin({ auth: api.auth, store: api.table.store }, promoted);
    expect(await adminList(promoted)).toBe(200);
  });

  it("list every account, paged, to an admin only", async () => {
    const admin = await signUp(api.app, "admin");
    await api.auth.bootstrapAdmin({ email: admin.email, password: admin.password });
    const members = [await signUp(api.app), await signUp(api.app), await signUp(api.app)];
    const token = await tokenFor(admin);

    const seen: { email: string; roles: string[] }[] = [];
    let cursor: string | undefined;
    do {
      const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const response = await call(api.app, `/v1/admin/users?limit=2${query}`, { token });
      expect(response.status).toBe(200);
      const page = await json<{ items: { email: string; roles: string[] }[]; nextCursor?: string }>(
        response,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) expect(item).not.toHaveProperty("passwordHash");
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const emails = seen.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([admin, ...members].map((u) => u.email)));
    expect(new Set(emails).size).toBe(emails.length);
    const accounts = (await api.table.scan()).filter((item) => item.kind === "user");
    expect(emails).toHaveLength(accounts.length);
    expect(seen.find((u) => u.email === admin.email)?.roles).toEqual(["user", "admin"]);

    // The admin's token from before the promotion does not carry the role.
    const stale = await call(api.app, "/v1/admin/users", { token: admin.accessToken });
    expect(stale.status).toBe(403);
    const bad = await call(api.app, "/v1/admin/users?limit=0", { token });
    expect(await json(bad)).toMatchObject({ code: "invalid_request" });
  });
});

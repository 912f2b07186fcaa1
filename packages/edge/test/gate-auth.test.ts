import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createGateTestApp, type GateTestApp } from "./support/gate-app.ts";
import { createTestIssuer, type TestIssuer } from "./support/tokens.ts";

let issuer: TestIssuer;
let subject: GateTestApp;
beforeAll(async () => {
  issuer = await createTestIssuer();
  subject = createGateTestApp(issuer);
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const nowSeconds = () => Math.floor(Date.now() / 1000);

const me = (token?: string) =>
  subject.app.request("/v1/me", token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** Every attack token from the auth issue, each built from a real key where it needs one. */
const attacks: [string, () => Promise<string>][] = [
  [
    "alg: none",
    async () => {
      const [, payload] = (await issuer.token("user-1")).split(".");
      return `${base64url({ alg: "none", typ: "JWT" })}.${payload}.`;
    },
  ],
  [
    "HS256 signed with the public key",
    () =>
      new SignJWT({ roles: ["admin"] })
        .setProtectedHeader({ alg: "HS256", kid: "key-1" })
        .setSubject("user-1")
        .setIssuer("https://auth.wwhd.test")
        .setAudience("wwhd-api")
        .setExpirationTime("15m")
        .sign(new TextEncoder().encode(issuer.publicKeyPem)),
  ],
  ["expired", () => issuer.token("user-1", { exp: nowSeconds() - 120 })],
  ["not yet valid", () => issuer.token("user-1", { nbf: nowSeconds() + 600 })],
  ["wrong issuer", () => issuer.token("user-1", { iss: "https://evil.test" })],
  ["wrong audience", () => issuer.token("user-1", { aud: "another-api" })],
  ["unknown kid", () => issuer.foreignToken("user-1")],
  ["unknown kid naming a known one", () => issuer.token("user-1", {}, { kid: "key-9" })],
  [
    "tampered payload",
    async () => {
      const [header, payload, signature] = (await issuer.token("user-1")).split(".");
      const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString());
      return `${header}.${base64url({ ...claims, sub: "admin-user", roles: ["admin"] })}.${signature}`;
    },
  ],
  ["truncated", async () => (await issuer.token("user-1")).slice(0, -12)],
  ["two segments", async () => (await issuer.token("user-1")).split(".").slice(0, 2).join(".")],
];

describe("JWT verification in the gate", () => {
  it("admits a valid ES256 token and hands the user and roles to the route", async () => {
    const response = await me(await issuer.token("user-1", { roles: ["admin"] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: "user-1", roles: ["admin"] });
  });

  it.each(attacks)(
    "rejects %s with 401 invalid_token before any route runs",
    async (_name, make) => {
      const before = subject.handled();
      const response = await me(await make());
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(
        /^Bearer realm="wwhd", error="invalid_token"/,
      );
      expect(await response.json()).toMatchObject({ code: "invalid_token" });
      expect(response.headers.get("x-request-id")).toBeTruthy();
      expect(subject.handled()).toBe(before);
    },
  );

  it("answers a missing token with a bare Bearer challenge", async () => {
    for (const authorization of [undefined, "Basic dXNlcjpwYXNz", "Bearer"]) {
      const response = await subject.app.request("/v1/me", {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="wwhd"');
      expect(await response.json()).toMatchObject({ code: "missing_token" });
    }
  });

  it("lets public routes through without a token", async () => {
    expect((await subject.app.request("/health")).status).toBe(200);
  });
});

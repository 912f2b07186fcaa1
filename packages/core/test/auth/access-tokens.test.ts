import { exportSPKI, importJWK, type JWK, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccessTokenIssuer } from "../../src/auth/access-token-issuer.ts";
import { createAccessTokenVerifier } from "../../src/auth/access-token-verifier.ts";
import { AuthenticationError } from "../../src/auth/auth-errors.ts";
import {
  createKeyStoreFromJwks,
  generateSigningJwk,
  type KeyStore,
} from "../../src/auth/key-store.ts";
import { manualClock } from "./manual-clock.ts";

const issuer = "https://wwhd.test";
const audience = "wwhd-api";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const segments = (token: string) => {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString());
  return { header: decode(header), payload: decode(payload), signature, raw: { header, payload } };
};

describe("access tokens", () => {
  const clock = manualClock();
  let keys: KeyStore;
  let privateJwk: JWK;
  let verify: ReturnType<typeof createAccessTokenVerifier>;
  const issue = (
    options: { issuer?: string; audience?: string; keys?: KeyStore; clock?: typeof clock } = {},
  ) =>
    createAccessTokenIssuer({ keys, clock, issuer, audience, ttlSeconds: 900, ...options })({
      userId: "01JUSER0000000000000000000",
      roles: ["user"],
    }).then((issued) => issued.token);

  beforeAll(async () => {
    privateJwk = await generateSigningJwk();
    keys = await createKeyStoreFromJwks([privateJwk]);
    verify = createAccessTokenVerifier({ jwks: await keys.publicJwks(), issuer, audience, clock });
  });

  const expectRejected = async (token: string) => {
    const error = await verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "invalid_token" });
    expect((error as AuthenticationError).wwwAuthenticate).toContain('error="invalid_token"');
  };

  it("issues an ES256 token with iss, aud, sub, roles, jti and kid that verifies", async () => {
    const token = await issue();
    const { header, payload } = segments(token);
    expect(header).toEqual({ alg: "ES256", kid: privateJwk.kid, typ: "at+jwt" });
    expect(payload).toMatchObject({
      iss: issuer,
      aud: audience,
      sub: "01JUSER0000000000000000000",
      roles: ["user"],
    });
    expect(payload.exp - payload.iat).toBe(900);
    expect(await verify(token)).toMatchObject({
      sub: "01JUSER0000000000000000000",
      roles: ["user"],
      jti: payload.jti,
    });
    expect(segments(await issue()).payload.jti).not.toBe(payload.jti);
  });

  it("publishes only public keys", async () => {
    const { keys: published } = await keys.publicJwks();
    expect(published).toEqual([
      {
        kty: "EC",
        crv: "P-256",
        x: privateJwk.x,
        y: privateJwk.y,
        kid: privateJwk.kid,
        alg: "ES256",
        use: "sig",
      },
    ]);
  });

  it("rejects alg: none", async () => {
    const { raw } = segments(await issue());
    const header = b64({ alg: "none", typ: "at+jwt", kid: privateJwk.kid });
    await expectRejected(`${header}.${raw.payload}.`);
  });

  it("rejects HS256 signed with the public key", async () => {
    const { d: _private, ...publicJwk } = privateJwk;
    const pem = await exportSPKI(
      (await importJWK(publicJwk, "ES256", { extractable: true })) as CryptoKey,
    );
    const payload = segments(await issue()).payload;
    for (const secret of [pem, JSON.stringify(publicJwk), publicJwk.x ?? ""]) {
      const forged = await new SignJWT({ ...payload, roles: ["admin"] })
        .setProtectedHeader({ alg: "HS256", kid: privateJwk.kid, typ: "at+jwt" })
        .sign(new TextEncoder().encode(secret));
      await expectRejected(forged);
    }
  });

  it("rejects an expired token and a token not yet valid", async () => {
    const past = manualClock(clock.now() - 16 * 60_000);
    const future = manualClock(clock.now() + 60_000);
    await expectRejected(await issue({ clock: past }));
    await expectRejected(await issue({ clock: future }));
  });

  it("rejects a wrong issuer and a wrong audience", async () => {
    await expectRejected(await issue({ issuer: "https://evil.test" }));
    await expectRejected(await issue({ audience: "another-api" }));
  });

  it("rejects a token signed by a key it does not know, or naming an unknown kid", async () => {
    const strangerKeys = await createKeyStoreFromJwks([await generateSigningJwk()]);
    await expectRejected(await issue({ keys: strangerKeys }));
    const { raw, signature } = segments(await issue());
    const header = b64({ alg: "ES256", typ: "at+jwt", kid: "unknown-kid" });
    await expectRejected(`${header}.${raw.payload}.${signature}`);
  });

  it("rejects a tampered payload and a truncated token", async () => {
    const token = await issue();
    const { payload, raw, signature } = segments(token);
    await expectRejected(`${raw.header}.${b64({ ...payload, roles: ["admin"] })}.${signature}`);
    await expectRejected(token.slice(0, -5));
    await expectRejected(`${raw.header}.${raw.payload}`);
    await expectRejected("");
  });

  it("rejects a token of our key that is not an access token or lacks claims", async () => {
    const privateKey = (await keys.signingKey()).privateKey;
    const now = Math.floor(clock.now() / 1000);
    const sign = (claims: Record<string, unknown>, typ: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid: privateJwk.kid, typ })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(privateKey);
    await expectRejected(await sign({ sub: "u", jti: "j", roles: ["user"] }, "JWT"));
    await expectRejected(await sign({ sub: "u", jti: "j" }, "at+jwt"));
    await expectRejected(await sign({ sub: "u", jti: "j", roles: ["root"] }, "at+jwt"));
    await expectRejected(await sign({ jti: "j", roles: ["user"] }, "at+jwt"));
    expect(
      await verify(await sign({ sub: "u", jti: "j", roles: ["user"] }, "at+jwt")),
    ).toMatchObject({ sub: "u" });
  });
});

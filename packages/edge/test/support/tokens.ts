import {
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWTPayload,
  SignJWT,
} from "jose";

export const ISSUER = "https://auth.wwhd.test";
export const AUDIENCE = "wwhd-api";

export interface TestIssuer {
  jwks: ReturnType<typeof createLocalJWKSet>;
  publicJwks: { keys: Record<string, unknown>[] };
  publicKeyPem: string;
  /** A valid ES256 access token for `sub`, with claims and header adjustable per attack. */
  token(sub: string, claims?: JWTPayload, options?: { kid?: string }): Promise<string>;
  /** Signs with a key the JWKS does not hold. */
  foreignToken(sub: string): Promise<string>;
}

/** ES256 keys generated for the test run, as the auth service would hold them. */
export async function createTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: "key-1", alg: "ES256", use: "sig" };
  const publicJwks = { keys: [publicJwk] };
  const other = await generateKeyPair("ES256");
  // Attack claims override the defaults, so they are applied last.
  const sign = (sub: string, claims: JWTPayload, key: CryptoKey, kid: string) => {
    const now = Math.floor(Date.now() / 1000);
    const jti = crypto.randomUUID();
    const defaults = {
      roles: ["user"],
      sub,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 900,
      jti,
    };
    return new SignJWT({ ...defaults, ...claims })
      .setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt" })
      .sign(key);
  };
  return {
    jwks: createLocalJWKSet(publicJwks),
    publicJwks,
    publicKeyPem: await exportSPKI(publicKey),
    token: (sub, claims = {}, options = {}) =>
      sign(sub, claims, privateKey, options.kid ?? "key-1"),
    foreignToken: (sub) => sign(sub, {}, other.privateKey, "key-2"),
  };
}

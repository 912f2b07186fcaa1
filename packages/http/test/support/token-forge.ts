import { exportSPKI, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from "jose";
import { AUDIENCE, ISSUER } from "./test-api.ts";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export interface TokenForge {
  /** ES256 with the service's own key: valid unless `claims`/`kid` say otherwise. */
  signed(claims?: JWTPayload, kid?: string): Promise<string>;
  /** Unsigned (`alg: none`). */
  unsigned(claims?: JWTPayload): string;
  /** HS256 keyed with the service's public key, in the forms an attacker might try. */
  hmacWithPublicKey(claims?: JWTPayload): Promise<string[]>;
  /** ES256 with a key of the attacker's own. */
  foreign(claims?: JWTPayload): Promise<string>;
}

/** Crafts access tokens the way an attacker (or a correct issuer, for the control) would. */
export function tokenForge(signingJwk: JWK, subject: string): TokenForge {
  const kid = signingJwk.kid ?? "";
  const { d: _private, ...publicJwk } = signingJwk;
  const claimsOf = (claims: JWTPayload): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    const defaults = { iss: ISSUER, aud: AUDIENCE, sub: subject, roles: ["user"], jti: "forged" };
    return { ...defaults, iat: now, nbf: now, exp: now + 900, ...claims };
  };
  const sign = (claims: JWTPayload, key: CryptoKey | Uint8Array, alg: string, keyId: string) =>
    new SignJWT(claimsOf(claims)).setProtectedHeader({ alg, kid: keyId, typ: "at+jwt" }).sign(key);

  return {
    async signed(claims = {}, keyId = kid) {
      return sign(claims, (await importJWK(signingJwk, "ES256")) as CryptoKey, "ES256", keyId);
    },
    unsigned(claims = {}) {
      return `${b64({ alg: "none", typ: "at+jwt", kid })}.${b64(claimsOf(claims))}.`;
    },
    async hmacWithPublicKey(claims = {}) {
      const publicKey = (await importJWK(publicJwk, "ES256", { extractable: true })) as CryptoKey;
      const secrets = [await exportSPKI(publicKey), JSON.stringify(publicJwk)];
      return Promise.all(
        secrets.map((secret) => sign(claims, new TextEncoder().encode(secret), "HS256", kid)),
      );
    },
    async foreign(claims = {}) {
      const { privateKey } = await generateKeyPair("ES256");
      return sign(claims, privateKey, "ES256", "attacker-key");
    },
  };
}

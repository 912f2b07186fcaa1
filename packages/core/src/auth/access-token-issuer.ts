import { SignJWT } from "jose";
import type { Clock } from "../ports/clock.ts";
import type { Role } from "../ports/session-store.ts";
import { ACCESS_TOKEN_TYPE } from "./access-token-verifier.ts";
import { type KeyStore, SIGNING_ALGORITHM } from "./key-store.ts";

export interface AccessTokenIssuerOptions {
  keys: KeyStore;
  clock: Clock;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface IssuedAccessToken {
  token: string;
  /** Seconds, for the `expires_in` of the response. */
  expiresIn: number;
}

export type AccessTokenIssuer = (subject: {
  userId: string;
  roles: Role[];
}) => Promise<IssuedAccessToken>;

/** Signs short-lived ES256 access tokens: iss, aud, sub, roles, jti, iat, nbf, exp; kid in the header. */
export function createAccessTokenIssuer(options: AccessTokenIssuerOptions): AccessTokenIssuer {
  return async ({ userId, roles }) => {
    const { kid, privateKey } = await options.keys.signingKey();
    const now = Math.floor(options.clock.now() / 1000);
    const token = await new SignJWT({ roles })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(userId)
      .setJti(crypto.randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + options.ttlSeconds)
      .sign(privateKey);
    return { token, expiresIn: options.ttlSeconds };
  };
}

import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { z } from "zod";
import type { Clock } from "../ports/clock.ts";
import { invalidAccessToken } from "./auth-errors.ts";
import { SIGNING_ALGORITHM } from "./key-store.ts";

export const ACCESS_TOKEN_TYPE = "at+jwt";

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(["user", "admin"])),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof ClaimsSchema>;

export interface AccessTokenVerifierOptions {
  /** The public keys (from the KeyStore, or fetched from `/.well-known/jwks.json`). */
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  clock: Clock;
  /** Allowed clock skew between signer and verifier. */
  clockToleranceSeconds?: number;
}

export type AccessTokenVerifier = (token: string) => Promise<AccessClaims>;

/**
 * Verifies an access token with public keys only (Web Crypto through `jose`, no Node APIs), so
 * the gate can run it at the edge too. Only ES256 with a known `kid` is accepted: `alg: none`,
 * HMAC signed with a public key, unknown keys, wrong issuer/audience, expired or not-yet-valid
 * tokens and malformed claims all become the same `invalid_token` 401.
 */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const keys = createLocalJWKSet(options.jwks);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [SIGNING_ALGORITHM],
        issuer: options.issuer,
        audience: options.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ["sub", "jti", "iat", "exp"],
        currentDate: new Date(options.clock.now()),
        clockTolerance: options.clockToleranceSeconds ?? 5,
      });
      return ClaimsSchema.parse(payload);
    } catch {
      throw invalidAccessToken();
    }
  };
}

import {
  createLocalJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import type { Clock } from "../ports/clock.ts";
import type { Role } from "../ports/session-store.ts";
import { invalidAccessToken } from "./auth-errors.ts";
import { SIGNING_ALGORITHM } from "./key-store.ts";

export const ACCESS_TOKEN_TYPE = "at+jwt";

export interface AccessClaims {
  sub: string;
  roles: Role[];
  jti: string;
  iat: number;
  exp: number;
}

export interface AccessTokenVerifierOptions {
  /** The public keys: a JWKS (from the KeyStore) or jose's cached remote set (`/.well-known/jwks.json`). */
  jwks: JSONWebKeySet | JWTVerifyGetKey;
  issuer: string;
  audience: string;
  clock: Clock;
  /** Allowed clock skew between signer and verifier. */
  clockToleranceSeconds?: number;
}

export type AccessTokenVerifier = (token: string) => Promise<AccessClaims>;

const ROLES: readonly string[] = ["user", "admin"] satisfies Role[];

/**
 * Checked by hand rather than with zod: this module runs in the edge Worker too, whose bundle
 * budget the classic zod build alone would take half of.
 */
function claimsOf(payload: JWTPayload): AccessClaims {
  const { sub, jti, iat, exp, roles } = payload;
  const valid =
    typeof sub === "string" &&
    sub.length > 0 &&
    typeof jti === "string" &&
    jti.length > 0 &&
    typeof iat === "number" &&
    typeof exp === "number" &&
    Array.isArray(roles) &&
    roles.every((role) => ROLES.includes(role));
  if (!valid) throw new Error("malformed claims");
  return { sub, jti, iat, exp, roles: roles as Role[] };
}

/**
 * The one access-token verifier, used by the gate in front of every runtime (origin and edge):
 * public keys only (Web Crypto through `jose`, no Node APIs). Only ES256 access tokens
 * (`typ: at+jwt`) with a known `kid` pass: `alg: none`, HMAC signed with a public key, unknown
 * keys, wrong issuer/audience, expired or not-yet-valid tokens and malformed claims all become
 * the same `invalid_token` 401.
 */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const keys = typeof options.jwks === "function" ? options.jwks : createLocalJWKSet(options.jwks);
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
      return claimsOf(payload);
    } catch {
      throw invalidAccessToken();
    }
  };
}

import { errors, type JWTVerifyGetKey, jwtVerify } from "jose";

/** Who a verified access token speaks for. */
export interface AccessIdentity {
  userId: string;
  roles: string[];
}

export interface AccessTokenVerifier {
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** Why a request is not authenticated; `error` is the RFC 6750 code, if any. */
export class AuthenticationFailure extends Error {
  readonly error: "invalid_token" | undefined;

  constructor(message: string, error?: "invalid_token") {
    super(message);
    this.name = "AuthenticationFailure";
    this.error = error;
  }
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([^ ]+)$/i.exec(authorization?.trim() ?? "");
  return match?.[1];
}

const describe = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return "The access token has expired";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JWKSNoMatchingKey) return "The access token's signing key is unknown";
  return "The access token is not valid";
};

/**
 * ES256 only (the allow-list rejects `none` and HS256 keyed with the public key alike), with
 * issuer, audience, expiry and not-before checked against the gate's clock.
 */
export async function verifyAccessToken(
  token: string | undefined,
  verifier: AccessTokenVerifier,
  now: number,
): Promise<AccessIdentity> {
  if (!token) throw new AuthenticationFailure("A bearer access token is required");
  try {
    const { payload } = await jwtVerify(token, verifier.jwks, {
      algorithms: ["ES256"],
      issuer: verifier.issuer,
      audience: verifier.audience,
      // The same rules as the auth service's own verifier (core/auth/access-token-verifier.ts).
      typ: "at+jwt",
      requiredClaims: ["sub", "jti", "iat", "exp"],
      currentDate: new Date(now),
    });
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r) => typeof r === "string")
      : [];
    return { userId: payload.sub as string, roles };
  } catch (error) {
    throw new AuthenticationFailure(describe(error), "invalid_token");
  }
}

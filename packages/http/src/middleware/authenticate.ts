import type { AccessTokenVerifier } from "@wwhd/core/auth/access-token-verifier.ts";
import { AuthenticationError } from "@wwhd/core/auth/auth-errors.ts";
import { AppError } from "@wwhd/core/domain/app-error.ts";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

/** RFC 6750: a request without credentials gets the bare challenge, no error code. */
const BARE_CHALLENGE = 'Bearer realm="wwhd"';
const BEARER = /^Bearer +(\S+) *$/i;

const missingToken = () =>
  new AppError(401, "missing_token", "Send an access token: Authorization: Bearer <token>");

/**
 * Verifies `Authorization: Bearer <access token>` and hands the token's `sub` and `roles` to the
 * routes. Failures are thrown, so every 401 leaves through the one error handler; see
 * `withAuthChallenge`. (Hono's `bearerAuth` answers through an `HTTPException` response of its
 * own, which the shared error handler would flatten and strip of its challenge header.)
 */
export function authenticate(verify: AccessTokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
    if (!token) throw missingToken();
    const claims = await verify(token);
    c.set("userId", claims.sub);
    c.set("roles", claims.roles);
    await next();
  };
}

/** Every 401 carries a `WWW-Authenticate` challenge (RFC 9110 §15.5.2), whichever route threw it. */
export function withAuthChallenge(error: Error, response: Response): Response {
  if (response.status !== 401) return response;
  const challenge = error instanceof AuthenticationError ? error.wwwAuthenticate : BARE_CHALLENGE;
  response.headers.set("WWW-Authenticate", challenge);
  return response;
}

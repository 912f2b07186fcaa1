import { AuthenticationError } from "@wwhd/core/auth/auth-errors.ts";

/** RFC 6750: a request without credentials gets the bare challenge, no error code. */
const BARE_CHALLENGE = 'Bearer realm="wwhd"';

/**
 * Every 401 a route throws (a bad refresh token, a wrong password) carries a `WWW-Authenticate`
 * challenge (RFC 9110 §15.5.2); the gate sets its own on the 401s it answers.
 */
export function withAuthChallenge(error: Error, response: Response): Response {
  if (response.status !== 401) return response;
  const challenge = error instanceof AuthenticationError ? error.wwwAuthenticate : BARE_CHALLENGE;
  response.headers.set("WWW-Authenticate", challenge);
  return response;
}

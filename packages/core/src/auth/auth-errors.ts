import { AppError } from "../domain/app-error.ts";

/** A 401 with the `WWW-Authenticate` value (RFC 6750) the HTTP layer should send with it. */
export class AuthenticationError extends AppError {
  readonly wwwAuthenticate: string;

  constructor(code: string, message: string, bearerError: "invalid_token" | "invalid_request") {
    super(401, code, message);
    this.name = "AuthenticationError";
    this.wwwAuthenticate = `Bearer realm="wwhd", error="${bearerError}"`;
  }
}

/** Wrong e-mail or wrong password: deliberately the same answer for both. */
export const invalidCredentials = () =>
  new AuthenticationError("invalid_credentials", "E-mail or password is wrong", "invalid_request");

/** Any access token that fails verification; the reason stays out of the response. */
export const invalidAccessToken = () =>
  new AuthenticationError(
    "invalid_token",
    "The access token is invalid or expired",
    "invalid_token",
  );

export const invalidRefreshToken = () =>
  new AuthenticationError(
    "invalid_refresh_token",
    "The refresh token is invalid, expired or revoked",
    "invalid_token",
  );

/** The token was used before: its whole family (that login) is now revoked. */
export const refreshTokenReused = () =>
  new AuthenticationError(
    "refresh_token_reused",
    "The refresh token was used already; sign in again",
    "invalid_token",
  );

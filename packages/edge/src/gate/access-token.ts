/** Who a verified access token speaks for. */
export interface AccessIdentity {
  userId: string;
  roles: string[];
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

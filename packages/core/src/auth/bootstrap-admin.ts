import type { SessionStore } from "../ports/session-store.ts";
import type { AuthService, PublicUser } from "./auth-service.ts";
import { verifyPassword } from "./password-hasher.ts";

/**
 * The first admin from configuration (`WWHD_ADMIN_EMAIL`/`WWHD_ADMIN_PASSWORD`): creates the
 * account, or promotes the account of that address, but only when it holds the configured
 * password; otherwise whoever registered the address first would become admin.
 */
export async function bootstrapAdmin(
  deps: { auth: Pick<AuthService, "bootstrapAdmin">; store: Pick<SessionStore, "findUserByEmail"> },
  credentials: { email: string; password: string },
): Promise<PublicUser> {
  const existing = await deps.store.findUserByEmail(credentials.email);
  if (existing && !(await verifyPassword(credentials.password, existing.passwordHash)))
    throw new Error(
      "The admin e-mail names an existing account with another password; it was not made admin",
    );
  return deps.auth.bootstrapAdmin(credentials);
}

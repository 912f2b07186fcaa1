import type { JSONWebKeySet } from "jose";
import { ulid } from "ulid";
import type { z } from "zod";
import { AppError } from "../domain/app-error.ts";
import type { Clock } from "../ports/clock.ts";
import type {
  RefreshFamily,
  RefreshTokenRecord,
  Role,
  SessionStore,
  User,
} from "../ports/session-store.ts";
import { createAccessTokenIssuer } from "./access-token-issuer.ts";
import {
  type AccessClaims,
  type AccessTokenVerifier,
  createAccessTokenVerifier,
} from "./access-token-verifier.ts";
import { invalidCredentials, invalidRefreshToken, refreshTokenReused } from "./auth-errors.ts";
import { LoginSchema, RegistrationSchema } from "./credentials.ts";
import type { KeyStore } from "./key-store.ts";
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from "./password-hasher.ts";
import { generateRefreshToken, parseRefreshToken } from "./refresh-token.ts";

export interface AuthServiceOptions {
  store: SessionStore;
  clock: Clock;
  keys: KeyStore;
  /** `iss` of the access tokens, e.g. the API's base URL. */
  issuer: string;
  /** `aud` of the access tokens. */
  audience: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  passwordParams?: ScryptParams;
}

export interface TokenPair {
  accessToken: string;
  tokenType: "Bearer";
  /** Seconds the access token is valid. */
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** What a client may see of a user. */
export interface PublicUser {
  id: string;
  email: string;
  roles: Role[];
  createdAt: string;
}

export interface SignedIn {
  user: PublicUser;
  tokens: TokenPair;
}

export interface AuthService {
  /** Throws 400 `invalid_request` (password rules) or 409 `email_taken`. */
  register(input: { email: string; password: string }): Promise<SignedIn>;
  /** Throws 401 `invalid_credentials`, the same for an unknown address and a wrong password. */
  login(input: { email: string; password: string }): Promise<SignedIn>;
  /** Rotates the refresh token; presenting a rotated one revokes its whole family. */
  refresh(refreshToken: string): Promise<TokenPair>;
  /** Revokes the login the refresh token belongs to; unknown tokens are ignored. */
  logout(refreshToken: string): Promise<void>;
  /** Throws 401 `invalid_token`. */
  verifyAccessToken(accessToken: string): Promise<AccessClaims>;
  currentUser(userId: string): Promise<PublicUser | null>;
  /** Creates the account with the admin role, or grants the role to the existing account. */
  bootstrapAdmin(input: { email: string; password: string }): Promise<PublicUser>;
  jwks(): Promise<JSONWebKeySet>;
}

const FIFTEEN_MINUTES = 15 * 60;
const THIRTY_DAYS = 30 * 24 * 60 * 60;

export const toPublicUser = ({ id, email, roles, createdAt }: User): PublicUser => ({
  id,
  email,
  roles,
  createdAt,
});

function validated<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
    code: issue.code,
  }));
  throw new AppError(400, "invalid_request", details.map((d) => d.message).join("; "), details);
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { store, clock, keys } = options;
  const passwordParams = options.passwordParams ?? DEFAULT_SCRYPT_PARAMS;
  const refreshTtlMs = (options.refreshTokenTtlSeconds ?? THIRTY_DAYS) * 1000;
  const issueAccessToken = createAccessTokenIssuer({
    keys,
    clock,
    issuer: options.issuer,
    audience: options.audience,
    ttlSeconds: options.accessTokenTtlSeconds ?? FIFTEEN_MINUTES,
  });
  // Both made on first use, to keep them out of a cold start that does not need them.
  let verifier: Promise<AccessTokenVerifier> | undefined;
  const verify = (token: string) => {
    verifier ??= keys.publicJwks().then((jwks) =>
      createAccessTokenVerifier({
        jwks,
        issuer: options.issuer,
        audience: options.audience,
        clock,
      }),
    );
    return verifier.then((verifyToken) => verifyToken(token));
  };
  /** Compared against when the address is unknown, so timing does not reveal accounts. */
  let decoy: Promise<string> | undefined;
  const decoyHash = () => (decoy ??= hashPassword("decoy password", passwordParams));
  const iso = (ms: number) => new Date(ms).toISOString();

  async function tokensFor(user: User, refresh: { token: string; expiresAt: string }) {
    const access = await issueAccessToken({ userId: user.id, roles: user.roles });
    return {
      accessToken: access.token,
      tokenType: "Bearer" as const,
      expiresIn: access.expiresIn,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }

  function newRefreshToken(userId: string, familyId: string) {
    const { token, tokenHash } = generateRefreshToken(userId, familyId);
    const record: RefreshTokenRecord = {
      userId,
      familyId,
      tokenHash,
      createdAt: iso(clock.now()),
      expiresAt: iso(clock.now() + refreshTtlMs),
    };
    return { token, record };
  }

  async function signIn(user: User): Promise<SignedIn> {
    const first = newRefreshToken(user.id, ulid(clock.now()));
    const { createdAt, expiresAt, familyId } = first.record;
    await store.createRefreshFamily(
      { userId: user.id, familyId, createdAt, lastUsedAt: createdAt, expiresAt },
      first.record,
    );
    return {
      user: toPublicUser(user),
      tokens: await tokensFor(user, { token: first.token, expiresAt }),
    };
  }

  async function checkPassword(password: string, user: User | null): Promise<User> {
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches) throw invalidCredentials();
    if (!needsRehash(user.passwordHash, passwordParams)) return user;
    // The cost was raised since this hash was made: upgrade it now that we know the password.
    const passwordHash = await hashPassword(password, passwordParams);
    return (await store.updateUser(user.id, { passwordHash })) ?? user;
  }

  /** The stored record of a presented refresh token, or null for anything unknown. */
  async function findPresented(refreshToken: string) {
    const parsed = parseRefreshToken(refreshToken);
    return parsed && store.findRefreshToken(parsed.userId, parsed.familyId, parsed.tokenHash);
  }

  /** A refresh token was presented twice: whoever holds that login loses it. */
  async function revokeAfterReuse(family: RefreshFamily, at: string): Promise<never> {
    await store.revokeRefreshFamily(family.userId, family.familyId, at);
    throw refreshTokenReused();
  }

  async function createAccount(input: unknown, roles: Role[]): Promise<User> {
    const { email, password } = validated(RegistrationSchema, input);
    const passwordHash = await hashPassword(password, passwordParams);
    return store.createUser({ email, roles, passwordHash });
  }

  return {
    async register(input) {
      return signIn(await createAccount(input, ["user"]));
    },

    async login(input) {
      const { email, password } = validated(LoginSchema, input);
      return signIn(await checkPassword(password, await store.findUserByEmail(email)));
    },

    async refresh(refreshToken) {
      const found = await findPresented(refreshToken);
      if (!found || found.family.revokedAt) throw invalidRefreshToken();
      const { family, token } = found;
      const now = iso(clock.now());
      if (token.rotatedAt) return revokeAfterReuse(family, now);
      const user =
        Date.parse(token.expiresAt) > clock.now() ? await store.getUser(token.userId) : null;
      if (!user) throw invalidRefreshToken();
      const next = newRefreshToken(user.id, family.familyId);
      // False when another request exchanged this token first: that too is reuse.
      const rotated = await store.rotateRefreshToken(token, next.record, now);
      if (!rotated) return revokeAfterReuse(family, now);
      return tokensFor(user, { token: next.token, expiresAt: next.record.expiresAt });
    },

    async logout(refreshToken) {
      const found = await findPresented(refreshToken);
      if (found)
        await store.revokeRefreshFamily(
          found.family.userId,
          found.family.familyId,
          iso(clock.now()),
        );
    },

    verifyAccessToken: verify,

    async currentUser(userId) {
      const user = await store.getUser(userId);
      return user && toPublicUser(user);
    },

    async bootstrapAdmin(input) {
      const { email } = validated(LoginSchema, input);
      const existing = await store.findUserByEmail(email);
      if (!existing) return toPublicUser(await createAccount(input, ["user", "admin"]));
      if (existing.roles.includes("admin")) return toPublicUser(existing);
      const roles: Role[] = [...existing.roles, "admin"];
      return toPublicUser(
        (await store.updateUser(existing.id, { roles })) ?? { ...existing, roles },
      );
    },

    jwks: () => keys.publicJwks(),
  };
}

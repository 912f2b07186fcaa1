import { AppError } from "../domain/app-error.ts";
import type { Passage } from "../domain/passage.ts";
import type { RouteDecision } from "../domain/route-decision.ts";
import type { SafetyDecision } from "../domain/safety-decision.ts";
import type { TokenUsage } from "../domain/token-usage.ts";
import type { HealthReporter } from "./adapter-health.ts";

export interface Session {
  id: string;
  userId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export type TurnStatus = "complete" | "aborted" | "error" | "crisis" | "refused";

export interface StoredMessage {
  id: string;
  sessionId: string;
  role: "user" | "assistant";
  text: string;
  createdAt: string;
  turnId: string;
  /** Assistant messages only. */
  status?: TurnStatus;
  citations?: Pick<Passage, "chunkId" | "documentId" | "title" | "section">[];
  route?: RouteDecision;
  safety?: SafetyDecision[];
  model?: string;
  usage?: TokenUsage;
  executionArn?: string;
}

/**
 * A whole chat turn, written atomically; `turnId` doubles as the idempotency key. It must be a
 * ULID (time-sortable): messages are ordered by it.
 */
export interface TurnRecord {
  userId: string;
  sessionId: string;
  turnId: string;
  user: StoredMessage;
  assistant: StoredMessage;
}

export type Role = "user" | "admin";

export interface User {
  id: string;
  /** As the user typed it; uniqueness is case-insensitive. */
  email: string;
  roles: Role[];
  /** Self-describing (`scrypt$N$r$p$salt$hash`), so the cost can be raised later. */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export type NewUser = Pick<User, "email" | "roles" | "passwordHash">;
export type UserPatch = Partial<Pick<User, "roles" | "passwordHash">>;

/** One login: every refresh token obtained by rotating the first one belongs to its family. */
export interface RefreshFamily {
  userId: string;
  familyId: string;
  createdAt: string;
  lastUsedAt: string;
  /** When the family's newest token expires. */
  expiresAt: string;
  revokedAt?: string;
}

/** A refresh token; only the SHA-256 of its secret part is stored. */
export interface RefreshTokenRecord {
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  /** Set once the token was exchanged; presenting it again is reuse. */
  rotatedAt?: string;
}

export interface DailyUsage {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  turns: number;
  promptTokens: number;
  completionTokens: number;
}

export interface PageRequest {
  limit: number;
  /** `nextCursor` of the previous page, as received. */
  cursor?: string;
}

/** A page may hold fewer than `limit` items; the list is over when `nextCursor` is absent. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface MessagePageRequest extends PageRequest {
  /** Oldest first unless set. */
  newestFirst?: boolean;
}

/** Everything the session store holds about one user (secrets and hashes left out). */
export interface SessionStoreExport {
  user: Omit<User, "passwordHash"> | null;
  sessions: (Session & { messages: StoredMessage[] })[];
  usage: DailyUsage[];
  refreshFamilies: RefreshFamily[];
}

/**
 * A store holding personal data. `GET /v1/me/export` and `DELETE /v1/me` go through every
 * holder (see `createPersonalDataService`), so vector memory or quotas can join later.
 */
export interface PersonalDataHolder {
  /** The section of the export this holder fills. */
  readonly dataName: string;
  exportUserData(userId: string): Promise<unknown>;
  /** Removes every item of the user; idempotent, so a failed erasure can simply be retried. */
  eraseUserData(userId: string): Promise<void>;
}

/**
 * Users, sessions, messages, usage and refresh tokens. The production adapter is DynamoDB
 * (single table); the embedded default is the same adapter against DynamoDB Local. Every
 * per-user method takes the authenticated user's id: another user's session reads as missing.
 */
export interface SessionStore extends HealthReporter, PersonalDataHolder {
  getSession(userId: string, sessionId: string): Promise<Session | null>;
  createSession(userId: string, title: string): Promise<Session>;
  /** The session's most recent messages, oldest first. */
  recentMessages(userId: string, sessionId: string, limit: number): Promise<StoredMessage[]>;
  /** Writes both messages and the usage atomically; a repeated `turnId` writes nothing. */
  saveTurn(turn: TurnRecord): Promise<void>;

  /** Most recently active first. */
  listSessions(userId: string, page: PageRequest): Promise<Page<Session>>;
  /** Null when the session does not exist (or is not the user's). */
  renameSession(userId: string, sessionId: string, title: string): Promise<Session | null>;
  /** Deletes the session with its messages; false when there was nothing to delete. */
  deleteSession(userId: string, sessionId: string): Promise<boolean>;
  /** Null when the session does not exist (or is not the user's). */
  listMessages(
    userId: string,
    sessionId: string,
    page: MessagePageRequest,
  ): Promise<Page<StoredMessage> | null>;

  /** Throws `EmailTakenError` when the e-mail (case-insensitive) is registered already. */
  createUser(user: NewUser): Promise<User>;
  getUser(userId: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  updateUser(userId: string, patch: UserPatch): Promise<User | null>;
  /** Newest first. */
  listUsers(page: PageRequest): Promise<Page<User>>;

  /** Throws `UserNotFoundError` when the user does not exist (any more). */
  createRefreshFamily(family: RefreshFamily, first: RefreshTokenRecord): Promise<void>;
  findRefreshToken(
    userId: string,
    familyId: string,
    tokenHash: string,
  ): Promise<{ family: RefreshFamily; token: RefreshTokenRecord } | null>;
  /**
   * Marks `current` rotated and stores `next`, atomically. False, writing nothing, when
   * `current` was rotated already or its family is revoked (a concurrent use lost the race).
   */
  rotateRefreshToken(
    current: RefreshTokenRecord,
    next: RefreshTokenRecord,
    at: string,
  ): Promise<boolean>;
  revokeRefreshFamily(userId: string, familyId: string, at: string): Promise<void>;

  exportUserData(userId: string): Promise<SessionStoreExport>;
}

export class EmailTakenError extends AppError {
  constructor() {
    super(409, "email_taken", "An account with this e-mail address exists already");
    this.name = "EmailTakenError";
  }
}

export class UserNotFoundError extends AppError {
  constructor() {
    super(404, "user_not_found", "No such user");
    this.name = "UserNotFoundError";
  }
}

/** Also what another user's session looks like. */
export class SessionNotFoundError extends AppError {
  constructor() {
    super(404, "session_not_found", "No such session");
    this.name = "SessionNotFoundError";
  }
}

/** A cursor that was not issued by this store for this very list. */
export class InvalidCursorError extends AppError {
  constructor() {
    super(400, "invalid_cursor", "The cursor is not valid for this list");
    this.name = "InvalidCursorError";
  }
}

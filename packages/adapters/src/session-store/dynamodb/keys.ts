/**
 * Key layout of the single table (see ACCESS-PATTERNS.md). Everything a user owns lives in the
 * partition `USER#<userId>`, so export and erasure are one Query; only the e-mail claim has its
 * own partition, because registration must look it up before the user id exists.
 */
export interface ItemKey {
  PK: string;
  SK: string;
  [attribute: string]: string;
}

export const TTL_ATTRIBUTE = "purgeAt";
export const INDEX_NAME = "GSI1";
const USERS_INDEX_PK = "USERS";

export const userPartition = (userId: string) => `USER#${userId}`;

export const profileKey = (userId: string): ItemKey => ({
  PK: userPartition(userId),
  SK: "PROFILE",
});

/** Uniqueness is case-insensitive: the claim is keyed by the lower-cased address. */
export const emailKey = (email: string): ItemKey => ({
  PK: `EMAIL#${email.trim().toLowerCase()}`,
  SK: "EMAIL",
});

export const usersIndexKey = (createdAt: string, userId: string) => ({
  GSI1PK: USERS_INDEX_PK,
  GSI1SK: `USER#${createdAt}#${userId}`,
});
export const usersIndexPartition = () => USERS_INDEX_PK;

/** Every item of a session (its META and its messages) starts with this. */
export const sessionPrefix = (sessionId: string) => `SESSION#${sessionId}#`;

export const sessionKey = (userId: string, sessionId: string): ItemKey => ({
  PK: userPartition(userId),
  SK: `${sessionPrefix(sessionId)}META`,
});

/** Sessions by last activity: the index sort key changes with every turn. */
export const sessionsIndexKey = (userId: string, updatedAt: string, sessionId: string) => ({
  GSI1PK: userPartition(userId),
  GSI1SK: `SESSION#${updatedAt}#${sessionId}`,
});

export const messagePrefix = (sessionId: string) => `${sessionPrefix(sessionId)}MSG#`;

/** Derived from the turn id, so writing a turn twice hits the same keys (idempotency). */
export const messageKey = (
  userId: string,
  sessionId: string,
  turnId: string,
  role: "user" | "assistant",
): ItemKey => ({
  PK: userPartition(userId),
  SK: `${messagePrefix(sessionId)}${turnId}#${role === "user" ? 0 : 1}`,
});

export const usageKey = (userId: string, day: string): ItemKey => ({
  PK: userPartition(userId),
  SK: `USAGE#${day}`,
});

export const refreshFamilyKey = (userId: string, familyId: string): ItemKey => ({
  PK: userPartition(userId),
  SK: `REFRESH#${familyId}`,
});

export const refreshTokenKey = (userId: string, familyId: string, tokenHash: string): ItemKey => ({
  PK: userPartition(userId),
  SK: `REFRESH#${familyId}#TOKEN#${tokenHash}`,
});

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Ids come from URLs; anything that is not one of ours cannot name an item. */
export const isStoreId = (id: string) => ULID.test(id);

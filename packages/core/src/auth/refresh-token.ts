import { createHash, randomBytes } from "node:crypto";

/**
 * A refresh token is `<userId>.<familyId>.<secret>`: the ids locate the stored record with
 * strongly consistent reads (no index), the 256-bit secret is what proves possession. Only the
 * secret's SHA-256 is stored; with that much entropy a slow hash would add nothing.
 */
export interface ParsedRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
}

const SECRET_BYTES = 32;
const FORMAT = /^([0-9A-HJKMNP-TV-Z]{26})\.([0-9A-HJKMNP-TV-Z]{26})\.([\w-]{43})$/;

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("base64url");

export function generateRefreshToken(userId: string, familyId: string) {
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { token: `${userId}.${familyId}.${secret}`, tokenHash: hashSecret(secret) };
}

/** Null for anything that is not a well-formed refresh token. */
export function parseRefreshToken(token: string): ParsedRefreshToken | null {
  const match = FORMAT.exec(token);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { userId: match[1], familyId: match[2], tokenHash: hashSecret(match[3]) };
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { InvalidCursorError } from "@wwhd/core/ports/session-store.ts";

export type PageKey = Record<string, string>;

/**
 * Opaque page cursors: the DynamoDB `LastEvaluatedKey`, base64url-encoded and signed with an
 * HMAC over the list it belongs to (its "scope", e.g. one user's sessions). A cursor that was
 * altered, or taken from another list or another user, is rejected before it reaches DynamoDB.
 */
export interface CursorCodec {
  encode(scope: string, key: PageKey): string;
  /** Throws `InvalidCursorError`. */
  decode(scope: string, cursor: string): PageKey;
}

const isPageKey = (value: unknown): value is PageKey =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === "string");

function parse(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

export function createCursorCodec(secret: string | Uint8Array): CursorCodec {
  const sign = (scope: string, payload: string) =>
    createHmac("sha256", secret).update(scope).update("\n").update(payload).digest("base64url");

  return {
    encode(scope, key) {
      const payload = Buffer.from(JSON.stringify(key)).toString("base64url");
      return `${payload}.${sign(scope, payload)}`;
    },
    decode(scope, cursor) {
      const [payload = "", signature = "", ...rest] = cursor.split(".");
      const expected = Buffer.from(sign(scope, payload));
      // Compared as text: base64url decoding ignores the last character's spare bits, so an
      // altered cursor could decode to the right bytes.
      const given = Buffer.from(signature);
      const authentic =
        rest.length === 0 && given.length === expected.length && timingSafeEqual(given, expected);
      const key = authentic ? parse(payload) : undefined;
      if (!isPageKey(key)) throw new InvalidCursorError();
      return key;
    },
  };
}

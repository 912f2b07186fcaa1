// zod/mini and named imports keep the edge Worker bundle small (the classic namespace drags in
// every locale); its schemas are zod core schemas, so a classic `z.object` can spread this shape.
import {
  _default,
  coerce,
  int,
  minLength,
  enum as oneOf,
  optional,
  positive,
  string,
  url,
} from "zod/mini";

const count = (fallback: number) => _default(coerce.number().check(int(), positive()), fallback);

/**
 * The gate's environment variables. The limit names are fixed by the operators' contract; the
 * origin's config module can spread this shape into its own schema.
 */
export const gateEnvShape = {
  RATE_LIMIT_CHAT_PER_MIN: count(20),
  RATE_LIMIT_API_PER_MIN: count(120),
  RATE_LIMIT_AUTH_PER_MIN: count(10),
  /** Failed logins per account per 15 minutes before the account is locked for the rest. */
  LOGIN_FAILURES_PER_15_MIN: count(5),
  DAILY_TOKEN_QUOTA: count(50_000),
  /**
   * Tokens a chat turn sets aside when admitted, settled to the real count after the turn; the
   * most concurrent turns can overshoot the daily quota by.
   */
  QUOTA_TURN_RESERVE_TOKENS: count(4_000),
  UPSTASH_REDIS_REST_URL: optional(url()),
  UPSTASH_REDIS_REST_TOKEN: optional(string().check(minLength(1))),
  /** Starts every Redis key, so several stages (or test runs) can share one database. */
  REDIS_KEY_PREFIX: _default(string().check(minLength(1)), "wwhd"),
  /**
   * When Redis is slow or down: `open` admits with a per-instance in-memory limiter as the floor
   * (and no quota check); `closed` answers 503 `limiter_unavailable`. Never a 500.
   */
  GATE_FAIL_POLICY: _default(oneOf(["open", "closed"]), "open"),
  /** How long the gate waits for Redis before applying the failure policy. */
  GATE_REDIS_TIMEOUT_MS: count(1_000),
  /** Comma-separated origins allowed by CORS; empty allows no cross-origin caller. */
  CORS_ALLOWED_ORIGINS: _default(string(), ""),
  /** The outer limit for any body; JSON routes have a tighter one, document uploads take 5 MB. */
  BODY_LIMIT_BYTES: count(6 * 1_048_576),
  /** HMAC key shared by the edge proxy and the origin for the "already counted" assertion. */
  EDGE_ASSERTION_SECRET: optional(string().check(minLength(32))),
};

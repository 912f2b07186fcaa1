/**
 * Rate limits high enough that a test suite's own traffic (all from one "client IP") never trips
 * them; the limits themselves are tested in packages/edge.
 */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_CHAT_PER_MIN: "100000",
  RATE_LIMIT_API_PER_MIN: "100000",
  RATE_LIMIT_AUTH_PER_MIN: "100000",
  LOGIN_FAILURES_PER_15_MIN: "100000",
};

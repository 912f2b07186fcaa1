import type { HealthReporter } from "./adapter-health.ts";

export interface RateLimitRule {
  /** Requests admitted per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window has room again. */
  reset: number;
}

/** Sliding-window rate limiting keyed by an identifier (user id, IP, account). */
export interface RateLimiter extends HealthReporter {
  limit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
}

/** Daily token quota per user. */
export interface Quota extends HealthReporter {
  /** Tokens used by the user on the given UTC day (YYYY-MM-DD). */
  used(userId: string, day: string): Promise<number>;
  add(userId: string, day: string, tokens: number): Promise<number>;
}

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
  /** Epoch milliseconds when the current window ends. */
  reset: number;
}

/**
 * Sliding-window rate limiting keyed by an identifier (user id, IP, account). The window is the
 * current fixed slice plus the previous one weighted by how much of it still overlaps, as
 * `@upstash/ratelimit`'s sliding window computes it.
 */
export interface RateLimiter extends HealthReporter {
  /** Counts one request against the key and says whether it is admitted. */
  limit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  /** Forgets the key's count (e.g. a successful login clears the failed attempts). */
  reset(key: string, rule: RateLimitRule): Promise<void>;
}

export interface QuotaAdmission {
  admitted: boolean;
  /** The day's usage after the reservation (before it, when not admitted). */
  used: number;
  /** The user's effective daily limit: the admin's override or the default. */
  limit: number;
  /** Tokens set aside for the turn; 0 when not admitted. */
  reserved: number;
}

/**
 * Daily token quota per user, keyed by UTC day (YYYY-MM-DD). A turn is admitted while the day's
 * usage is below the limit and reserves an estimate atomically; after the turn the caller settles
 * with `add(actual - reserved)`. Concurrent turns therefore overshoot the limit by at most one
 * reservation (one turn's tokens), never by one turn per concurrent request.
 */
export interface Quota extends HealthReporter {
  /** Tokens used (and reserved) by the user on the given day. */
  used(userId: string, day: string): Promise<number>;
  reserve(userId: string, day: string, tokens: number): Promise<QuotaAdmission>;
  /** Adds tokens (negative gives back a reservation) and returns the day's new total. */
  add(userId: string, day: string, tokens: number): Promise<number>;
  /** The user's effective daily limit. */
  dailyLimit(userId: string): Promise<number>;
  /** Sets an admin override of the user's daily limit; `null` returns to the default. */
  setDailyLimit(userId: string, limit: number | null): Promise<void>;
  /** Erases the user's counters on the given days and any override (account deletion). */
  forget(userId: string, days: string[]): Promise<void>;
}

/** The UTC day a quota counts against. */
export const quotaDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

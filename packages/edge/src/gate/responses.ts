import type { RateLimitResult } from "@wwhd/core/ports/rate-limiter.ts";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Seconds from `now` until `epochMs`, at least 1 (a client must not retry at once). */
const secondsUntil = (epochMs: number, now: number) =>
  Math.max(1, Math.ceil((epochMs - now) / 1000));

/** `RateLimit-*` headers (IETF draft) describing the policy that counted this request. */
export function rateLimitHeaders(rate: RateLimitResult, now: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(secondsUntil(rate.reset, now)),
  };
}

export const errorJson = (
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response => c.json({ code, message }, status, headers);

export function rateLimited(c: Context, rate: RateLimitResult, now: number): Response {
  return errorJson(c, 429, "rate_limited", "Too many requests; retry after the indicated delay", {
    "Retry-After": String(secondsUntil(rate.reset, now)),
    ...rateLimitHeaders(rate, now),
  });
}

/** Quota 429s describe the daily quota: its limit in tokens, nothing left, reset at UTC midnight. */
export function quotaExhausted(c: Context, limit: number, now: number): Response {
  const midnight = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
  return errorJson(c, 429, "quota_exhausted", "The daily token quota is used up", {
    "Retry-After": String(secondsUntil(midnight, now)),
    ...rateLimitHeaders({ success: false, limit, remaining: 0, reset: midnight }, now),
  });
}

export const limiterUnavailable = (c: Context): Response =>
  errorJson(c, 503, "limiter_unavailable", "Rate limiting is unavailable; retry shortly", {
    "Retry-After": "5",
  });

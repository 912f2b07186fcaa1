import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import type { RateLimiter, RateLimitRule } from "@wwhd/core/ports/rate-limiter.ts";
import { pingHealth } from "./upstash-health.ts";

export interface UpstashRateLimiterOptions {
  redis: Redis;
  /** Key prefix; default `wwhd:rl`. */
  prefix?: string;
  /**
   * Remember rejected keys in this instance until their window ends and reject them without a
   * Redis call (default true: a flood from one key then costs Redis nothing). Stricter than Redis
   * near the end of a window; exactness tests turn it off.
   */
  ephemeralCache?: boolean;
}

/**
 * `@upstash/ratelimit` sliding windows, one `Ratelimit` per window length (keys of different
 * window lengths must not share bucket numbers). The library's own timeout is off (`timeout: 0`):
 * it would silently admit on a slow Redis, and the gate applies its own failure policy instead.
 */
export function createUpstashRateLimiter(options: UpstashRateLimiterOptions): RateLimiter {
  const prefix = options.prefix ?? "wwhd:rl";
  const limiters = new Map<string, Ratelimit>();

  function limiterFor(rule: RateLimitRule): Ratelimit {
    const id = `${rule.limit}/${rule.windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: options.redis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowMs} ms`),
        prefix: `${prefix}:${rule.windowMs}`,
        ephemeralCache: options.ephemeralCache === false ? false : new Map(),
        timeout: 0,
        analytics: false,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    async limit(key, rule) {
      const { success, limit, remaining, reset } = await limiterFor(rule).limit(key);
      return { success, limit, remaining, reset };
    },
    reset: (key, rule) => limiterFor(rule).resetUsedTokens(key),
    health: () => pingHealth(options.redis),
  };
}

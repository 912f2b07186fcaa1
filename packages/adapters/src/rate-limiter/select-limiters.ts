import type { Redis } from "@upstash/redis";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { Quota, RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { createMemoryQuota } from "./memory-quota.ts";
import { createMemoryRateLimiter } from "./memory-rate-limiter.ts";
import { createUpstashQuota } from "./upstash-quota.ts";
import { createUpstashRateLimiter } from "./upstash-rate-limiter.ts";

/** How the gate's Redis client behaves: one quick retry, then the failure policy decides. */
export const GATE_REDIS_OPTIONS = {
  retry: { retries: 1, backoff: () => 25 },
  enableTelemetry: false,
};

/**
 * The gate's limiter, quota and in-memory floor. With a Redis client (Upstash) every instance
 * counts together, limit and quota in one round trip; without one each instance counts alone,
 * which is right for one local server and wrong for a fleet.
 */
export function selectLimiters(options: {
  redis: Redis | undefined;
  dailyTokenQuota: number;
  /** Starts every key (`<prefix>:rl:…`, `<prefix>:quota:…`). */
  keyPrefix: string;
  clock: Clock;
}): { limiter: RateLimiter; quota: Quota; floor: RateLimiter } {
  const floor = createMemoryRateLimiter(options.clock);
  if (!options.redis) {
    return {
      floor,
      limiter: floor,
      quota: createMemoryQuota({ defaultDailyLimit: options.dailyTokenQuota }),
    };
  }
  return {
    floor,
    limiter: createUpstashRateLimiter({ redis: options.redis, prefix: `${options.keyPrefix}:rl` }),
    quota: createUpstashQuota({
      redis: options.redis,
      defaultDailyLimit: options.dailyTokenQuota,
      prefix: `${options.keyPrefix}:quota`,
    }),
  };
}

import type { AdapterHealth } from "@wwhd/core/ports/adapter-health.ts";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { RateLimiter, RateLimitResult, RateLimitRule } from "@wwhd/core/ports/rate-limiter.ts";

interface WindowCounts {
  bucket: number;
  current: number;
  previous: number;
}

/** Above this many tracked keys, keys idle for two windows are dropped. */
const SWEEP_THRESHOLD = 10_000;

/**
 * In-process sliding window with exactly the arithmetic of @upstash/ratelimit's script: the
 * previous slice counts `floor((1 - elapsed/window) * previous)`. The local default and, per
 * instance, the floor the gate falls back to when Redis is unreachable.
 */
export function createMemoryRateLimiter(clock: Clock): RateLimiter {
  const counts = new Map<string, WindowCounts>();

  function countsAt(id: string, bucket: number): WindowCounts {
    const known = counts.get(id);
    if (known?.bucket === bucket) return known;
    const previous = known?.bucket === bucket - 1 ? known.current : 0;
    const fresh = { bucket, current: 0, previous };
    counts.set(id, fresh);
    return fresh;
  }

  function sweep(bucketOf: (windowMs: number) => number): void {
    if (counts.size < SWEEP_THRESHOLD) return;
    for (const [id, entry] of counts) {
      const windowMs = Number(id.slice(0, id.indexOf(":")));
      if (entry.bucket < bucketOf(windowMs) - 1) counts.delete(id);
    }
  }

  return {
    async limit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
      const now = clock.now();
      const bucket = Math.floor(now / rule.windowMs);
      sweep((windowMs) => Math.floor(now / windowMs));
      const window = countsAt(`${rule.windowMs}:${key}`, bucket);
      const weightedPrevious = Math.floor(
        (1 - (now % rule.windowMs) / rule.windowMs) * window.previous,
      );
      const reset = (bucket + 1) * rule.windowMs;
      if (weightedPrevious + window.current >= rule.limit) {
        return { success: false, limit: rule.limit, remaining: 0, reset };
      }
      window.current += 1;
      const remaining = rule.limit - (window.current + weightedPrevious);
      return { success: true, limit: rule.limit, remaining, reset };
    },
    async reset(key: string, rule: RateLimitRule): Promise<void> {
      counts.delete(`${rule.windowMs}:${key}`);
    },
    async health(): Promise<AdapterHealth> {
      return { kind: "memory", status: "ok" };
    },
  };
}

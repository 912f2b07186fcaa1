import type { Redis } from "@upstash/redis";
import type { RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type BridgeHarness, useBridge } from "../../../../tools/upstash-bridge/test/use-bridge.ts";
import { createUpstashRateLimiter } from "../../src/rate-limiter/upstash-rate-limiter.ts";

const CLIENTS = 8;
const REQUESTS = 400;
const rule = { limit: 50, windowMs: 3_600_000 };

let harness: BridgeHarness;
beforeAll(async () => {
  harness = await useBridge("exactness");
});
afterAll(() => harness.close());
// No batch may straddle a window boundary: pin Date (only Date; timers and sockets run for real).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2031, 0, 1, 12, 30));
});
afterEach(() => {
  vi.useRealTimers();
});

/** 400 requests spread round-robin over 8 limiters, each with its own Redis client. */
async function hammer(limiters: Pick<RateLimiter, "limit">[], key: string) {
  return Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      (limiters[i % CLIENTS] as RateLimiter).limit(key, rule),
    ),
  );
}

/**
 * The textbook race: read the count, decide, write it back. Concurrent requests read the same
 * count and all get in.
 */
function nonAtomicLimiter(redis: Redis, prefix: string): Pick<RateLimiter, "limit"> {
  return {
    async limit(key, { limit }) {
      const count = Number((await redis.get<number>(`${prefix}${key}`)) ?? 0);
      if (count >= limit) return { success: false, limit, remaining: 0, reset: 0 };
      await redis.set(`${prefix}${key}`, count + 1);
      return { success: true, limit, remaining: limit - count - 1, reset: 0 };
    },
  };
}

describe("the Upstash rate limiter under concurrency, through the bridge to a real Redis", () => {
  it("admits exactly the limit, each admission with its own `remaining`", async () => {
    const prefix = `${harness.keyspace.prefix}rl`;
    const limiters = Array.from({ length: CLIENTS }, () =>
      createUpstashRateLimiter({ redis: harness.client(), prefix, ephemeralCache: false }),
    );
    const results = await hammer(limiters, "user-1");
    const admitted = results.filter((r) => r.success);
    expect(admitted).toHaveLength(rule.limit);
    expect(new Set(admitted.map((r) => r.remaining)).size).toBe(rule.limit);
    expect(Math.min(...admitted.map((r) => r.remaining))).toBe(0);

    const bucket = Math.floor(Date.now() / rule.windowMs);
    const counter = await harness.keyspace.redis.get(`${prefix}:${rule.windowMs}:user-1:${bucket}`);
    expect(counter).toBe("50");
    // The round trips really were concurrent: several requests carried more than one command.
    const batched = harness.requests.filter((r) => (r.body as unknown[]).length > 1);
    expect(batched.length).toBeGreaterThan(0);
  });

  it("negative control: a GET-then-SET limiter in the same harness admits more than the limit", async () => {
    const prefix = `${harness.keyspace.prefix}naive:`;
    const limiters = Array.from({ length: CLIENTS }, () =>
      nonAtomicLimiter(harness.client(), prefix),
    );
    const admitted = (await hammer(limiters, "user-1")).filter((r) => r.success);
    expect(admitted.length).toBeGreaterThan(rule.limit);
  });
});

import type { RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type BridgeHarness, useBridge } from "../../../../tools/upstash-bridge/test/use-bridge.ts";
import { createMemoryRateLimiter } from "../../src/rate-limiter/memory-rate-limiter.ts";
import { createUpstashRateLimiter } from "../../src/rate-limiter/upstash-rate-limiter.ts";

const rule = { limit: 10, windowMs: 60_000 };
/** A window boundary far from "now", so nothing else shares these buckets. */
const windowStart = Math.floor(Date.UTC(2031, 0, 1) / rule.windowMs) * rule.windowMs;

let harness: BridgeHarness;
beforeAll(async () => {
  harness = await useBridge("sliding");
});
afterAll(() => harness.close());
afterEach(() => {
  vi.useRealTimers();
});

const at = (ms: number) => vi.setSystemTime(windowStart + ms);

async function admittedOf(limiter: RateLimiter, key: string, attempts: number) {
  let admitted = 0;
  for (let i = 0; i < attempts; i++) if ((await limiter.limit(key, rule)).success) admitted++;
  return admitted;
}

// Both adapters must agree to the request: the in-memory one is the local default and the floor.
const adapters: [string, () => RateLimiter][] = [
  ["memory", () => createMemoryRateLimiter({ now: () => Date.now() })],
  [
    "upstash",
    () =>
      createUpstashRateLimiter({
        redis: harness.client(),
        prefix: `${harness.keyspace.prefix}sw`,
        ephemeralCache: false,
      }),
  ],
];

describe.each(adapters)("the %s sliding window with a pinned clock", (_name, create) => {
  it("weights the previous window by its remaining overlap and resets", async () => {
    // Only Date is faked: the HTTP client's timers must keep running.
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = create();
    const key = `user-${Math.random()}`;

    at(1_000);
    expect(await admittedOf(limiter, key, 12)).toBe(10);

    // A quarter into the next window, floor(0.75 * 10) = 7 of the previous ones still count.
    at(rule.windowMs + rule.windowMs / 4);
    const first = await limiter.limit(key, rule);
    expect(first).toEqual({
      success: true,
      limit: 10,
      remaining: 2,
      reset: windowStart + 2 * rule.windowMs,
    });
    expect(await admittedOf(limiter, key, 5)).toBe(2);
    const rejected = await limiter.limit(key, rule);
    expect(rejected).toMatchObject({ success: false, remaining: 0 });

    // Three quarters in, floor(0.25 * 10) = 2 count, and this window already has 3: 5 more.
    at(rule.windowMs + (3 * rule.windowMs) / 4);
    expect(await admittedOf(limiter, key, 8)).toBe(5);

    // Two windows later nothing of the past counts.
    at(3 * rule.windowMs);
    expect(await admittedOf(limiter, key, 12)).toBe(10);
  });

  it("reset() forgets a key's count", async () => {
    const limiter = create();
    const key = `account-${Math.random()}`;
    expect(await admittedOf(limiter, key, 11)).toBe(10);
    await limiter.reset(key, rule);
    expect((await limiter.limit(key, rule)).remaining).toBe(9);
  });
});

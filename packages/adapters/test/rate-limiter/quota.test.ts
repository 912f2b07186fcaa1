import { createHash } from "node:crypto";
import type { Quota } from "@wwhd/core/ports/rate-limiter.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BridgeHarness, useBridge } from "../../../../tools/upstash-bridge/test/use-bridge.ts";
import { createMemoryQuota } from "../../src/rate-limiter/memory-quota.ts";
import { addScript, reserveScript } from "../../src/rate-limiter/quota-scripts.ts";
import { createUpstashQuota } from "../../src/rate-limiter/upstash-quota.ts";

const day = "2031-01-01";
let harness: BridgeHarness;
beforeAll(async () => {
  harness = await useBridge("quota");
});
afterAll(() => harness.close());

const upstashQuota = (defaultDailyLimit: number) =>
  createUpstashQuota({
    redis: harness.client(),
    defaultDailyLimit,
    prefix: `${harness.keyspace.prefix}quota`,
  });

const adapters: [string, (defaultDailyLimit: number) => Quota][] = [
  ["memory", (defaultDailyLimit) => createMemoryQuota({ defaultDailyLimit })],
  ["upstash", upstashQuota],
];

/** A turn as the gate and the chat function run it: reserve, generate, settle the real count. */
async function turn(quota: Quota, userId: string, reserve: number, actual: number) {
  const admission = await quota.reserve(userId, day, reserve);
  if (admission.admitted) await quota.add(userId, day, actual - admission.reserved);
  return admission.admitted;
}

describe.each(adapters)("the %s daily token quota", (_name, create) => {
  it("admits while usage is below the limit, reserves, and settles to the real count", async () => {
    const quota = create(1_000);
    const user = `u-${Math.random()}`;
    expect(await quota.reserve(user, day, 300)).toEqual({
      admitted: true,
      used: 300,
      limit: 1_000,
      reserved: 300,
    });
    expect(await quota.add(user, day, 120 - 300)).toBe(120);
    expect(await quota.used(user, day)).toBe(120);
    expect(await quota.used(user, "2031-01-02")).toBe(0);
    await quota.add(user, day, 880);
    expect(await quota.reserve(user, day, 300)).toEqual({
      admitted: false,
      used: 1_000,
      limit: 1_000,
      reserved: 0,
    });
  });

  it("honours a per-user override set by an admin, and clearing it", async () => {
    const quota = create(1_000);
    const user = `u-${Math.random()}`;
    await quota.setDailyLimit(user, 5_000);
    expect(await quota.dailyLimit(user)).toBe(5_000);
    await quota.add(user, day, 2_000);
    expect((await quota.reserve(user, day, 10)).admitted).toBe(true);
    await quota.setDailyLimit(user, null);
    expect(await quota.dailyLimit(user)).toBe(1_000);
    expect((await quota.reserve(user, day, 10)).admitted).toBe(false);
  });

  it("overshoots by at most one turn's tokens under 40 concurrent turns", async () => {
    const limit = 1_000;
    const reserve = 300;
    const quota = create(limit);
    const user = `u-${Math.random()}`;
    await quota.add(user, day, 500);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => turn(quota, user, reserve, 250)),
    );
    const used = await quota.used(user, day);
    expect(used - limit).toBeLessThanOrEqual(reserve);
    expect(used).toBe(500 + 250 * outcomes.filter(Boolean).length);
  });
});

describe("the Upstash quota in Redis", () => {
  it("keeps one counter per user per UTC day that expires a day after its day", async () => {
    const quota = upstashQuota(1_000);
    await quota.add("ttl-user", day, 5);
    const key = `${harness.keyspace.prefix}quota:used:ttl-user:${day}`;
    expect(await harness.keyspace.redis.expiretime(key)).toBe(Date.parse("2031-01-03") / 1000);
  });

  it("negative control: check-then-add without a reservation overshoots by many turns", async () => {
    const quota = upstashQuota(1_000);
    await quota.add("naive", day, 500);
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        if ((await quota.used("naive", day)) < 1_000) await quota.add("naive", day, 250);
      }),
    );
    expect((await quota.used("naive", day)) - 1_000).toBeGreaterThan(300);
  });

  it("ships the SHA-1 of each script it sends with EVALSHA", () => {
    for (const script of [reserveScript, addScript]) {
      expect(createHash("sha1").update(script.source).digest("hex")).toBe(script.sha1);
    }
  });

  it("reports down when Redis is unreachable", async () => {
    harness.bridge.faults.dropConnections = true;
    try {
      expect((await upstashQuota(1).health()).status).toBe("down");
    } finally {
      harness.bridge.faults.reset();
    }
    expect((await upstashQuota(1).health()).status).toBe("ok");
  });
});

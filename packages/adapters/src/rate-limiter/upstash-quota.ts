import type { Redis } from "@upstash/redis";
import type { AdapterHealth } from "@wwhd/core/ports/adapter-health.ts";
import type { Quota, QuotaAdmission } from "@wwhd/core/ports/rate-limiter.ts";
import { addScript, reserveScript } from "./quota-scripts.ts";
import { runScript } from "./redis-script.ts";
import { pingHealth } from "./upstash-health.ts";

export interface UpstashQuotaOptions {
  redis: Redis;
  /** Tokens per user per UTC day unless an admin set an override. */
  defaultDailyLimit: number;
  /** Key prefix; default `wwhd:quota`. */
  prefix?: string;
}

const DAY_SECONDS = 86_400;

/** A day's usage key outlives its day by one more, for turns that settle after midnight. */
const expiryOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000 + 2 * DAY_SECONDS;

/** Daily token quota in Upstash Redis: one counter per user per UTC day, with a TTL. */
export function createUpstashQuota(options: UpstashQuotaOptions): Quota {
  const { redis, defaultDailyLimit } = options;
  const prefix = options.prefix ?? "wwhd:quota";
  const usedKey = (userId: string, day: string) => `${prefix}:used:${userId}:${day}`;
  const limitKey = (userId: string) => `${prefix}:limit:${userId}`;
  const asNumber = (value: unknown, fallback: number) =>
    value === null || value === undefined ? fallback : Number(value);

  return {
    async used(userId, day) {
      return asNumber(await redis.get(usedKey(userId, day)), 0);
    },
    async reserve(userId, day, tokens): Promise<QuotaAdmission> {
      const [admitted, used, limit] = await runScript<[number, number, number]>(
        redis,
        reserveScript,
        [usedKey(userId, day), limitKey(userId)],
        [defaultDailyLimit, tokens, expiryOf(day)],
      );
      return { admitted: admitted === 1, used, limit, reserved: admitted === 1 ? tokens : 0 };
    },
    add(userId, day, tokens) {
      return runScript<number>(redis, addScript, [usedKey(userId, day)], [tokens, expiryOf(day)]);
    },
    async dailyLimit(userId) {
      return asNumber(await redis.get(limitKey(userId)), defaultDailyLimit);
    },
    async setDailyLimit(userId, limit) {
      if (limit === null) await redis.del(limitKey(userId));
      else await redis.set(limitKey(userId), limit);
    },
    async forget(userId, days) {
      await redis.del(limitKey(userId), ...days.map((day) => usedKey(userId, day)));
    },
    health: (): Promise<AdapterHealth> => pingHealth(redis),
  };
}

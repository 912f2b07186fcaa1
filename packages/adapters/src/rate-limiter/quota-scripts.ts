import type { RedisScript } from "./redis-script.ts";

/**
 * KEYS: usage of the day, the user's limit override. ARGV: default limit, tokens to reserve,
 * expiry (epoch seconds). Admits while usage is below the limit and reserves in the same atomic
 * step, which is what bounds the overshoot of concurrent turns to one reservation.
 */
export const reserveScript: RedisScript = {
  source: `local used = tonumber(redis.call("GET", KEYS[1]) or "0")
local limit = tonumber(redis.call("GET", KEYS[2]) or ARGV[1])
if used >= limit then return {0, used, limit} end
used = redis.call("INCRBY", KEYS[1], ARGV[2])
redis.call("EXPIREAT", KEYS[1], ARGV[3])
return {1, used, limit}`,
  sha1: "2a86eb8c0d084134d85cd346e7aa6481f32b3568",
};

/** KEYS: usage of the day. ARGV: tokens (may be negative), expiry (epoch seconds). */
export const addScript: RedisScript = {
  source: `local used = redis.call("INCRBY", KEYS[1], ARGV[1])
redis.call("EXPIREAT", KEYS[1], ARGV[2])
return used`,
  sha1: "d1f618f81bc3b3a65e9ec11e7ed509ce1baffcc7",
};

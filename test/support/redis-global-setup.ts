import { startTestRedis, TEST_REDIS_URL_VARIABLE } from "./redis.ts";

/**
 * Chooses the test Redis once per run (an existing one on :6379, or a throw-away redis-server)
 * and hands its URL to the test workers through the environment they inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const redis = await startTestRedis();
  process.env[TEST_REDIS_URL_VARIABLE] = redis.url;
  return () => redis.stop();
}

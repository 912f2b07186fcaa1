import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";

/** Set by the vitest global setup so every test file shares one Redis. */
export const TEST_REDIS_URL_VARIABLE = "WWHD_TEST_REDIS_URL";
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export interface TestRedis {
  url: string;
  /** Stops the redis-server child if this process started one; a no-op otherwise. */
  stop(): Promise<void>;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no TCP port available");
  return address.port;
}

async function spawnRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const failedToStart = new Promise<never>((_, reject) =>
    child.once("error", (error) =>
      reject(
        new Error(
          `redis-server could not start (install it: apt-get install redis-server): ${error.message}`,
        ),
      ),
    ),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await answersPing(url)) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${port} did not answer PING`);
  })();
  await Promise.race([ready, failedToStart]);
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
    },
  };
}

/**
 * The Redis tests run against: the one the global setup chose, else a Redis already answering
 * on 127.0.0.1:6379, else a throw-away `redis-server` child on a free port (no persistence).
 */
export async function startTestRedis(): Promise<TestRedis> {
  const chosen = process.env[TEST_REDIS_URL_VARIABLE];
  if (chosen) return { url: chosen, stop: async () => {} };
  if (await answersPing(DEFAULT_REDIS_URL)) return { url: DEFAULT_REDIS_URL, stop: async () => {} };
  return spawnRedisServer();
}

export interface RedisKeyspace {
  url: string;
  /** Every key a test writes starts with this, so tests sharing one Redis never collide. */
  prefix: string;
  /** A direct ioredis client, for comparing results and inspecting state. */
  redis: Redis;
  /** Deletes this keyspace's keys (never FLUSHDB: the Redis may be shared) and disconnects. */
  cleanup(): Promise<void>;
}

async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}

/** A private key prefix on the test Redis for one test file (or one test). */
export async function useRedisKeyspace(label: string): Promise<RedisKeyspace> {
  const server = await startTestRedis();
  const prefix = `test:${label}:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(server.url);
  return {
    url: server.url,
    prefix,
    redis,
    cleanup: async () => {
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
      await server.stop();
    },
  };
}

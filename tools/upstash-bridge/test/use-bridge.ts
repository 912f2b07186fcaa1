import { type RedisConfigNodejs, Redis as UpstashRedis } from "@upstash/redis";
import { type RedisKeyspace, useRedisKeyspace } from "../../../test/support/redis.ts";
import { type Bridge, startBridge } from "../src/bridge.ts";

export interface BridgeHarness {
  bridge: Bridge;
  keyspace: RedisKeyspace;
  /** Every request the bridge served, for counting round trips. */
  requests: { path: string; body: unknown }[];
  /** A fresh, independent @upstash/redis client (its own auto-pipeline) talking to the bridge. */
  client(overrides?: Partial<RedisConfigNodejs>): UpstashRedis;
  close(): Promise<void>;
}

/**
 * A bridge in front of the test Redis with a private key prefix. Clients do not retry (a retry
 * can apply a command twice) and send no telemetry.
 */
export async function useBridge(label: string): Promise<BridgeHarness> {
  const keyspace = await useRedisKeyspace(label);
  const requests: { path: string; body: unknown }[] = [];
  const bridge = await startBridge({
    redisUrl: keyspace.url,
    token: `token-${label}`,
    onRequest: (path, body) => requests.push({ path, body }),
  });
  return {
    bridge,
    keyspace,
    requests,
    client: (overrides = {}) =>
      new UpstashRedis({
        url: bridge.url,
        token: bridge.token,
        retry: false,
        enableTelemetry: false,
        ...overrides,
      }),
    close: async () => {
      await bridge.close();
      await keyspace.cleanup();
    },
  };
}

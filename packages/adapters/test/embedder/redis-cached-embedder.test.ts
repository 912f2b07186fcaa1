import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BridgeHarness, useBridge } from "../../../../tools/upstash-bridge/test/use-bridge.ts";
import { createHashingEmbedder } from "../../src/embedder/hashing-embedder.ts";
import { cacheEmbeddingsInRedis } from "../../src/embedder/redis-cached-embedder.ts";

let harness: BridgeHarness;
beforeAll(async () => {
  harness = await useBridge("embedding-cache");
});
afterAll(() => harness.close());

/** The real hashing embedder, counting the texts it was asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const inner = createHashingEmbedder();
  const texts: string[] = [];
  const embed = (batch: string[]) => {
    texts.push(...batch);
    return inner.embed(batch);
  };
  return { ...inner, texts, embed };
}

describe("the Redis (L2) embedding cache, through the Upstash bridge", () => {
  it("embeds a text once for every instance sharing the Redis, for five minutes", async () => {
    const inner = countingEmbedder();
    const prefix = `${harness.keyspace.prefix}emb`;
    const first = cacheEmbeddingsInRedis(inner, { redis: harness.client(), prefix });
    const second = cacheEmbeddingsInRedis(inner, { redis: harness.client(), prefix });
    const [a] = await first.embed(["how do I breathe?"]);
    const [b, c] = await second.embed(["how do I breathe?", "how do I sleep?"]);
    expect(b).toEqual(a);
    expect(c).toHaveLength(inner.dimensions);
    expect(inner.texts).toEqual(["how do I breathe?", "how do I sleep?"]);

    const keys = await harness.keyspace.redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(2);
    expect(keys.join(" ")).not.toContain("breathe");
    const ttl = await harness.keyspace.redis.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it("answers from the embedder when Redis fails", async () => {
    const inner = countingEmbedder();
    harness.bridge.faults.failWith500 = true;
    try {
      const cache = cacheEmbeddingsInRedis(inner, {
        redis: harness.client(),
        prefix: `${harness.keyspace.prefix}down`,
      });
      const [vector] = await cache.embed(["still answered"]);
      expect(vector).toHaveLength(inner.dimensions);
      expect(inner.texts).toEqual(["still answered"]);
    } finally {
      harness.bridge.faults.reset();
    }
  });
});

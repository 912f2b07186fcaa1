import type { Redis } from "@upstash/redis";
import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";

export interface RedisEmbeddingCacheOptions {
  redis: Redis;
  /** Five minutes by default: long enough for retries and follow-ups, short for a mutable store. */
  ttlSeconds?: number;
  prefix?: string;
  logger?: Logger;
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  );
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A shared (L2) cache of embeddings in Redis, behind each instance's in-process LRU: every
 * function instance reuses a vector another one paid for. Keys hold a hash of the text, never
 * the text. Redis trouble is never the caller's: the embedder answers instead.
 */
export function cacheEmbeddingsInRedis(
  embedder: Embedder,
  options: RedisEmbeddingCacheOptions,
): Embedder {
  const ttl = options.ttlSeconds ?? 300;
  const prefix = `${options.prefix ?? "wwhd:embedding"}:${embedder.id}:`;
  const keysOf = (texts: string[]) =>
    Promise.all(texts.map(async (text) => prefix + (await digest(text))));

  async function cached(keys: string[]): Promise<(number[] | null)[]> {
    try {
      return keys.length === 0 ? [] : await options.redis.mget<(number[] | null)[]>(...keys);
    } catch (error) {
      options.logger?.warn("embedding cache unavailable", { error: (error as Error).name });
      return keys.map(() => null);
    }
  }

  async function store(entries: [string, number[]][]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = options.redis.pipeline();
    for (const [key, vector] of entries) pipeline.set(key, vector, { ex: ttl });
    await pipeline.exec().catch((error: unknown) => {
      options.logger?.warn("embedding cache not written", { error: (error as Error).name });
    });
  }

  return {
    id: embedder.id,
    dimensions: embedder.dimensions,
    health: () => embedder.health(),
    async embed(texts) {
      const keys = await keysOf(texts);
      const hits = await cached(keys);
      const missing = texts.flatMap((_, i) => (hits[i] ? [] : [i]));
      const fresh =
        missing.length > 0 ? await embedder.embed(missing.map((i) => texts[i] as string)) : [];
      await store(missing.map((i, n) => [keys[i] as string, fresh[n] as number[]]));
      const computed = new Map(missing.map((i, n) => [i, fresh[n] as number[]]));
      return texts.map((_, i) => hits[i] ?? (computed.get(i) as number[]));
    },
  };
}
